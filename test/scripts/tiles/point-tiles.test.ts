import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { zxyToTileId } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePoints } from '../../../scripts/bench/generate.ts';
import {
  buildPointArchive,
  documentDates,
  type BuildResult,
} from '../../../scripts/tiles/build.ts';
import {
  BUFFER,
  EXTENT,
  evenSample,
  idHash,
  PointTiler,
  type PointsSummary,
} from '../../../scripts/tiles/point-tiles.ts';
import { mercatorX, mercatorY } from '../../../src/lib/geo/mercator.ts';
import { POINTS_SOURCE_LAYER } from '../../../src/lib/names.ts';
import { readPoints } from '../../../scripts/tiles/read-features.ts';
import { numericFields } from '../../../src/lib/data/dataset.ts';
import { parseFeatures } from '../../../src/lib/data/parse.ts';
import type { ParkFeature } from '../../../src/lib/data/schema.ts';
import { mapProperties } from '../../../src/lib/data/flat.ts';
import { openArchive } from './pmtiles-source.ts';

describe('idHash', () => {
  it('is 32-bit FNV-1a', () => {
    expect(idHash('')).toBe(0x811c9dc5);
    expect(idHash('a')).toBe(0xe40c292c);
    expect(idHash('foobar')).toBe(0xbf9cf968);
  });
});

describe('evenSample', () => {
  it('keeps every value, sorted, when there are few', () => {
    expect(evenSample([3, 1, 2], 5)).toEqual([1, 2, 3]);
  });

  it('takes evenly spaced ranks, so its quantiles are those of all values', () => {
    // 0 … 99,999 in a scrambled order.
    const values = Float64Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 100_000);
    const sample = evenSample(values, 10_000);
    expect(sample).toHaveLength(10_000);
    expect(sample[0]).toBe(0);
    expect(sample.at(-1)).toBe(99_999);
    expect([...sample].sort((a, b) => a - b)).toEqual(sample);
    for (const q of [0.1, 0.25, 0.5, 0.9]) {
      expect(Math.abs(sample[Math.round(q * 9_999)]! - q * 99_999)).toBeLessThan(10);
    }
  });
});

const N = 1500;
const CAP = 60;
const MAX_ZOOM = 9;

interface Decoded {
  id: string;
  props: Record<string, unknown>;
  /** Tile coordinates. */
  x: number;
  y: number;
  /** Located in the tile, not a copy from a neighbour's buffer. */
  home: boolean;
}

