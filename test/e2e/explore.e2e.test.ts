/**
 * What visitors and planners do with the map, driven in real Chromium the way a person would:
 * through the page's controls, checking what the page and the map then show. Every expected
 * count and feature comes from data/ (./data.ts), and every test opens a page of its own.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { LAYER, pointLayerId } from '../../src/lib/map/ids.ts';
import { NO_DATA_COLOR } from '../../src/lib/scales/classify.ts';
import { LAYER_KEYS, type LayerKey } from '../../src/lib/state/view.ts';
import { COLORBREWER } from '../lib/scales/colorbrewer.ts';
import {
  byId,
  documentOf,
  districts,
  features,
  industriesOf,
  layerOf,
  LIST_LIMIT,
  ofKind,
  pointsIn,
  valueOf,
  zoneFiles,
  type DataFeature,
} from './data.ts';
import { launchChromium, openApp, startServer, type AppServer } from './harness.ts';
import { markerPoint } from './markers.ts';
import { districtFill, legendColorOf } from './district-fill.ts';
import { changedPixels, mapPixels, near, plainPixels, project, rgbAt, ringsOf } from './pixels.ts';

let server: AppServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function freshPage(options: Parameters<Browser['newContext']>[0] = {}) {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  page = await context.newPage();
  await openApp(page, server.url);
}

// What data/ holds -------------------------------------------------------------------------------

const total = features.length;
const zones = ofKind('zone');
const points = features.filter((f) => f.properties.kind !== 'zone');
const lngLat = (f: DataFeature) => f.geometry.coordinates as [number, number];
const countIn = (key: LayerKey) =>
  features.filter((f) => layerOf[f.properties.kind] === key).length;
/** Features per industry among the layers that are on, as the industry filter counts them. */
const industryCounts = (on: (key: LayerKey) => boolean) => {
  const counts: Record<string, number> = {};
  for (const f of points)
    if (on(layerOf[f.properties.kind]))
      for (const code of new Set(industriesOf(f))) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
};
const rows = (n: number) => Math.min(LIST_LIMIT, n);
const graphene = byId('heze-graphene-park');

// The page ---------------------------------------------------------------------------------------

/** Polls a locator's text (playwright-core has no `expect` of its own). */
const textOf = (locator: Locator) => () => locator.textContent().then((t) => t ?? '');
/** The zone file as fetched by the app (not the `?url` module Vite serves in dev). */
const isZoneFile = (zone: string) => (url: URL) =>
  url.pathname.endsWith(`/${zone}.geojson`) && url.search === '';

/** Waits until the map has drawn the latest change. */
const idle = () => page.evaluate(() => window.parkAtlas!.controller.whenIdle());
/** Ids of the point features the map has drawn, all kinds. */
const renderedIds = () =>
  page.evaluate(
    (layers) => {
      const map = window.parkAtlas!.controller.map;
      return [
        ...new Set(map.queryRenderedFeatures({ layers }).map((f) => String(f.properties.id))),
      ];
    },
    ['park', 'platform', 'project', 'enterprise'].map((k) => pointLayerId(k as 'park')),
  );
const listButtons = () => page.getByRole('list', { name: '园区列表' }).getByRole('button');
/** The zones, listed apart while an industry filter is on. */
const zoneButtons = () => page.getByRole('list', { name: '开发区列表' }).getByRole('button');
/** "显示 shown / total" above the list. */
const summary = () =>
  page
    .locator('.summary[role=status]')
    .textContent()
    .then(
      (t) =>
        /(\d+) \/ (\d+)/
          .exec(t ?? '')
          ?.slice(1, 3)
          .join(' / ') ?? t,
    );
/** The layer panel's count for a key. */
const layerCount = (key: LayerKey) =>
  page.locator(`label:has([data-layer=${key}]) .count`).textContent();
/** The industry filter's counts, code → count, as shown. */
const shownIndustryCounts = () =>
  page
    .locator('[data-industry]')
    .evaluateAll((els) =>
      Object.fromEntries(
        els.map((e) => [
          (e as HTMLInputElement).dataset.industry,
          Number(e.closest('label')?.querySelector('.count')?.textContent),
        ]),
      ),
    );
