/**
 * The map on its embedded data, checked on the screen: what the canvas shows, at places the test
 * computes from data/ itself. Each test opens its own page (nothing carries over between tests).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LAYER } from '../../src/lib/map/ids.ts';
import { defaultTheme } from '../../src/lib/map/style/theme.ts';
import { districts, drawnPoints, features, pointsIn, type DataFeature } from './data.ts';
import { markerPoint } from './markers.ts';
import { launchChromium, openApp, startServer, type AppServer } from './harness.ts';
import {
  changedPixels,
  distinctColours,
  hex,
  mapPixels,
  near,
  pixelsNear,
  plainPixels,
  project,
  ringsOf,
  rgbAt,
  type Pixels,
  type Rgb,
} from './pixels.ts';

let server: AppServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let requests: string[];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A new page of its own at `hash`, recording every request of the page, frames and workers. */
async function open(hash = ''): Promise<Page> {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  requests = [];
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  await openApp(page, `${server.url}${hash}`);
  return page;
}
afterEach(async () => {
  await context?.close();
});

const idle = () => page.evaluate(() => window.parkAtlas!.controller.whenIdle());
const points = drawnPoints;
const lngLat = (f: DataFeature) => f.geometry.coordinates as [number, number];

/**
 * The park of the embedded data farthest from any other point: its marker stands alone (today
 * 李哥庄假发小镇, at its town's seat).
 */
/** A park placed to its zone only: it sits in its zone's fan of schematic markers. */
const fannedPark = points.find(
  (f) => f.properties.kind === 'park' && f.properties.precision === 'zone',
)!;

const lonePark = points
  .filter((f) => f.properties.kind === 'park')
  .map((f) => {
    const [x, y] = lngLat(f);
    const nearest = Math.min(
      ...points
        .filter((g) => g !== f)
        .map((g) => Math.hypot((lngLat(g)[0] - x) * 0.82, lngLat(g)[1] - y)),
    );
    return { f, nearest };
  })
  .sort((a, b) => b.nearest - a.nearest)[0]!.f;

/**
 * Puts a feature's point at (x, y) of the canvas at `zoom`, left of where details open, and
 * gives where its marker is drawn (in its zone's fan when it is placed to the zone only).
 */
async function showAt(f: DataFeature, zoom: number, x = 110): Promise<{ x: number; y: number }> {
  await page.evaluate(
    ([c, zoom, x]) => {
      const map = window.parkAtlas!.controller.map;
      map.jumpTo({ center: c, zoom });
      map.panBy([map.getCanvas().clientWidth / 2 - x, 0], { animate: false });
    },
    [lngLat(f), zoom, x] as const,
  );
  await idle();
  return markerPoint(page, f.id, 'canvas');
}

/** Hides or shows every point layer through the app's state. */
async function pointLayers(on: boolean): Promise<void> {
  await page.evaluate((on) => {
    const app = window.parkAtlas!.app;
    app.layers = { ...app.layers, parks: on, platforms: on, projects: on, enterprises: on };
  }, on);
  await idle();
}

