/**
 * The map to orient by (issue 13, point 3), checked on the screen: the neighbouring provinces in
 * the land colour, not the sea's, so 德州 no longer looks coastal, and the prefecture seats named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAYER } from '../../src/lib/map/ids.ts';
import { defaultTheme } from '../../src/lib/map/style/theme.ts';
import { launchChromium, openApp, startServer, type AppServer } from './harness.ts';
import { hex, mapPixels, near, project, rgbAt } from './pixels.ts';

let server: AppServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // 德州 and the 河北 border west and north of it, the Bohai to the east.
  await openApp(page, `${server.url}#map=7/37.8/117.2`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the basemap beyond Shandong', () => {
  it('draws 河北 west of 德州 in the land colour, and the Bohai in the sea colour', async () => {
    const img = await mapPixels(page);
    const land = hex(defaultTheme.land);
    const sea = hex(defaultTheme.sea);
    const hebei = await project(page, [116.0, 38.3]);
    const bohai = await project(page, [118.6, 38.6]);
    for (const p of [hebei, bohai]) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(img.width);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(img.height);
    }
    // The two colours differ by 25 levels in red: a tolerance of 6 tells them apart.
    expect(rgbAt(img, hebei.x, hebei.y)).toSatisfy((c: number[]) => near(c, land, 6));
    expect(rgbAt(img, hebei.x, hebei.y)).not.toSatisfy((c: number[]) => near(c, sea, 6));
    expect(rgbAt(img, bohai.x, bohai.y)).toSatisfy((c: number[]) => near(c, sea, 6));
  });

  it('names prefecture seats at zoom 7 (济南, 德州 …), with the app’s own font', async () => {
    const names = await page.evaluate(
      (layer) =>
        window
          .parkAtlas!.controller.map.queryRenderedFeatures({ layers: [layer] })
          .map((f) => String(f.properties.name)),
      LAYER.cityLabel,
    );
    expect(names).toContain('济南');
    expect(names.length).toBeGreaterThanOrEqual(3);
  });

  it('does not name county seats yet at zoom 7: they start at 8', async () => {
    const count = await page.evaluate(
      (layer) => window.parkAtlas!.controller.map.queryRenderedFeatures({ layers: [layer] }).length,
      LAYER.districtLabel,
    );
    expect(count).toBe(0);
  });
});