/** An industry's checkbox, listing every industry first when it is not among the first few. */
async function industryBox(code: string): Promise<Locator> {
  const box = page.locator(`[data-industry="${code}"]`);
  if ((await box.count()) === 0) await page.locator('.industries [aria-expanded=false]').click();
  return box;
}
/** Puts the camera on a zone, all of it in view. */
async function showZone(zone: DataFeature) {
  const ring = ringsOf(zone.geometry)[0]!;
  const xs = ring.map((c) => c[0]);
  const ys = ring.map((c) => c[1]);
  await page.evaluate(
    (b) =>
      window.parkAtlas!.controller.map.fitBounds(b, { padding: 60, animate: false, maxZoom: 11 }),
    [
      [Math.min(...xs), Math.min(...ys)],
      [Math.max(...xs), Math.max(...ys)],
    ] as [[number, number], [number, number]],
  );
  await idle();
}
/** Counts setData and updateData calls on every GeoJSON source from now on. */
const countSourceWrites = () =>
  page.evaluate(() => {
    const map = window.parkAtlas!.controller.map;
    const w = window as unknown as { sourceWrites: string[] };
    w.sourceWrites = [];
    for (const id of Object.keys(map.getStyle().sources)) {
      const source = map.getSource(id) as unknown as Record<string, unknown>;
      for (const name of ['setData', 'updateData']) {
        const original = source[name];
        if (typeof original !== 'function') continue;
        source[name] = (...args: unknown[]) => {
          w.sourceWrites.push(`${id}.${name}`);
          return (original as (...a: unknown[]) => unknown).apply(source, args);
        };
      }
    }
  });
const sourceWrites = () =>
  page.evaluate(() => (window as unknown as { sourceWrites: string[] }).sourceWrites);
/** What the zone and point sources hold now, serialised. */
const sourceData = () =>
  page.evaluate(() =>
    ['zones', 'points'].map((id) =>
      JSON.stringify(
        (
          window.parkAtlas!.controller.map.getSource(id) as unknown as { serialize(): unknown }
        ).serialize(),
      ),
    ),
  );

