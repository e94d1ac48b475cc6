/**
 * A choropleth planners can trust (issue 15, points 1–5), read off the screen: the map's pixels
 * against the legend's swatches, the legend's ranges against the data in data/.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { districts, drawnPoints, features, pointsIn, valueOf, type District } from './data.ts';
import { browserSuite } from './suite.ts';
import { mapPixels, near, plainPixels, ringsOf, rgbAt, type Pixels, type Rgb } from './pixels.ts';

const suite = browserSuite();
let page: Page;

async function open(hash: string): Promise<Page> {
  page = await suite.open(hash);
  return page;
}

const legend = () => page.getByRole('region', { name: /图例|Legend/ });
/** The legend's classes as shown: range text, count and swatch colour. */
const legendEntries = () =>
  legend()
    .locator('li')
    .evaluateAll((els) =>
      els.map((e) => ({
        cls: e.getAttribute('data-class'),
        range: e.querySelector('.range')?.textContent?.trim() ?? '',
        count: Number(e.querySelector('.count')?.textContent?.replace(/[^\d]/g, '')),
        swatch: getComputedStyle(e.querySelector('.swatch')!).backgroundColor,
      })),
    );
const rgbOf = (css: string): Rgb => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number) as Rgb;
const share = (img: Pixels, at: { x: number; y: number }[], colour: Rgb, tol = 3) =>
  at.filter((p) => near(rgbAt(img, p.x, p.y), colour, tol)).length / at.length;

const zones = features.filter((f) => f.properties.kind === 'zone');
const points = drawnPoints;
const lngLat = (f: (typeof features)[number]) => f.geometry.coordinates as [number, number];
const zoneDistricts = new Set(zones.flatMap((z) => z.properties.districts ?? []));
const labelOf = (d: District) => d.properties.label;
const extent = (d: District) => {
  const xs = ringsOf(d.geometry).flat();
  return (
    (Math.max(...xs.map((c) => c[0])) - Math.min(...xs.map((c) => c[0]))) *
    (Math.max(...xs.map((c) => c[1])) - Math.min(...xs.map((c) => c[1])))
  );
};

describe('choropleth by district', () => {
  it('an empty district is drawn in the colour its legend entry shows (no data where the data does not reach)', async () => {
    // The largest district that no zone lies in and no point is in: the data does not cover it.
    const uncovered = districts
      .filter((d) => !zoneDistricts.has(d.properties.name) && pointsIn(d).length === 0)
      .sort((a, b) => extent(b) - extent(a))[0]!;
    const [lng, lat] = labelOf(uncovered);
    await open(`#map=9/${lat}/${lng}&v=1&ch=count&cby=districts`);
    const entries = await legendEntries();
    const noData = entries.find((e) => e.cls === 'no-data')!;
    expect(noData.range).toContain('数据未覆盖');
    const at = await plainPixels(page, ringsOf(uncovered.geometry));
    expect(at.length).toBeGreaterThan(50);
    const img = await mapPixels(page);
    // The district's own pixels are the no-data swatch, and no class's colour.
    expect(share(img, at, rgbOf(noData.swatch))).toBeGreaterThan(0.9);
    for (const e of entries.filter((x) => x.cls !== 'no-data'))
      expect(share(img, at, rgbOf(e.swatch))).toBeLessThan(0.05);
    // The legend's no-data count is the districts the data does not cover.
    const covered = districts.filter(
      (d) => zoneDistricts.has(d.properties.name) || pointsIn(d).length > 0,
    );
    expect(noData.count).toBe(districts.length - covered.length);
  });

  it('a covered district with no park counts 0, a value in the lowest class, not no data', async () => {
    const empty = districts.find(
      (d) => zoneDistricts.has(d.properties.name) && pointsIn(d).length === 0,
    );
    await open('#v=1&ch=count&cby=districts');
    const entries = (await legendEntries()).filter((e) => e.cls !== 'no-data');
    if (!empty) return; // every district a zone lies in holds a point: no 0 to show
    expect(entries[0]!.range).toMatch(/^0( – |$)/);
    const [lng, lat] = labelOf(empty);
    await page.evaluate((c) => window.parkAtlas!.controller.map.jumpTo({ center: c, zoom: 9 }), [
      lng,
      lat,
    ] as [number, number]);
    await page.evaluate(() => window.parkAtlas!.controller.whenIdle());
    const at = await plainPixels(page, ringsOf(empty.geometry), {
      avoid: zones.map((z) => ringsOf(z.geometry)),
      points: points.map(lngLat),
    });
    expect(at.length).toBeGreaterThan(20);
    expect(share(await mapPixels(page), at, rgbOf(entries[0]!.swatch))).toBeGreaterThan(0.8);
  });

  it('districts by fixed-asset investment: no "NaN – NaN", the figure is shown per zone and said why', async () => {
    await open('#v=1&ch=fixed_asset_investment&cby=districts');
    const text = (await legend().textContent()) ?? '';
    expect(text).not.toContain('NaN');
    expect(text).toContain('固定资产投资');
    // The link asked for something the data cannot do: a notice says so.
    await page.getByText(/“fixed_asset_investment”无法按行政区汇总/).waitFor();
    // Offered for districts: the count and figures that add up and points give, nothing else.
    await page.locator('[data-control=by]').selectOption('districts');
    const options = await page
      .locator('[data-control=field] option')
      .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toContain('count');
    expect(options).not.toContain('fixed_asset_investment');
    expect(options.some((o) => /growth|share/.test(o))).toBe(false);
    await page.locator('[data-control=field]').selectOption('count');
    expect((await legend().textContent()) ?? '').not.toContain('NaN');
  });
});

