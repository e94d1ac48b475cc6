/** A dataset far larger than the embedded one, given with ?data=: the page must stay usable. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pointLayerId } from '../../src/lib/map/ids.ts';
import { launchChromium, openApp, startServer, type AppServer } from './harness.ts';

let server: AppServer;
let browser: Browser;
let page: Page;

/** 5,000 schema-valid points spread over western Shandong (deterministic). */
function dataset(n: number) {
  const kinds = ['park', 'platform', 'project', 'enterprise'] as const;
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({
      type: 'Feature',
      id: `many-${i}`,
      geometry: {
        type: 'Point',
        coordinates: [115.5 + (i % 100) * 0.02, 35 + Math.floor(i / 100) * 0.02],
      },
      properties: {
        id: `many-${i}`,
        kind: kinds[i % 4],
        name_zh: `测试园区${i}`,
        name_en: `Test park ${i}`,
        zone: 'many-zone',
        industries: i % 3 === 0 ? ['biomedicine'] : ['new-materials'],
        status: 'unknown',
        precision: 'zone',
        sources: [{ doc: 'test.txt', quote: 'test' }],
      },
    })),
  };
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.route(
    (url) => url.pathname === '/__test__/many.geojson',
    (route) => route.fulfill({ contentType: 'application/json', json: dataset(5000) }),
  );
  await openApp(page, `${server.url}?data=/__test__/many.geojson`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a large dataset', () => {
  it('draws points as circles and lists only the first 300, saying so', async () => {
    const type = await page.evaluate(
      (id) => window.parkAtlas!.controller.map.getLayer(id)?.type,
      pointLayerId('park'),
    );
    expect(type).toBe('circle');
    const list = page.getByRole('list', { name: '园区列表' });
    expect(await list.getByRole('button').count()).toBe(300);
    expect(await page.getByText('列表只显示前 300 项（共 5000 项）').count()).toBe(1);
  });

  it('filters by industry: the list and the map follow', async () => {
    await page.locator('[data-industry=biomedicine]').check();
    await expect.poll(() => page.getByText('列表只显示前 300 项（共 1667 项）').count()).toBe(1);
    await page.evaluate(() => window.parkAtlas!.controller.whenIdle());
    const drawn = await page.evaluate(
      (layers) =>
        window
          .parkAtlas!.controller.map.queryRenderedFeatures({ layers })
          .every((f) => f.properties.ind_biomedicine === true),
      ['park', 'platform', 'project', 'enterprise'].map((k) => pointLayerId(k as 'park')),
    );
    expect(drawn).toBe(true);
  });
});