describe('layers and filters', () => {
  beforeEach(() => freshPage());

  it('counts each layer’s and each industry’s features as data/ holds them', async () => {
    for (const key of LAYER_KEYS.filter((k) => k !== 'labels'))
      await expect.poll(() => layerCount(key), { message: key }).toBe(String(countIn(key)));
    await expect.poll(summary).toBe(`${total} / ${total}`);
    const all = industryCounts(() => true);
    const shown = await shownIndustryCounts();
    expect(Object.keys(shown).length).toBeGreaterThan(0);
    for (const [code, n] of Object.entries(shown)) expect(n, code).toBe(all[code]);
    // Industries count the layers that are on: without enterprises, theirs are not counted.
    await page.locator('[data-layer=enterprises]').uncheck();
    const noEnterprises = industryCounts((k) => k !== 'enterprises');
    await expect
      .poll(async () => {
        const now = await shownIndustryCounts();
        return Object.keys(now).every((code) => now[code] === (noEnterprises[code] ?? 0));
      })
      .toBe(true);
  });

  it('toggles a layer off and on: its markers, rows and the count shown follow', async () => {
    const enterprises = page.getByRole('checkbox', { name: /企业/ });
    const n = countIn('enterprises');
    expect(n).toBeGreaterThan(0);
    await enterprises.uncheck();
    await idle();
    const visibility = await page.evaluate(
      (id) => window.parkAtlas!.controller.map.getLayoutProperty(id, 'visibility'),
      pointLayerId('enterprise'),
    );
    expect(visibility).toBe('none');
    await expect.poll(() => listButtons().count()).toBe(rows(total - n));
    await expect.poll(summary).toBe(`${total - n} / ${total}`);
    expect(await page.locator('.item[data-kind=enterprise]').count()).toBe(0);
    await enterprises.check();
    await expect.poll(() => listButtons().count()).toBe(rows(total));
    await expect.poll(summary).toBe(`${total} / ${total}`);
  });

  it('filters map, list and counts by industry without rebuilding the source', async () => {
    const code = 'biomedicine';
    const matching = points.filter((f) => industriesOf(f).includes(code));
    expect(matching.length).toBeGreaterThan(0);
    // The zone with most of them, all of it in view.
    const zone = byId(
      Object.entries(
        matching.reduce<Record<string, number>>(
          (n, f) => ({ ...n, [f.properties.zone]: (n[f.properties.zone] ?? 0) + 1 }),
          {},
        ),
      ).sort((a, b) => b[1] - a[1])[0]![0],
    );
    await showZone(zone);
    await countSourceWrites();
    const before = await renderedIds();
    await (await industryBox(code)).check();
    await idle();
    const after = await renderedIds();
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before.length);
    // Every matching point in view is drawn, and nothing else: checked against data/.
    const inView = await page.evaluate(
      (pts) => {
        const map = window.parkAtlas!.controller.map;
        const [w, h] = [map.getCanvas().clientWidth, map.getCanvas().clientHeight];
        return pts.filter(([, ll]) => {
          const p = map.project(ll);
          return p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h;
        });
      },
      // Non-places are listed, never drawn.
      matching
        .filter((f) => f.properties.kind !== 'nonplace')
        .map((f) => [f.id, lngLat(f)] as [string, [number, number]]),
    );
    expect([...after].sort()).toEqual(inView.map(([id]) => id).sort());
    // The list and its count are what the industry's box said: every matching feature. The
    // zones (context, never filtered) are listed apart, under a heading of their own.
    await expect.poll(() => listButtons().count()).toBe(rows(matching.length));
    await expect.poll(summary).toBe(`${matching.length} / ${points.length}`);
    expect((await shownIndustryCounts())[code]).toBe(matching.length);
    await page.getByRole('heading', { name: '开发区（不随产业筛选）' }).waitFor();
    expect(await zoneButtons().count()).toBe(zones.length);
    expect(await sourceWrites()).toEqual([]);
  });

  it('says when a filter leaves nothing, and clears it on request', async () => {
    // The industry found in the fewest layers: with those layers and the zones off, nothing is left.
    const layersOf = (code: string) =>
      new Set(
        points.filter((f) => industriesOf(f).includes(code)).map((f) => layerOf[f.properties.kind]),
      );
    const codes = [...new Set(points.flatMap(industriesOf))];
    const code = codes.sort((a, b) => layersOf(a).size - layersOf(b).size)[0]!;
    const off: LayerKey[] = ['zones', ...layersOf(code)];
    await (await industryBox(code)).check();
    for (const key of off) await page.locator(`[data-layer=${key}]`).uncheck();
    await page.getByText('当前筛选没有结果。').waitFor({ state: 'visible' });
    expect(await listButtons().count()).toBe(0);
    await page.getByRole('button', { name: '清除产业筛选' }).first().click();
    const left = total - off.reduce((n, key) => n + countIn(key), 0);
    await expect.poll(() => listButtons().count()).toBe(rows(left));
    await expect.poll(summary).toBe(`${left} / ${total}`);
  });
});