describe('choropleth by feature', () => {
  const FIELD = 'fixed_asset_investment';
  const valued = zones.filter((z) => valueOf(z, FIELD) !== undefined);

  it('jenks on two values gives a class per value, not "53.5 – 346.4" and "346.4 – 346.4"', async () => {
    expect(valued.length).toBeGreaterThanOrEqual(2);
    const values = features
      .map((f) => valueOf(f, FIELD))
      .filter((v): v is number => v !== undefined);
    await open(`#v=1&ch=${FIELD}&cm=jenks`);
    await expect.poll(() => legend().textContent()).toContain('自然断点');
    const entries = (await legendEntries()).filter((e) => e.cls !== 'no-data');
    // Each value is in exactly one range as written.
    const inRange = (range: string, v: number) => {
      const [a, b = a] = range.split(' – ').map((s) => Number(s.replace(/[<,]/g, '')));
      return range.includes('<') ? v >= a! && v < b! : v >= a! && v <= b!;
    };
    for (const v of values)
      expect(entries.filter((e) => inRange(e.range, Math.round(v * 100) / 100))).toHaveLength(1);
    expect(entries.reduce((n, e) => n + e.count, 0)).toBe(values.length);
  });

  it('manual breaks below the minimum give no phantom "50 – 50 (0)" class', async () => {
    const min = Math.min(...valued.map((z) => valueOf(z, FIELD)!));
    await open(`#v=1&ch=${FIELD}&cm=manual&cb=${Math.floor(min) - 3},300`);
    const entries = (await legendEntries()).filter((e) => e.cls !== 'no-data');
    expect(entries.every((e) => e.count > 0)).toBe(true);
    expect(entries.map((e) => e.range)).not.toContain(
      `${Math.floor(min) - 3} – ${Math.floor(min) - 3}`,
    );
  });

  it('a coloured zone’s pixels are the colour of its legend swatch', async () => {
    const zone = valued.sort((a, b) => valueOf(b, FIELD)! - valueOf(a, FIELD)!)[0]!;
    const ring = ringsOf(zone.geometry as never);
    const xs = ring.flat();
    const centre = [
      (Math.min(...xs.map((c) => c[0])) + Math.max(...xs.map((c) => c[0]))) / 2,
      (Math.min(...xs.map((c) => c[1])) + Math.max(...xs.map((c) => c[1]))) / 2,
    ];
    await open(`#map=10/${centre[1]}/${centre[0]}&v=1&ch=${FIELD}`);
    const entries = (await legendEntries()).filter((e) => e.cls !== 'no-data');
    // The largest value is in the last class.
    const swatch = rgbOf(entries.at(-1)!.swatch);
    const at = await plainPixels(page, ring, { points: points.map(lngLat), gap: 16, margin: 6 });
    expect(at.length).toBeGreaterThan(50);
    expect(share(await mapPixels(page), at, swatch)).toBeGreaterThan(0.6);
  });

  it('at the province view the coloured zones show: points without the value do not cover them', async () => {
    await open(`#v=1&ch=${FIELD}`);
    const entries = (await legendEntries()).filter((e) => e.cls !== 'no-data');
    const swatches = entries.map((e) => rgbOf(e.swatch));
    const img = await mapPixels(page);
    for (const zone of valued) {
      const at = await plainPixels(page, ringsOf(zone.geometry as never), { step: 1, margin: 1 });
      expect(at.length, zone.id).toBeGreaterThan(10);
      const coloured =
        at.filter((p) => swatches.some((s) => near(rgbAt(img, p.x, p.y), s, 3))).length / at.length;
      expect(coloured, zone.id).toBeGreaterThan(0.6);
    }
  });
});
