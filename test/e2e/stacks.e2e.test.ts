/**
 * Province view (#15 point 13): the points known only to their zone share its label point; below
 * the fan's zoom each stack carries a count of what the filters show, and a click on it zooms
 * in until the fan is open. Expected counts come from data/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { effectivePrecision } from '../../src/lib/data/precision.ts';
import type { ParkFeature } from '../../src/lib/data/schema.ts';
import {
  BADGE_OFFSET,
  STACK_LAYER,
  STACK_MAXZOOM,
  STACK_SOURCE,
} from '../../src/lib/map/stacks.ts';
import { features, industriesOf, type DataFeature } from './data.ts';
import { launchChromium, openApp, startServer, type AppServer } from './harness.ts';

let server: AppServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  await openApp(page, `${server.url}#map=6.2/36.3/117.7/0/0&v=1`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const asPark = (f: DataFeature) => f as unknown as ParkFeature;
const index = new Map(features.map((f) => [f.id, asPark(f)]));
/** Zone-precision points per shared position, among those `keep` keeps: "lng,lat" → count. */
function expected(keep: (f: DataFeature) => boolean): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of features) {
    if (f.geometry.type !== 'Point' || effectivePrecision(asPark(f), index) !== 'zone') continue;
    if (!keep(f)) continue;
    const key = (f.geometry.coordinates as number[]).join(',');
    out[key] = (out[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).filter(([, n]) => n >= 2));
}

/** The counts the map shows: position → number, read from the drawn badges switched on. */
const shown = () =>
  page.evaluate(
    ([layer, source]) => {
      const map = window.parkAtlas!.controller.map;
      const out: Record<string, number> = {};
      for (const f of map.queryRenderedFeatures({ layers: [layer!] })) {
        if (!map.getFeatureState({ source: source!, id: f.id! }).on) continue;
        const c = (f.geometry as { coordinates: number[] }).coordinates;
        // Rendered coordinates are rounded to the tile grid: the position, to 2 decimals.
        out[c.map((v) => v.toFixed(2)).join(',')] = Number(f.properties.n);
      }
      return out;
    },
    [STACK_LAYER.count, STACK_SOURCE],
  );
const rounded = (counts: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(counts).map(([k, n]) => [
      k
        .split(',')
        .map((v) => Number(v).toFixed(2))
        .join(','),
      n,
    ]),
  );
const idle = () => page.evaluate(() => window.parkAtlas!.controller.whenIdle());

describe('stacks at province view', () => {
  it('shows each zone’s stack as a count of its points', async () => {
    const all = expected(() => true);
    expect(Math.max(...Object.values(all))).toBeGreaterThan(20);
    await expect.poll(shown).toEqual(rounded(all));
  });

  it('counts only what the industry filter shows', async () => {
    const code = 'biomedicine';
    const box = page.locator(`[data-industry="${code}"]`);
    await box.check();
    await idle();
    const filtered = expected((f) => industriesOf(f).includes(code));
    await expect.poll(shown).toEqual(rounded(filtered));
    await box.uncheck();
    await idle();
  });

  it('zooms in on a stack when its count is clicked, until the fan is open', async () => {
    const [lng, lat] = Object.keys(expected(() => true))[0]!
      .split(',')
      .map(Number);
    const at = await page.evaluate(
      (ll) => window.parkAtlas!.controller.map.project(ll as [number, number]),
      [lng, lat],
    );
    const box = (await page.locator('#atlas-map canvas').boundingBox())!;
    // The badge sits beside its stack (BADGE_OFFSET px).
    await page.mouse.click(box.x + at.x + BADGE_OFFSET[0], box.y + at.y + BADGE_OFFSET[1]);
    await expect
      .poll(() => page.evaluate(() => window.parkAtlas!.controller.map.getZoom()))
      .toBeGreaterThanOrEqual(STACK_MAXZOOM);
    await idle();
    // Nothing was selected: the click was on the count, not on a point.
    expect(await page.locator('section.details').count()).toBe(0);
    expect(await shown()).toEqual({});
  });
});