describe('choropleth', () => {
  beforeEach(() => freshPage());

  const FIELD = 'fixed_asset_investment';
  const withValue = features.filter((f) => valueOf(f, FIELD) !== undefined);
  const rgb = (hex: string) =>
    `rgb(${[1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)).join(', ')})`;
  const zoneFills = () =>
    page.evaluate(
      (ids) =>
        ids.map(
          (id) =>
            window.parkAtlas!.controller.map.getFeatureState({ source: 'zones', id }).fill as
              string | undefined,
        ),
      zones.map((z) => z.id),
    );

  it('colours zones by fixed-asset investment with a legend of ranges, units and counts', async () => {
    expect(withValue.length).toBeGreaterThanOrEqual(2);
    await page.locator('[data-control=field]').selectOption(FIELD);
    const legend = page.getByRole('region', { name: /图例/ });
    await expect.poll(textOf(legend)).toContain('固定资产投资');
    await expect.poll(textOf(legend)).toContain('亿元');
    await expect.poll(textOf(legend.locator('[data-class=no-data]'))).toContain('无数据');
    const classes = await legend.locator('li').count();
    expect(classes).toBeGreaterThanOrEqual(2);
    // The counts are data/'s: every feature with the figure in a class, the rest as no data.
    const counts = (
      await legend.locator('li:not([data-class=no-data]) .count').allTextContents()
    ).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(withValue.length);
    expect(await legend.locator('[data-class=no-data] .count').textContent()).toBe(
      String(total - withValue.length),
    );
    // Zones are coloured through feature state: those with the figure in a class's colour, the
    // others in the no-data grey.
    const fills = await zoneFills();
    const swatches = await legend
      .locator('li:not([data-class=no-data]) .swatch')
      .evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    zones.forEach((z, i) => {
      if (valueOf(z, FIELD) === undefined) expect(fills[i], z.id).toBe(NO_DATA_COLOR);
      else expect(swatches, z.id).toContain(rgb(fills[i]!));
    });
    await page.locator('[data-control=method]').selectOption('jenks');
    await expect.poll(textOf(legend)).toContain('自然断点');
  });

  it('recolours without touching data: a new scheme changes the zones’ pixels, not the sources', async () => {
    await page.locator('[data-control=field]').selectOption(FIELD);
    const zone = zones.find((z) => valueOf(z, FIELD) !== undefined)!;
    await showZone(zone);
    const blues = Object.values(COLORBREWER.Blues).flat();
    expect(blues).toContain((await zoneFills())[zones.indexOf(zone)]);
    await countSourceWrites();
    const data = await sourceData();
    const at = await plainPixels(page, ringsOf(zone.geometry), {
      points: points.map(lngLat),
      gap: 16,
      margin: 6,
    });
    expect(at.length).toBeGreaterThan(50);
    const before = await mapPixels(page);

    await page.locator('[data-control=scheme]').selectOption('YlOrRd');
    await idle();
    const after = await mapPixels(page);
    const fill = (await zoneFills())[zones.indexOf(zone)];
    expect(Object.values(COLORBREWER.YlOrRd).flat()).toContain(fill);
    // The zone's own pixels took the new colour…
    const changed = at.filter((p) => !near(rgbAt(before, p.x, p.y), rgbAt(after, p.x, p.y), 10));
    expect(changed.length / at.length).toBeGreaterThan(0.8);
    // …and no source was written to: the data is what it was.
    expect(await sourceWrites()).toEqual([]);
    expect(await sourceData()).toEqual(data);
  });

  it('aggregates to districts: 牡丹区 gets the count of features inside it', async () => {
    const mudan = districts.find((d) => d.properties.name === '牡丹区')!;
    const expected = pointsIn(mudan).length;
    expect(expected).toBeGreaterThan(0);
    await page.locator('[data-control=by]').selectOption('districts');
    await expect.poll(() => page.locator('[data-control=field]').inputValue()).toBe('count');
    await idle();
    const hit = await page.evaluate(
      ([layer, ll]) => {
        const map = window.parkAtlas!.controller.map;
        return map.queryRenderedFeatures(map.project(ll), { layers: [layer] })[0]?.properties;
      },
      [LAYER.districtFill, mudan.properties.label] as const,
    );
    expect(hit?.name).toBe('牡丹区');
    const legend = page.getByRole('region', { name: /图例/ });
    await expect.poll(textOf(legend)).toContain('园区与平台数量');
    // Its fill is the colour of the legend class its count is in.
    const color = await legendColorOf(page, expected);
    expect(color).not.toBeNull();
    expect(await districtFill(page, String(hit?.code))).toBe(color);
  });
});

