/**
 * Place labels follow the interface language (issue 13): in English the map writes the cities'
 * and county seats' English names (Jinan, Gaotang County), and switching back redraws 济南; the
 * Yellow River is named along its course.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAYER } from '../../src/lib/map/ids.ts';
import { launchChromium, openApp, startServer, type AppServer } from './harness.ts';
import { changedPixels, mapPixels, project } from './pixels.ts';

let server: AppServer;
let browser: Browser;
let page: Page;
/** 济南's GeoNames point, where its label sits: no zone or point nearby to change with the language. */
const JINAN: [number, number] = [116.99722, 36.66833];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(page, `${server.url}#map=8/36.67/117.0&v=1&lang=en`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The English and Chinese names of the rendered features of a label layer. */
function rendered(layer: string): Promise<{ name: string; en: string }[]> {
  return page.evaluate(
    (id) =>
      window
        .parkAtlas!.controller.map.queryRenderedFeatures({ layers: [id] })
        .map((f) => ({ name: String(f.properties.name), en: String(f.properties.name_en) })),
    layer,
  );
}

describe('place labels in the interface language', () => {
  it('writes 济南 as Jinan and the county seats in pinyin in English, Chinese after the switch', async () => {
    const cities = await rendered(LAYER.cityLabel);
    expect(cities).toContainEqual({ name: '济南', en: 'Jinan' });
    const seats = await rendered(LAYER.districtLabel);
    expect(seats.length).toBeGreaterThan(3);
    for (const s of seats)
      expect(s.en, s.name).toMatch(/^[A-Z][A-Za-z' ]+ (District|County)$|^[A-Z][a-z']+$/);

    const english = await mapPixels(page);
    await page.locator('header button.lang').click();
    await page.evaluate(() => window.parkAtlas!.controller.whenIdle());
    const chinese = await mapPixels(page);
    const at = await project(page, JINAN);
    // The label's box redraws: "Jinan" and "济南" share no glyph.
    expect(changedPixels(english, chinese, { x: at.x, y: at.y, r: 30 })).toBeGreaterThan(40);
  });

  it('writes 黄河 along the Yellow River at the province view (zoom 7)', async () => {
    await page.evaluate(() => {
      window.parkAtlas!.controller.map.jumpTo({ zoom: 7 });
      return window.parkAtlas!.controller.whenIdle();
    });
    expect(await rendered(LAYER.riverLabel)).toContainEqual({ name: '黄河', en: 'Yellow River' });
  });
});
