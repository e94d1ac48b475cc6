/**
 * Points read from a PMTiles archive (`?tiles=`): a small archive built by the real tiler, served
 * with byte ranges as a static server would, drives the same layers, filters, choropleth, list
 * and details as the GeoJSON paths.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { pointFeatures } from '../../scripts/bench/generate.ts';
import { buildPointArchive } from '../../scripts/tiles/build.ts';
import { pointLayerId, POINT_KINDS } from '../../src/lib/map/ids.ts';
import type { ParkFeatureInput } from '../../src/lib/data/schema.ts';
import { pinyinOf } from '../../src/lib/search/pinyin.ts';
import { launchChromium, openApp, startServer, type AppServer } from './harness.ts';

const N = 3000;
const ARCHIVE = '/__test__/points.pmtiles';
/** The same points sourced from dated documents (a third each: 2016, 2018, 2021), and undated. */
const DATED = '/__test__/dated.pmtiles';
const UNDATED = '/__test__/undated.pmtiles';
const DOCS = ['002_61bb901c4a78b301.txt', '004_fd25001b35cc8dd7.txt', '001_ebd8ed2b83fc6796.txt'];
/** The year a point of the dated archive is first reported: its document's. */
const firstYear = (id: string) => [2016, 2018, 2021][Number(id.slice(4)) % 3]!;

let server: AppServer;
let browser: Browser;
let page: Page;
let dir: string;
let bytes: Buffer;
let features: ParkFeatureInput[];
let dated: Buffer;
let undated: Buffer;