describe('details, search and list', () => {
  beforeEach(() => freshPage());

  /** Where 石墨烯产业园's marker is on the page (in its zone's fan: it is placed to the zone only). */
  const graphenePark = () => markerPoint(page, graphene.id);
  const zoomToGraphene = async () => {
    await page.evaluate(
      (c) => window.parkAtlas!.controller.map.jumpTo({ center: c, zoom: 12 }),
      lngLat(graphene),
    );
    await idle();
  };

  it('opens details on a click on the map, and Esc closes them', async () => {
    await zoomToGraphene();
    const at = await graphenePark();
    await page.mouse.click(at.x, at.y);
    const name = graphene.properties.name_zh;
    const details = page.getByRole('region', { name });
    await expect
      .poll(() =>
        details
          .getByRole('heading', { level: 2 })
          .textContent()
          .then((t) => t?.trim()),
      )
      .toBe(name);
    if (graphene.properties.precision !== 'address')
      await expect.poll(textOf(details)).toContain('大致位置');
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
  });

  it('hovering or clicking a marker highlights and selects its row in the list', async () => {
    await zoomToGraphene();
    const at = await graphenePark();
    const row = page.locator(`.item[data-id=${graphene.id}]`);
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => row.evaluate((el) => el.classList.contains('hovered'))).toBe(true);
    // A tooltip names it and its kind beside the pointer, and goes when the pointer leaves.
    const tooltip = page.getByRole('tooltip');
    await expect.poll(textOf(tooltip)).toContain(graphene.properties.name_zh);
    expect(await textOf(tooltip)()).toContain('园区');
    const box = (await tooltip.boundingBox())!;
    expect(Math.abs(box.x - at.x)).toBeLessThan(40);
    await page.mouse.move(5, 400);
    await tooltip.waitFor({ state: 'detached' });
    await page.mouse.move(at.x, at.y);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => row.getAttribute('aria-current')).toBe('true');
  });

  it('shows figures with their verbatim source quote and its document’s title', async () => {
    const f = features.find((x) => x.properties.parent && x.properties.figures?.length)!;
    const figure = f.properties.figures![0]!;
    await listButtons().filter({ hasText: f.properties.name_zh }).first().click();
    const details = page.getByRole('region', { name: f.properties.name_zh });
    await expect.poll(textOf(details)).toContain(String(figure.value));
    await expect.poll(textOf(details)).toContain(figure.quote);
    await expect.poll(textOf(details)).toContain(documentOf(figure.doc).title);
    await expect.poll(textOf(details)).toContain(byId(f.properties.parent!).properties.name_zh);
  });

  it('finds 石墨烯产业园 by pinyin initials, flies there and opens it, by keyboard alone', async () => {
    const box = page.getByRole('combobox', { name: '搜索园区、平台、项目' });
    await box.focus();
    await page.keyboard.type('smx');
    await expect.poll(textOf(page.getByRole('option').first())).toContain('石墨烯产业园');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page
      .getByRole('heading', { level: 2, name: '石墨烯产业园' })
      .waitFor({ state: 'visible' });
    await idle();
    // Centred in what the details panel leaves of the map (explore-views.e2e.test.ts).
    const at = await project(page, lngLat(graphene));
    const covered = await page.evaluate(
      () => window.parkAtlas!.controller.map.getCanvas().clientWidth,
    );
    expect(at.x).toBeGreaterThan(0);
    expect(at.x).toBeLessThan(covered - 56 - 380);
    await page.keyboard.press('Escape');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('lists features as buttons named by the feature, and hover is shared with the map', async () => {
    const list = page.getByRole('list', { name: '园区列表' });
    await list.waitFor({ state: 'visible' });
    const first = list.getByRole('button').first();
    const name = (await first.locator('strong, .name').first().textContent())?.trim() ?? '';
    expect(name.length).toBeGreaterThan(0);
    // Found by an accessible name that starts with the feature's name.
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(
      await list.getByRole('button', { name: new RegExp(`^${escaped}`) }).count(),
    ).toBeGreaterThan(0);
    await first.hover();
    const id = await first.getAttribute('data-id');
    // The map draws the highlight from the feature's state (a halo on that point alone).
    const stateOf = (key: 'hovered' | 'selected') =>
      page.evaluate(
        ([id, key]) =>
          window.parkAtlas!.controller.map.getFeatureState({ source: 'points', id: id! })[key!],
        [id, key] as const,
      );
    await expect.poll(() => stateOf('hovered')).toBe(true);
    await first.click();
    await expect.poll(() => stateOf('selected')).toBe(true);
    await expect.poll(() => first.getAttribute('aria-current')).toBe('true');
  });

  it('sorts the list by the choropleth value, largest first', async () => {
    const field = 'fixed_asset_investment';
    const ranked = features
      .filter((f) => valueOf(f, field) !== undefined)
      .sort((a, b) => valueOf(b, field)! - valueOf(a, field)!);
    expect(ranked.length).toBeGreaterThanOrEqual(2);
    await page.locator('[data-control=field]').selectOption(field);
    await page.getByRole('button', { name: '按数值' }).click();
    const order = () => listButtons().evaluateAll((els) => els.map((e) => e.dataset.id));
    // Those with a value first, largest first; then the rest, which show no value.
    await expect
      .poll(async () => (await order()).slice(0, ranked.length))
      .toEqual(ranked.map((f) => f.id));
    const values = await listButtons().evaluateAll((els) =>
      els.map((e) => e.querySelector('.value')?.textContent ?? null),
    );
    expect(values.slice(0, ranked.length).every((v) => v !== null)).toBe(true);
    expect(values.slice(ranked.length).every((v) => v === null)).toBe(true);
    expect(values).toHaveLength(rows(total));
  });
});

