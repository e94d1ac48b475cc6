/**
 * `?data=` naming a file on another site (issue 12, point 1): nothing is fetched until the user
 * confirms in the page, and only from an origin the deployment allows (PARK_ATLAS_DATA_ORIGINS).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  launchChromium,
  openApp,
  otherOrigin,
  startServer,
  type AppServer,
  type OtherOrigin,
} from './harness.ts';

const PARKS = readFileSync('test/fixtures/import/plain-parks.geojson');

/** A data host on loopback: `/parks.geojson` with CORS, `/private.geojson` without. */
function dataServer(): Promise<OtherOrigin> {
  return otherOrigin((req, res) => {
    if (req.url?.startsWith('/parks')) res.setHeader('Access-Control-Allow-Origin', '*');
    res.writeHead(200, { 'Content-Type': 'application/geo+json' }).end(PARKS);
  });
}

let allowed: OtherOrigin;
let other: OtherOrigin;
let app: AppServer;
let browser: Browser;
const previous = process.env.PARK_ATLAS_DATA_ORIGINS;

beforeAll(async () => {
  allowed = await dataServer();
  other = await dataServer();
  process.env.PARK_ATLAS_DATA_ORIGINS = allowed.origin;
  app = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  for (const s of [allowed, other]) s?.server.close();
  if (previous === undefined) delete process.env.PARK_ATLAS_DATA_ORIGINS;
  else process.env.PARK_ATLAS_DATA_ORIGINS = previous;
});

async function openWith(url: string, lang = 'zh'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(page, `${app.url}?data=${encodeURIComponent(url)}#v=1&lang=${lang}`);
  await page.waitForSelector('[data-testid=remote-data]');
  return page;
}

const layerRows = (page: Page) => page.locator('[data-testid=import-panel] .layers li');

describe('a data link to another site', () => {
  it('asks before fetching, then imports the file as a layer once the user confirms', async () => {
    const url = `${allowed.origin}/parks.geojson`;
    const page = await openWith(url, 'en');
    const prompt = page.locator('[data-testid=remote-data]');
    await expect.poll(() => prompt.textContent()).toContain(url);
    expect(await prompt.textContent()).toContain(`sends a request to ${allowed.origin}`);
    // The built-in data is on the map meanwhile, and the other site has not been asked.
    expect(await page.evaluate(() => window.parkAtlas!.controller.map.loaded())).toBe(true);
    expect(allowed.hits).toEqual([]);
    await prompt.getByRole('button', { name: 'Load it' }).click();
    await expect.poll(() => layerRows(page).count(), { timeout: 30_000 }).toBe(1);
    expect(allowed.hits).toEqual(['/parks.geojson']);
    expect(await prompt.count()).toBe(0);
    await page.close();
  });

  it('fetches nothing when the user declines', async () => {
    const before = allowed.hits.length;
    const page = await openWith(`${allowed.origin}/parks.geojson`);
    await page.locator('[data-testid=remote-data]').getByRole('button', { name: '不加载' }).click();
    expect(await page.locator('[data-testid=remote-data]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(allowed.hits.length).toBe(before);
    expect(await layerRows(page).count()).toBe(0);
    await page.close();
  });

  it('says the site refused to share the file (no CORS), and the map keeps working', async () => {
    const page = await openWith(`${allowed.origin}/private.geojson`, 'en');
    await page.getByRole('button', { name: 'Load it' }).click();
    const panel = page.locator('[data-testid=import-panel]');
    await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toContain('CORS');
    expect(await panel.textContent()).toContain(`${allowed.origin} sent no data`);
    expect(await layerRows(page).count()).toBe(0);
    await page.close();
  });

  it('names an origin the deployment does not allow, and never requests it', async () => {
    const page = await openWith(`${other.origin}/parks.geojson`, 'en');
    const prompt = page.locator('[data-testid=remote-data]');
    expect(await prompt.textContent()).toContain(`will not request ${other.origin}`);
    expect(await prompt.getByRole('button', { name: 'Load it' }).count()).toBe(0);
    // The user can still fetch it themselves: the address is a link they follow.
    expect(await prompt.locator('a').getAttribute('href')).toBe(`${other.origin}/parks.geojson`);
    await prompt.getByRole('button', { name: 'Close' }).click();
    await page.waitForTimeout(300);
    expect(other.hits).toEqual([]);
    await page.close();
  });
});