/** Answers a request for the archive as a static server does: 206 with Content-Range. */
async function serveRanges(route: Route, body: Buffer): Promise<void> {
  const range = /^bytes=(\d+)-(\d*)$/.exec(route.request().headers()['range'] ?? '');
  if (!range) return route.fulfill({ status: 200, body, contentType: 'application/octet-stream' });
  const start = Number(range[1]);
  const end = Math.min(body.length - 1, range[2] ? Number(range[2]) : body.length - 1);
  if (start >= body.length)
    return route.fulfill({ status: 416, headers: { 'content-range': `bytes */${body.length}` } });
  return route.fulfill({
    status: 206,
    body: body.subarray(start, end + 1),
    headers: {
      'content-type': 'application/octet-stream',
      'content-range': `bytes ${start}-${end}/${body.length}`,
      'accept-ranges': 'bytes',
    },
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tiles-e2e-'));
  const out = join(dir, 'points.pmtiles');
  features = [...pointFeatures(N, 7)];
  buildPointArchive({ input: () => features, source: 'e2e', out });
  bytes = readFileSync(out);
  const resourced = features.map((f) => ({
    ...f,
    properties: {
      ...f.properties,
      sources: [{ doc: DOCS[Number(String(f.properties.id).slice(4)) % 3]!, quote: 'q' }],
    },
  }));
  buildPointArchive({ input: () => resourced, source: 'e2e', out: join(dir, 'dated.pmtiles') });
  dated = readFileSync(join(dir, 'dated.pmtiles'));
  const plain = join(dir, 'undated.pmtiles');
  buildPointArchive({ input: () => resourced, source: 'e2e', out: plain, docs: false });
  undated = readFileSync(plain);
  server = await startServer();
  browser = await launchChromium();
});
/** Each test gets a page of its own on the archive: none sees another's camera or selection. */
beforeEach(async () => {
  await page?.close();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.route(
    (url) => url.pathname === ARCHIVE,
    (route) => serveRanges(route, bytes),
  );
  await openApp(page, `${server.url}?tiles=${ARCHIVE}`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function idle() {
  await page.evaluate(() => window.parkAtlas!.controller.whenIdle());
}

/** Ids of the points drawn now, per the circle layers. */
async function drawnIds(): Promise<string[]> {
  return page.evaluate((layers) => {
    const map = window.parkAtlas!.controller.map;
    return map
      .queryRenderedFeatures({ layers })
      .map((f) => String(f.properties.id))
      .filter((id, i, all) => all.indexOf(id) === i);
  }, POINT_KINDS.map(pointLayerId));
}

describe('points from a PMTiles archive', () => {
  it('draws the archive’s points as circle layers, with no error', async () => {
    const types = await page.evaluate(
      (id) => window.parkAtlas!.controller.map.getLayer(id)?.type ?? null,
      pointLayerId('enterprise'),
    );
    expect(types).toBe('circle');
    const ids = await drawnIds();
    expect(ids.length).toBeGreaterThan(500);
    expect(ids.every((id) => /^syn-\d+$/.test(id))).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('an industry filter hides the points without that industry', async () => {
    const byId = new Map(features.map((f) => [f.id, f.properties.industries ?? []]));
    const code = 'new-materials';
    const before = await drawnIds();
    await page.locator(`[data-industry=${code}]`).check();
    await idle();
    const after = await drawnIds();
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before.length);
    expect(after.every((id) => byId.get(id)?.includes(code))).toBe(true);
  });

  it('counts every point of the archive per layer, from its metadata', async () => {
    const enterprises = features.filter((f) => f.properties.kind === 'enterprise').length;
    const row = page.locator('label', { has: page.locator('[data-layer=enterprises]') });
    expect(await row.locator('.count').innerText()).toBe(String(enterprises));
  });

  it('colours points by a field, with a legend counted from the metadata’s sample', async () => {
    await page.locator('[data-control=field]').selectOption('total_investment');
    const legend = page.getByRole('region', { name: /图例|Legend/ });
    await expect.poll(() => legend.count()).toBe(1);
    expect(await legend.innerText()).toContain('总投资');
    // Fewer than 10,000 values: the sample is all of them, so the counts are exact (no ≈).
    const withValue = features.filter((f) => (f.properties.figures ?? []).length > 0).length;
    const counts = await legend.locator('li:not([data-class=no-data]) .count').allInnerTexts();
    expect(counts.every((c) => /^\d+$/.test(c))).toBe(true);
    expect(counts.reduce((n, c) => n + Number(c), 0)).toBe(withValue);
    expect(await legend.locator('[data-class=no-data] .count').innerText()).toBe(
      String(N - withValue),
    );
    await idle();
    const paint = await page.evaluate(
      (id) => JSON.stringify(window.parkAtlas!.controller.map.getPaintProperty(id, 'circle-color')),
      pointLayerId('park'),
    );
    expect(paint).toContain('fig_total_investment');
    // Districts cannot be aggregated from tiles: the choice is not offered.
    expect(await page.locator('[data-control=by]').isVisible()).toBe(false);
  });

  it('lists the points in view, each once, at most 300, with a line saying how many', async () => {
    const drawn = await drawnIds();
    const summary = page.getByText(/当前视野中 \d+ 个点位/);
    await expect.poll(() => summary.innerText()).toBe(`当前视野中 ${drawn.length} 个点位`);
    const rows = page.getByRole('list', { name: '园区列表' }).getByRole('button');
    expect(await rows.count()).toBe(Math.min(300, drawn.length));
    // Below the archive's last zoom the tiles hold a sample, and the page says so.
    const zoom = await page.evaluate(() => window.parkAtlas!.controller.map.getZoom());
    expect(zoom).toBeLessThan(12);
    expect(await page.getByText(/每块瓦片最多显示 \d+ 个点位/).count()).toBe(1);
  });

  it('a click on a point opens its details, read from its tile: figure and quote', async () => {
    const f = features.find((x) => x.properties.kind === 'park' && x.properties.figures?.length)!;
    const [lng, lat] = f.geometry.coordinates as [number, number];
    await page.evaluate(
      (c) =>
        (window.parkAtlas!.app.camera = { lng: c[0], lat: c[1], zoom: 13, bearing: 0, pitch: 0 }),
      [lng, lat] as [number, number],
    );
    await idle();
    const p = await page.evaluate(
      (ll) => {
        const map = window.parkAtlas!.controller.map;
        const xy = map.project(ll);
        const r = map.getContainer().getBoundingClientRect();
        return { x: r.left + xy.x, y: r.top + xy.y };
      },
      [lng, lat] as [number, number],
    );
    await page.mouse.click(p.x, p.y);
    expect(await page.evaluate(() => window.parkAtlas!.app.selected)).toBe(f.id);
    // On a fresh page the details chunk and the point's tile load first: seconds on this machine.
    const details = page.getByRole('region', { name: f.properties.name_zh });
    await expect.poll(() => details.count(), { timeout: 20_000 }).toBe(1);
    const text = await details.innerText();
    const figure = f.properties.figures![0]!;
    expect(text).toContain(figure.quote);
    expect(text).toContain('总投资');
    expect(await page.evaluate(() => window.parkAtlas!.app.selected)).toBe(f.id);
  });

  it('the link keeps ?tiles=, the selection, filter and choropleth: a reload opens them', async () => {
    const f = features.find(
      (x) => x.properties.kind === 'park' && x.properties.industries?.includes('new-materials'),
    )!;
    const [lng, lat] = f.geometry.coordinates as [number, number];
    await page.evaluate(
      ([id, lng, lat]) => {
        const app = window.parkAtlas!.app;
        app.camera = { lng, lat, zoom: 13, bearing: 0, pitch: 0 };
        app.selected = id;
        app.industries = ['new-materials'];
        app.choropleth = { ...app.choropleth, field: 'total_investment', method: 'jenks' };
      },
      [f.id, lng, lat] as const,
    );
    await expect.poll(() => new URL(page.url()).hash).toContain('ch=total_investment');
    const url = page.url();
    expect(new URL(url).searchParams.get('tiles')).toBe(ARCHIVE);
    expect(new URL(url).hash).toMatch(/sel=syn-\d+/);
    const id = await page.evaluate(() => window.parkAtlas!.app.selected);
    const name = features.find((f) => f.id === id)!.properties.name_zh;
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await other.route(
        (u) => u.pathname === ARCHIVE,
        (route) => serveRanges(route, bytes),
      );
      await openApp(other, url);
      await expect
        .poll(() => other.getByRole('region', { name }).count(), { timeout: 20_000 })
        .toBe(1);
      const state = await other.evaluate(() => {
        const app = window.parkAtlas!.app;
        return [app.industries, app.choropleth.field, app.choropleth.method];
      });
      expect(state).toEqual([['new-materials'], 'total_investment', 'jenks']);
      expect(await other.getByRole('region', { name: /图例/ }).count()).toBe(1);
      expect(await other.getByRole('alert').count()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('a click on a row of the list opens that point’s details', async () => {
    const row = page.getByRole('list', { name: '园区列表' }).getByRole('button').first();
    const name = (await row.innerText()).split('\n')[0]!.trim();
    await row.click();
    await expect
      .poll(() => page.getByRole('region', { name }).count(), { timeout: 20_000 })
      .toBe(1);
  });

  it('search finds the points in view by name, and by pinyin', async () => {
    const box = page.locator('[role=combobox][aria-autocomplete]');
    const id = (await drawnIds())[0]!;
    const name = features.find((f) => f.id === id)!.properties.name_zh;
    for (const query of [name, pinyinOf(name).full]) {
      await box.fill(query);
      await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
      expect(await page.getByRole('option').first().innerText()).toContain(name);
    }
  });
});

describe('points from tiles as of a year', () => {
  /** Opens an archive of the same points as of a year. */
  async function openAsOf(path: string, body: Buffer, year: number) {
    await page.route(
      (url) => url.pathname === path,
      (route) => serveRanges(route, body),
    );
    await openApp(page, `${server.url}?tiles=${path}#yr=${year}`);
    await idle();
  }

  it('hide the points not yet reported by then, by the status letters written into the tiles', async () => {
    expect(features[0]!.properties.id).toMatch(/^syn-\d+$/);
    await openAsOf(DATED, dated, 2017);
    const then = await drawnIds();
    expect(then.length).toBeGreaterThan(100);
    expect(then.every((id) => firstYear(id) <= 2017)).toBe(true);
    await expect
      .poll(() => page.locator('[data-time] .legend').innerText())
      .toContain('状态尚未报道');
    await page.getByRole('slider', { name: '截至 2017 年' }).fill('2021');
    await idle();
    await expect
      .poll(async () => (await drawnIds()).some((id) => firstYear(id) === 2021))
      .toBe(true);
    expect(await page.locator('[data-time-undated]').count()).toBe(0);
  });

  it('an archive built without dates says the year does not apply, and shows every point', async () => {
    await openAsOf(UNDATED, undated, 2017);
    await expect
      .poll(() => page.locator('[data-time-undated]').textContent())
      .toContain('年份不适用');
    expect((await drawnIds()).some((id) => firstYear(id) > 2017)).toBe(true);
  });
});

describe('a broken archive', () => {
  it('says what is wrong and where, and the basemap still draws', async () => {
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await other.route(
        (url) => url.pathname === '/__test__/broken.pmtiles',
        (route) => route.fulfill({ status: 200, body: 'not an archive' }),
      );
      await openApp(other, `${server.url}?tiles=/__test__/broken.pmtiles`);
      const alert = other.getByRole('alert');
      await expect.poll(() => alert.count()).toBe(1);
      const text = await alert.innerText();
      expect(text).toContain('/__test__/broken.pmtiles');
      expect(text).toMatch(/points archive could not be read/);
      const districts = await other.evaluate(
        () =>
          window.parkAtlas!.controller.map.queryRenderedFeatures({
            layers: ['basemap-district-fill'],
          }).length,
      );
      expect(districts).toBeGreaterThan(10);
    } finally {
      await other.close();
    }
  });
});