describe('languages, mobile and bad data', () => {
  it('switches to English without a reload: UI, list and map labels', async () => {
    await freshPage();
    const marker = await page.evaluate(
      () => ((window as unknown as { marker: number }).marker = 42),
    );
    /** The zone labels drawn now, where they are on the canvas. */
    const labels = async () => {
      const drawn = await page.evaluate(
        (layer) =>
          window.parkAtlas!.controller.map.queryRenderedFeatures({ layers: [layer] }).map((f) => ({
            id: String(f.properties.id),
            point: (f.geometry as unknown as { coordinates: [number, number] }).coordinates,
          })),
        LAYER.zoneLabel,
      );
      return Promise.all(drawn.map(async (d) => ({ id: d.id, at: await project(page, d.point) })));
    };
    const zh = await labels();
    expect(zh.length).toBeGreaterThan(0);
    const before = await mapPixels(page);
    // Named by what it shows (WCAG 2.5.3): a speech user says "English".
    await page.getByRole('button', { name: 'English', exact: false }).click();
    await expect.poll(textOf(page.getByRole('heading', { level: 1 }))).toContain('Park Atlas');
    await expect
      .poll(textOf(page.getByRole('list', { name: 'List of parks' })))
      .toContain(graphene.properties.name_en);
    await idle();
    // The zone labels are drawn again, in other glyphs, where the Chinese ones were.
    const after = await mapPixels(page);
    const en = await labels();
    const both = zh.filter((l) => en.some((e) => e.id === l.id));
    expect(both.length).toBeGreaterThan(0);
    for (const l of both)
      expect(changedPixels(before, after, { ...l.at, r: 40 }, 40), l.id).toBeGreaterThan(30);
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(
      marker,
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('works at 375×667: map on top, panels below, tap targets of 44 px', async () => {
    await freshPage({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const mapBox = await page
      .getByRole('region', { name: '山东开发区与产业园区地图' })
      .boundingBox();
    expect(mapBox!.width).toBeGreaterThanOrEqual(370);
    expect(mapBox!.height).toBeGreaterThan(300);
    // Nothing sideways: the page is as wide as the screen, the language button's word is whole.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    const lang = page.locator('button.lang');
    expect(await lang.evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
    // The credits start folded behind their ⓘ: unfolded they cover a third of the map.
    const credits = page.locator('.maplibregl-ctrl-attrib');
    await expect.poll(() => credits.getAttribute('class')).toContain('maplibregl-compact');
    expect(await credits.getAttribute('open')).toBeNull();
    expect((await page.locator('.maplibregl-ctrl-attrib-inner').boundingBox())?.height ?? 0).toBe(
      0,
    );
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, label, select, [role=combobox]')]
        .filter(
          (el) => el.offsetParent !== null && !el.closest('.maplibregl-ctrl, .visually-hidden'),
        )
        .map((el) => ({
          el: el.textContent?.trim().slice(0, 20),
          h: el.getBoundingClientRect().height,
        }))
        .filter((b) => b.h > 0 && b.h < 44),
    );
    expect(small).toEqual([]);
  });

  it('reports a broken data file with its location and still shows the rest', async () => {
    const broken = zoneFiles.find((z) => z.zone === 'heze-hitech')!;
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    await page.route(isZoneFile(broken.zone), (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: '{"type": "FeatureCollection",\n "features": [ {"type": ',
      }),
    );
    await openApp(page, server.url);
    const alert = page.getByRole('alert');
    await expect.poll(textOf(alert)).toContain(`${broken.zone}.geojson`);
    await expect.poll(textOf(alert)).toMatch(/line 2|end of the file/);
    await expect.poll(() => listButtons().count()).toBe(rows(total - broken.features.length));
  });

  it('shows HTML held in data as text, never as markup', async () => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    await page.route(isZoneFile('heze-hitech'), async (route) => {
      const response = await route.fetch();
      const fc = (await response.json()) as { features: { properties: { name_zh: string } }[] };
      fc.features[1]!.properties.name_zh = '<img src=x onerror="window.pwned=1">园';
      await route.fulfill({ response, json: fc });
    });
    await openApp(page, server.url);
    await expect
      .poll(textOf(page.getByRole('list', { name: '园区列表' })))
      .toContain('<img src=x onerror="window.pwned=1">园');
    expect(
      await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
    ).toBeUndefined();
  });
});
