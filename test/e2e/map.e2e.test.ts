import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAYER } from '../../src/lib/map/ids.ts';
import { launchChromium, openApp, startServer, type AppServer } from './harness.ts';

let server: AppServer;
let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Every request of the page, its frames and its workers, including ones that fail.
  page.context().on('request', (r) => requests.push(r.url()));
  await openApp(page, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the map on its embedded data', () => {
  it('reaches idle and shows the whole of Shandong', async () => {
    const bounds = await page.evaluate(() =>
      window.parkAtlas?.controller.map.getBounds().toArray(),
    );
    expect(bounds).toBeDefined();
    const [[w, s], [e, n]] = bounds as [[number, number], [number, number]];
    // Shandong spans about 114.8–122.7 E, 34.4–38.4 N: all of it is in view.
    expect(w).toBeLessThan(114.8);
    expect(e).toBeGreaterThan(122.7);
    expect(s).toBeLessThan(34.4);
    expect(n).toBeGreaterThan(38.4);
  });

  it('finds 牡丹区 (菏泽) in the basemap layer', async () => {
    const found = await page.evaluate((layer) => {
      const map = window.parkAtlas!.controller.map;
      const p = map.project([115.48, 35.25]);
      return map
        .queryRenderedFeatures(p, { layers: [layer] })
        .map((f) => [f.properties.name, f.properties.city]);
    }, LAYER.districtFill);
    expect(found).toContainEqual(['牡丹区', '菏泽市']);
  });

  it('renders district labels once zoomed in', async () => {
    await page.evaluate(() => {
      window.parkAtlas!.controller.map.jumpTo({ center: [115.6, 35.3], zoom: 8.5 });
      return window.parkAtlas!.controller.whenIdle();
    });
    const labels = await page.evaluate(
      (layer) =>
        window
          .parkAtlas!.controller.map.queryRenderedFeatures({ layers: [layer] })
          .map((f) => String(f.properties.name)),
      LAYER.districtLabel,
    );
    expect(labels).toContain('牡丹区');
    expect(labels.length).toBeGreaterThan(5);
  });

  it('draws something: the screenshot is not blank', async () => {
    const png = await page.screenshot({ type: 'png' });
    const colours = await page.evaluate(async (b64) => {
      const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 7)
        seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    }, png.toString('base64'));
    // A blank or single-colour page has a handful; a drawn map with labels has hundreds.
    expect(colours).toBeGreaterThan(100);
  });

  it('made every request to its own origin, fonts included', async () => {
    const origin = new URL(server.url).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u));
    expect(foreign).toEqual([]);
    expect(requests.some((u) => u.includes('/fonts/noto-sans-sc/') && u.endsWith('.woff2'))).toBe(
      true,
    );
  });
});
