/**
 * Figures as of a year (#14 point 6): with a year chosen, the list shows (and the choropleth
 * classifies) the latest figure dated by then, or none. 菏泽高新区's fixed-asset investment is a
 * 2017 figure: absent in 2016, shown from 2017.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { byId } from './data.ts';
import { launchChromium, openApp, startServer, type AppServer } from './harness.ts';

let server: AppServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

const zone = byId('heze-hitech');
const value = (zone.properties.figures ?? []).find((f) => f.what === 'fixed_asset_investment')!;

/** The list row of the zone, as its text. */
const zoneRow = () =>
  page
    .getByRole('complementary', { name: '园区列表' })
    .getByRole('button')
    .filter({ hasText: zone.properties.name_zh })
    .first()
    .textContent();

describe('figures as of a year', () => {
  it('the list’s value follows the year: none before the figure’s year, the figure from then', async () => {
    expect(value.year).toBe(2017);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    await openApp(page, `${server.url}#ch=fixed_asset_investment&yr=2016`);
    await expect.poll(zoneRow).not.toContain(String(value.value));
    await page.getByRole('slider', { name: '截至 2016 年' }).fill('2017');
    await expect.poll(zoneRow).toContain(String(value.value));
  });
});
