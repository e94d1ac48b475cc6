/** A dataset far larger than the embedded one, given with ?data=: the page must stay usable. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { GeoJSONSource } from 'maplibre-gl';
import { pointLayerId } from '../../src/lib/map/ids.ts';
import { GPU_POINTS_LAYER } from '../../src/lib/map/points/gpu-points.ts';
import { defaultTheme } from '../../src/lib/map/style/theme.ts';
import { INDUSTRY_PALETTE } from '../../src/lib/map/style/paint.ts';
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

const many = dataset(5000);

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page of its own on the large dataset, at `hash`: no test sees what another one did. */
async function open(hash = ''): Promise<void> {
  await page?.close();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.route(
    (url) => url.pathname === '/__test__/many.geojson',
    (route) => route.fulfill({ contentType: 'application/json', json: many }),
  );
  await openApp(page, `${server.url}?data=/__test__/many.geojson${hash}`);
}

/** Point 201 (a platform) in the middle of a zoom-11 view: points 58 px apart. */
const ZOOMED = '#map=11/35.04/115.52&v=1';

/** The colour on screen at a CSS pixel of the page, as [r, g, b]. */
async function pixelAt(x: number, y: number): Promise<number[]> {
  const png = await page.screenshot({
    clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 },
  });
  return page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bitmap = await createImageBitmap(blob);
    const ctx = new OffscreenCanvas(1, 1).getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png.toString('base64'));
}

/** Where point `i` of the dataset is on the page (map container offset included). */
async function screenOf(i: number): Promise<{ x: number; y: number }> {
  const lngLat: [number, number] = [115.5 + (i % 100) * 0.02, 35 + Math.floor(i / 100) * 0.02];
  return page.evaluate((ll) => {
    const map = window.parkAtlas!.controller.map;
    const p = map.project(ll);
    const r = map.getContainer().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, lngLat);
}

const hex = (h: string) => [1, 3, 5].map((k) => parseInt(h.slice(k, k + 2), 16));
/** Colours match when every channel is within a few levels (antialiasing, blending). */
const near = (a: number[], b: number[]) => a.every((x, k) => Math.abs(x - (b[k] ?? 0)) <= 12);

async function idle() {
  await page.evaluate(() => window.parkAtlas!.controller.whenIdle());
}

describe('a large dataset', () => {
  it('draws points on the GPU layer, not as style layers, and lists only the first 300', async () => {
    await open();
    const types = await page.evaluate(
      (ids) => ids.map((id) => window.parkAtlas!.controller.map.getLayer(id)?.type ?? null),
      [GPU_POINTS_LAYER, pointLayerId('park')],
    );
    expect(types).toEqual(['custom', null]);
    const list = page.getByRole('list', { name: '园区列表' });
    expect(await list.getByRole('button').count()).toBe(300);
    expect(
      await page.getByText(`列表只显示前 300 项（共 ${many.features.length} 项）`).count(),
    ).toBe(1);
  });

  it('zoomed in, each point is drawn in its kind’s colour, with labels for those in view', async () => {
    // Set through the app's state here (the other tests open the same camera from a link).
    await open();
    await page.evaluate(() => {
      const app = window.parkAtlas!.app;
      app.camera = { lng: 115.52, lat: 35.04, zoom: 11, bearing: 0, pitch: 0 };
    });
    await idle();
    const p201 = await screenOf(201);
    const p203 = await screenOf(203);
    expect(near(await pixelAt(p201.x, p201.y), hex(defaultTheme.kind.platform))).toBe(true);
    expect(near(await pixelAt(p203.x, p203.y), hex(defaultTheme.kind.enterprise))).toBe(true);
    // Halfway between two points: no marker.
    const between = await pixelAt(p201.x + 29, p201.y);
    expect(near(between, hex(defaultTheme.kind.platform))).toBe(false);
    const labelled = await page.evaluate(async () => {
      const source = window.parkAtlas!.controller.map.getSource('points') as GeoJSONSource;
      const data = await source.getData();
      return data.type === 'FeatureCollection' ? data.features.map((f) => f.id) : [];
    });
    expect(labelled).toContain('many-201');
    expect(labelled.length).toBeLessThan(400);
  });

  it('a click on a point opens its details', async () => {
    await open(ZOOMED);
    const p = await screenOf(202);
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => page.getByRole('region', { name: '测试园区202' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('region', { name: '测试园区202' }).count()).toBe(0);
  });

  it('filters by industry: hidden points vanish and cannot be clicked; the list follows', async () => {
    await open(ZOOMED);
    await page.locator('[data-industry=biomedicine]').check();
    const bio = many.features.filter((f) => f.properties.industries.includes('biomedicine')).length;
    await expect.poll(() => page.getByText(`列表只显示前 300 项（共 ${bio} 项）`).count()).toBe(1);
    await idle();
    // 202 (a project) is new-materials: gone. 204 (a park) is biomedicine: drawn in the first
    // selected industry's colour.
    const p202 = await screenOf(202);
    const p204 = await screenOf(204);
    expect(near(await pixelAt(p202.x, p202.y), hex(defaultTheme.kind.project))).toBe(false);
    expect(near(await pixelAt(p204.x, p204.y), hex(defaultTheme.kind.park))).toBe(false);
    expect(near(await pixelAt(p204.x, p204.y), hex(INDUSTRY_PALETTE[0]!))).toBe(true);
    await page.mouse.click(p202.x, p202.y);
    // Longer than a double click, so the second click is not a zoom.
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => window.parkAtlas!.app.selected)).toBeNull();
    await page.mouse.click(p204.x, p204.y);
    await expect.poll(() => page.getByRole('region', { name: '测试园区204' }).count()).toBe(1);
  });

  it('turning a kind’s layer off hides its points', async () => {
    await open(ZOOMED);
    const p203 = await screenOf(203);
    await page.evaluate(() => {
      const app = window.parkAtlas!.app;
      app.layers = { ...app.layers, enterprises: false };
    });
    await idle();
    expect(near(await pixelAt(p203.x, p203.y), hex(defaultTheme.kind.enterprise))).toBe(false);
    await page.evaluate(() => {
      const app = window.parkAtlas!.app;
      app.layers = { ...app.layers, enterprises: true };
    });
    await idle();
    expect(near(await pixelAt(p203.x, p203.y), hex(defaultTheme.kind.enterprise))).toBe(true);
  });
});