describe('the map on its embedded data', () => {
  beforeEach(() => open());

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
    // 牡丹区's label point is under 菏泽高新区's label and markers, which take precedence.
    expect(labels).toContain('定陶区');
    expect(labels.length).toBeGreaterThan(5);
  });

  it('draws the basemap in the map canvas: land, sea and borders', async () => {
    const img = await mapPixels(page);
    const all = { x: img.width / 2, y: img.height / 2, r: Math.max(img.width, img.height) };
    const share = (colour: string, tolerance = 3) =>
      pixelsNear(img, all, hex(colour), tolerance) / (img.width * img.height);
    // Shandong fills much of the view; the sea (the background) is around it.
    expect(share(defaultTheme.land) + share(defaultTheme.landAlt)).toBeGreaterThan(0.2);
    expect(share(defaultTheme.sea)).toBeGreaterThan(0.05);
    expect(pixelsNear(img, all, hex(defaultTheme.prefectureLine), 24)).toBeGreaterThan(200);
    // Lines, markers and labels antialiased over it: many colours, not a flat fill.
    expect(distinctColours(img)).toBeGreaterThan(100);
  });

  it('draws an embedded park’s marker where the data puts it, in the park colour', async () => {
    // In the province view, the markers at the park change the pixels there.
    const province = await project(page, lngLat(lonePark));
    const shown = await mapPixels(page);
    await pointLayers(false);
    const hidden = await mapPixels(page);
    expect(changedPixels(shown, hidden, { ...province, r: 3 }, 24)).toBeGreaterThan(4);

    // Zoomed in, the park's own marker: its colour at the point, the background when hidden.
    const at = await showAt(lonePark, 13);
    const without = await mapPixels(page);
    await pointLayers(true);
    const withMarker = await mapPixels(page);
    const park = hex(defaultTheme.kind.park);
    expect(near(rgbAt(withMarker, at.x, at.y), park, 16)).toBe(true);
    expect(near(rgbAt(without, at.x, at.y), park, 60)).toBe(false);
    expect(pixelsNear(withMarker, { ...at, r: 6 }, park, 16)).toBeGreaterThan(40);
    // Only around the point: 60 px away nothing changed.
    expect(changedPixels(withMarker, without, { x: at.x, y: at.y - 60, r: 10 })).toBe(0);
  });

  it('draws a park known only to its zone as a hollow marker in its fan', async () => {
    const at = await showAt(fannedPark, 13);
    const withMarker = await mapPixels(page);
    await pointLayers(false);
    const without = await mapPixels(page);
    await pointLayers(true);
    const park = hex(defaultTheme.kind.park);
    expect(pixelsNear(withMarker, { ...at, r: 8 }, park, 16)).toBeGreaterThan(20);
    expect(pixelsNear(without, { ...at, r: 8 }, park, 16)).toBe(0);
    // Hollow: the centre shows what is under it, not the park colour (a surveyed one is filled).
    expect(near(rgbAt(withMarker, at.x, at.y), park, 40)).toBe(false);
  });

  it('fans the points known only to their zone out as the user zooms, never on a grid', async () => {
    const [x, y] = lngLat(fannedPark);
    const stacked = points.filter((f) => lngLat(f)[0] === x && lngLat(f)[1] === y);
    expect(stacked.length).toBeGreaterThan(10);
    const spread = async (zoom: number) => {
      await page.evaluate(
        ([c, zoom]) => window.parkAtlas!.controller.map.jumpTo({ center: c, zoom }),
        [lngLat(fannedPark), zoom] as const,
      );
      await idle();
      const at = await Promise.all(stacked.map((f) => markerPoint(page, f.id, 'canvas')));
      return Math.max(...at.map((p) => Math.hypot(p.x - at[0]!.x, p.y - at[0]!.y)));
    };
    // The legend says what a hollow marker and a dashed outline mean.
    const legend = (await page.locator('ul.legend').first().textContent()) ?? '';
    expect(legend).toContain('位置示意');
    expect(legend).toContain('开发区（近似范围）');
    expect(legend).toContain('开发区（官方边界）');
    // Closed at the zone's scale (one marker), open zoomed in: each marker apart from the others.
    expect(await spread(8)).toBeLessThan(1);
    expect(await spread(12)).toBeGreaterThan(60);
    // What is drawn is what markerPoint says: a click on each of three opens that feature.
    for (const f of stacked.slice(0, 3)) {
      const p = await markerPoint(page, f.id);
      await page.mouse.click(p.x, p.y);
      await expect.poll(() => page.evaluate(() => window.parkAtlas!.app.selected)).toBe(f.id);
      await page.keyboard.press('Escape');
    }
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

// -----------------------------------------------------------------------------------------------

const zonePolygons = features.filter((f) => f.geometry.type === 'Polygon');

/** The district holding the most of the data's points (as the app counts: non-zone points). */
const busiest = districts.map((d) => ({ d, n: pointsIn(d).length })).sort((a, b) => b.n - a.n)[0]!;

const shareNear = (img: Pixels, at: { x: number; y: number }[], colours: Rgb[], tol = 6) =>
  at.filter((p) => colours.some((c) => near(rgbAt(img, p.x, p.y), c, tol))).length / at.length;

describe('drawn on the screen', () => {
  afterEach(async () => {
    await context?.close();
  });

  it('district fills: #v=1&ch=count&cby=districts colours a district by its class', async () => {
    expect(busiest.n).toBeGreaterThan(0);
    const [lng, lat] = (busiest.d.properties as unknown as { label: [number, number] }).label;
    await open(`#map=9/${lat}/${lng}&v=1&ch=count&cby=districts`);
    const at = await plainPixels(page, ringsOf(busiest.d.geometry), {
      avoid: zonePolygons.map((z) => ringsOf(z.geometry)),
      points: points.map(lngLat),
    });
    expect(at.length).toBeGreaterThan(20);
    const swatches = await page
      .getByRole('region', { name: /图例/ })
      .locator('li:not([data-class=no-data]) .swatch')
      .evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    const classes = swatches.map((s) => (s.match(/\d+/g) ?? []).slice(0, 3).map(Number) as Rgb);
    expect(classes.length).toBeGreaterThanOrEqual(2);
    const land = [hex(defaultTheme.land), hex(defaultTheme.landAlt)];
    const coloured = await mapPixels(page);
    expect(shareNear(coloured, at, classes)).toBeGreaterThan(0.8);
    expect(shareNear(coloured, at, land, 3)).toBeLessThan(0.05);
    // Without the choropleth the same pixels are the base land colour.
    await page.evaluate(() => {
      const app = window.parkAtlas!.app;
      app.choropleth = { ...app.choropleth, field: null };
    });
    await idle();
    expect(shareNear(await mapPixels(page), at, land, 3)).toBeGreaterThan(0.8);
  });

  it('the selection highlight: pixels around the selected point change when it is selected', async () => {
    await open();
    const at = await showAt(lonePark, 14);
    const before = await mapPixels(page);
    await page.evaluate((id) => (window.parkAtlas!.app.selected = id), lonePark.id);
    await page.getByRole('region', { name: lonePark.properties.name_zh }).waitFor();
    await idle();
    const selected = await mapPixels(page);
    // The halo is 3 px of black around the marker, where it was 2.5 px of pale halo.
    expect(changedPixels(before, selected, { ...at, r: 16 }, 40)).toBeGreaterThan(20);
    expect(changedPixels(before, selected, { x: at.x, y: at.y - 60, r: 10 })).toBe(0);
    await page.evaluate(() => (window.parkAtlas!.app.selected = null));
    await idle();
    expect(changedPixels(before, await mapPixels(page), { ...at, r: 16 }, 24)).toBe(0);
  });

  it('labels in English: a link with lang=en draws the zone labels in other glyphs', async () => {
    /** The zone labels drawn in the province view, and the canvas. */
    const labelled = async () => {
      const rendered = await page.evaluate(
        (layer) =>
          window.parkAtlas!.controller.map.queryRenderedFeatures({ layers: [layer] }).map((f) => ({
            id: String(f.properties.id),
            point: (f.geometry as unknown as { coordinates: [number, number] }).coordinates,
          })),
        LAYER.zoneLabel,
      );
      const at = await Promise.all(rendered.map((r) => project(page, r.point)));
      return { ids: rendered.map((r) => r.id), at, img: await mapPixels(page) };
    };
    await open('#v=1');
    const zh = await labelled();
    await open('#v=1&lang=en');
    const en = await labelled();
    // The zones labelled in both (the province view labels them all, collisions permitting)…
    const both = zh.ids.filter((id) => en.ids.includes(id));
    expect(both.length).toBeGreaterThan(0);
    // …have the pixels around their label point changed by the English name.
    for (const id of both) {
      const at = zh.at[zh.ids.indexOf(id)]!;
      expect(changedPixels(zh.img, en.img, { ...at, r: 40 }, 40), id).toBeGreaterThan(30);
    }
    // Elsewhere the two views are the same: the sea in the south-east corner.
    expect(
      changedPixels(zh.img, en.img, { x: zh.img.width - 20, y: zh.img.height - 20, r: 10 }),
    ).toBe(0);
  });
});
