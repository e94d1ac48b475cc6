/**
 * Figures as of a year (#14 point 6): with a year chosen, the list shows (and the choropleth
 * classifies) the latest figure dated by then, or none. 菏泽高新区's fixed-asset investment is a
 * 2017 figure: absent in 2016, shown from 2017. District totals follow the year too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { firstReportedYear } from '../../src/lib/data/time.ts';
import { byId, districts, documents, pointsIn } from './data.ts';
import { districtFill, legendColorOf } from './district-fill.ts';
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

describe('district totals as of a year', () => {
  const docs = new Map(documents.map((d) => [d.file, d.date]));
  const mudan = districts.find((d) => d.properties.name === '牡丹区')!;
  /** 牡丹区's count by the end of a year: its points first reported by then. */
  const countIn = (year: number) =>
    pointsIn(mudan).filter((f) => (firstReportedYear(f.properties as never, docs) ?? 1e4) <= year)
      .length;

  it('count the points reported by then: 牡丹区 has none in 2017, its parks from 2018', async () => {
    // The premise, from data/: 菏泽高新区's parks are first reported in 2018-01 and 2018-10.
    expect([countIn(2017), countIn(2018) > 0, countIn(2021) > 0]).toEqual([0, true, true]);
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    // One break at 1: a district with no point then is in the first class, any other in the second.
    await openApp(page, `${server.url}#ch=count&cby=districts&cm=manual&cb=1&yr=2017`);
    const code = mudan.properties.code;
    await expect.poll(() => legendColorOf(page, 0)).not.toBeNull();
    await expect.poll(() => districtFill(page, code)).toBe(await legendColorOf(page, 0));
    await page.getByRole('slider', { name: '截至 2017 年' }).fill('2018');
    await expect
      .poll(() => legendColorOf(page, countIn(2018)))
      .not.toBe(await legendColorOf(page, 0));
    await expect
      .poll(() => districtFill(page, code))
      .toBe(await legendColorOf(page, countIn(2018)));
  });
});