describe('an archive of points, decoded', () => {
  const features = generatePoints(N, 5).features;
  const parsed = parseFeatures(features, 'test').features;
  const byId = new Map<string, ParkFeature>(parsed.map((f) => [f.id, f]));
  const fields = numericFields(parsed);
  const dir = mkdtempSync(join(tmpdir(), 'point-tiles-'));
  const out = join(dir, 'points.pmtiles');
  let result: BuildResult;
  let summary: PointsSummary;
  /** Per zoom, per tile `x/y`, the decoded features. */
  const tiles: Map<string, Decoded[]>[] = [];

  beforeAll(async () => {
    result = buildPointArchive({
      input: () => features,
      source: 'test',
      out,
      cap: CAP,
      maxZoom: MAX_ZOOM,
    });
    summary = result.summary;
    const { archive } = openArchive(new Uint8Array(readFileSync(out)));
    const [w, s, e, n] = summary.bounds;
    for (let z = 0; z <= MAX_ZOOM; z++) {
      const z2 = 2 ** z;
      const byTile = new Map<string, Decoded[]>();
      // Every tile over the bounds and one ring around it (buffer-only tiles).
      const x0 = Math.max(0, Math.floor(mercatorX(w) * z2) - 1);
      const x1 = Math.min(z2 - 1, Math.floor(mercatorX(e) * z2) + 1);
      const y0 = Math.max(0, Math.floor(mercatorY(n) * z2) - 1);
      const y1 = Math.min(z2 - 1, Math.floor(mercatorY(s) * z2) + 1);
      for (let x = x0; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) {
          const got = await archive.getZxy(z, x, y);
          if (!got) continue;
          const layer = new VectorTile(new PbfReader(new Uint8Array(got.data))).layers[
            POINTS_SOURCE_LAYER
          ];
          if (!layer) throw new Error(`tile ${z}/${x}/${y} has no ${POINTS_SOURCE_LAYER} layer`);
          expect(layer.extent).toBe(EXTENT);
          const decoded: Decoded[] = [];
          for (let i = 0; i < layer.length; i++) {
            const f = layer.feature(i);
            const point = f.loadGeometry()[0]![0]!;
            decoded.push({
              id: String(f.properties.id),
              props: f.properties,
              x: point.x,
              y: point.y,
              home: point.x >= 0 && point.x < EXTENT && point.y >= 0 && point.y < EXTENT,
            });
          }
          byTile.set(`${x}/${y}`, decoded);
        }
      }
      tiles.push(byTile);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds exactly the app’s map properties', () => {
    let checked = 0;
    for (const byTile of tiles) {
      for (const decoded of byTile.values()) {
        for (const d of decoded) {
          const f = byId.get(d.id);
          expect(f, d.id).toBeDefined();
          // `detail` (last zoom only) and `asof` are checked on their own below.
          const props = { ...d.props };
          delete props.detail;
          delete props.asof;
          expect(props).toEqual(mapProperties(f!, fields));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(N);
    // Industries as booleans and the investment as a number, as the app's expressions expect.
    const sample = tiles[MAX_ZOOM]!.values().next().value![0]!.props;
    expect(Object.keys(sample).some((k) => k.startsWith('ind_') && sample[k] === true)).toBe(true);
  });

  it('carries each point’s full properties as JSON at the last zoom only', () => {
    let withDetail = 0;
    tiles.forEach((byTile, z) => {
      for (const decoded of byTile.values()) {
        for (const d of decoded) {
          if (z < MAX_ZOOM) {
            expect(d.props.detail, `${d.id} at zoom ${z}`).toBeUndefined();
            continue;
          }
          // What the schema parsed: defaults filled, figures with their verbatim quotes.
          expect(JSON.parse(String(d.props.detail))).toEqual(byId.get(d.id)!.properties);
          withDetail++;
        }
      }
    });
    expect(withDetail).toBeGreaterThanOrEqual(N);
    expect(result.metadata.vector_layers).toEqual([
      expect.objectContaining({ fields: expect.objectContaining({ detail: 'String' }) }),
    ]);
  });

  it('puts each point where it is, in its own tile', () => {
    for (let z = 0; z <= MAX_ZOOM; z++) {
      for (const [key, decoded] of tiles[z]!) {
        const [tx, ty] = key.split('/').map(Number) as [number, number];
        for (const d of decoded) {
          const [lng, lat] = byId.get(d.id)!.geometry.coordinates as [number, number];
          const ex = EXTENT * (mercatorX(lng) * 2 ** z - tx);
          const ey = EXTENT * (mercatorY(lat) * 2 ** z - ty);
          expect(Math.abs(d.x - ex)).toBeLessThanOrEqual(0.5 + 1e-6);
          expect(Math.abs(d.y - ey)).toBeLessThanOrEqual(0.5 + 1e-6);
          // Copies from a neighbour lie in this tile's buffer.
          expect(d.x).toBeGreaterThanOrEqual(-BUFFER);
          expect(d.x).toBeLessThanOrEqual(EXTENT + BUFFER);
        }
      }
    }
  });

  /** Ids located in their tile at zoom z, each once. */
  function shown(z: number): string[] {
    return [...tiles[z]!.values()].flatMap((d) => d.filter((x) => x.home).map((x) => x.id));
  }

  it('keeps at most `cap` points in a tile below the last zoom, and all of them at it', () => {
    for (let z = 0; z < MAX_ZOOM; z++) {
      for (const decoded of tiles[z]!.values()) {
        expect(decoded.filter((d) => d.home).length).toBeLessThanOrEqual(CAP);
      }
    }
    expect(shown(0)).toHaveLength(CAP);
    expect(new Set(shown(MAX_ZOOM))).toEqual(new Set(byId.keys()));
    expect(shown(MAX_ZOOM)).toHaveLength(N);
  });

  it('shows at every zoom the points it showed at the zoom before (drop-densest by rank)', () => {
    for (let z = 0; z < MAX_ZOOM; z++) {
      const next = new Set(shown(z + 1));
      const here = shown(z);
      expect(new Set(here).size).toBe(here.length);
      expect(
        here.filter((id) => !next.has(id)),
        `zoom ${z}`,
      ).toEqual([]);
      expect(next.size).toBeGreaterThanOrEqual(here.length);
    }
  });

  it('copies points near an edge into the neighbour’s buffer', () => {
    const copies = [...tiles[MAX_ZOOM]!.values()].flat().filter((d) => !d.home);
    expect(copies.length).toBeGreaterThan(0);
  });

  it('records in the metadata what the tiles hold', async () => {
    const { archive } = openArchive(new Uint8Array(readFileSync(out)));
    const metadata = (await archive.getMetadata()) as Record<string, unknown>;
    const atlas = metadata.park_atlas as PointsSummary;
    expect(atlas).toEqual(JSON.parse(JSON.stringify(summary)));
    expect(atlas.count).toBe(N);
    expect(atlas.cap).toBe(CAP);
    expect(atlas.maxzoom).toBe(MAX_ZOOM);
    expect(atlas.zooms.map((z) => z.features)).toEqual(
      Array.from({ length: MAX_ZOOM + 1 }, (_, z) => shown(z).length),
    );
    expect(atlas.zooms.map((z) => z.tiles)).toEqual(tiles.map((t) => t.size));

    const kinds: Record<string, number> = {};
    const industries: Record<string, number> = {};
    for (const f of parsed) {
      kinds[f.properties.kind] = (kinds[f.properties.kind] ?? 0) + 1;
      for (const c of f.properties.industries) industries[c] = (industries[c] ?? 0) + 1;
    }
    expect(atlas.kinds).toEqual(kinds);
    expect(atlas.industries).toEqual(industries);

    const lngs = parsed.map((f) => f.geometry.coordinates[0] as number);
    const lats = parsed.map((f) => f.geometry.coordinates[1] as number);
    const bounds = [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
    expect(atlas.bounds).toEqual(bounds);
    const h = await archive.getHeader();
    const e7 = (v: number): number => Math.round(v * 1e7);
    expect([h.minLon, h.minLat, h.maxLon, h.maxLat].map(e7)).toEqual(bounds.map(e7));
    expect([h.minZoom, h.maxZoom]).toEqual([0, MAX_ZOOM]);

    const values = parsed
      .map((f) => f.properties.figures.find((g) => g.what === 'total_investment')?.value)
      .filter((v): v is number => v !== undefined)
      .sort((a, b) => a - b);
    expect(atlas.fields).toEqual([
      {
        key: 'total_investment',
        label_zh: '总投资',
        label_en: 'Total investment',
        unit: '亿元',
        count: values.length,
        sample: values,
      },
    ]);

    const layers = metadata.vector_layers as { id: string; fields: Record<string, string> }[];
    expect(layers.map((l) => l.id)).toEqual([POINTS_SOURCE_LAYER]);
    expect(layers[0]!.fields).toMatchObject({
      id: 'String',
      kind: 'String',
      name_zh: 'String',
      fig_total_investment: 'Number',
    });
    for (const code of Object.keys(industries))
      expect(layers[0]!.fields[`ind_${code}`]).toBe('Boolean');
  });
});

describe('PointTiler', () => {
  it('chooses the same points whatever the input order', () => {
    const features = parseFeatures(generatePoints(400, 9).features, 'test').features;
    const fields = numericFields(features);
    const tilesOf = (fs: readonly ParkFeature[]): string[] => {
      const tiler = new PointTiler({ cap: 20, maxZoom: 6 });
      for (const f of fs) {
        const [lng, lat] = f.geometry.coordinates as [number, number];
        tiler.add(lng, lat, mapProperties(f, fields));
      }
      return [...tiler.tiles()].map(
        (t) => `${t.z}/${t.x}/${t.y} ${Buffer.from(t.data).toString('base64')}`,
      );
    };
    expect(tilesOf([...features].reverse())).toEqual(tilesOf(features));
  });

  it('yields tiles in ascending tile id, as the archive writer needs', () => {
    const tiler = new PointTiler({ cap: 5, maxZoom: 10 });
    readPoints(
      () => generatePoints(300, 2).features,
      'test',
      (p) => tiler.add(p.lng, p.lat, p.properties),
    );
    const ids = [...tiler.tiles()].map((t) => zxyToTileId(t.z, t.x, t.y));
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
  });

  it('takes a detail for every point or for none', () => {
    const withDetails = new PointTiler();
    withDetails.add(115, 35, { id: 'a' }, '{}');
    expect(() => withDetails.add(115, 35, { id: 'b' })).toThrow(/every point or for none/);
    const without = new PointTiler();
    without.add(115, 35, { id: 'a' });
    expect(() => without.add(115, 35, { id: 'b' }, '{}')).toThrow(/every point or for none/);
  });

  it('refuses a zoom past what its packed sort keys hold', () => {
    expect(() => new PointTiler({ maxZoom: 13 })).toThrow(/maxZoom/);
    expect(() => new PointTiler({ cap: 0 })).toThrow(/cap/);
  });
});

describe('status letters per year', () => {
  const dir = mkdtempSync(join(tmpdir(), 'point-years-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Synthetic points, re-sourced: the first from document 002 (2016), the second from 001 (2021);
  // the third keeps the synthetic document, which no dated document is.
  const features = generatePoints(3, 9).features.map((f, i) =>
    i < 2
      ? {
          ...f,
          properties: {
            ...f.properties,
            status: 'unknown' as const,
            sources: [
              {
                doc: i === 0 ? '002_61bb901c4a78b301.txt' : '001_ebd8ed2b83fc6796.txt',
                quote: 'q',
              },
            ],
          },
        }
      : f,
  );
  /** Each point's properties in the one tile of an archive of zoom 0 only. */
  async function build(docs?: false) {
    const out = join(dir, `${docs === false ? 'undated' : 'dated'}.pmtiles`);
    const result = buildPointArchive({ input: () => features, source: 't', out, maxZoom: 0, docs });
    const { archive } = openArchive(new Uint8Array(readFileSync(out)));
    const tile = await archive.getZxy(0, 0, 0);
    const layer = new VectorTile(new PbfReader(new Uint8Array(tile!.data))).layers[
      POINTS_SOURCE_LAYER
    ]!;
    const props = new Map<string, Record<string, unknown>>();
    for (let i = 0; i < layer.length; i++) {
      const p = layer.feature(i).properties;
      props.set(String(p.id), p);
    }
    return { props, summary: result.summary };
  }

  it('gives each point its status at the end of 2015…2021, from the documents’ dates', async () => {
    const { props, summary } = await build();
    const [a, b, c] = features.map((f) => props.get(String(f.properties.id))?.asof);
    expect([a, b, c]).toEqual(['-uuuuuu', '------u', '-------']);
    expect(documentDates().get('002_61bb901c4a78b301.txt')).toBe('2016-01-11');
    expect(summary.years?.first).toBe(2015);
    expect(summary.years?.counts.map((n) => n.unreported)).toEqual([3, 2, 2, 2, 2, 2, 1]);
  });

  it('writes none without dates, as archives built before them', async () => {
    const { props, summary } = await build(false);
    expect([...props.values()].some((p) => 'asof' in p)).toBe(false);
    expect(summary.years).toBeUndefined();
  });
});
