import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  commonIndustry,
  defaultInputs,
  generatePoints,
  generatePolygons,
  hexagon,
  insideShandong,
  mulberry32,
  SYNTHETIC_ZONE,
  type SyntheticCollection,
} from '../../../scripts/bench/generate.ts';
import { ParkFeatureSchema, type ParkFeatureInput } from '../../../src/lib/data/schema.ts';

const inputs = defaultInputs();
const [west, south, east, north] = inputs.bbox;

/** Every position of a feature's geometry. */
function positions(f: ParkFeatureInput): [number, number][] {
  const g = f.geometry;
  return g.type === 'Point' ? [g.coordinates] : g.coordinates.flat();
}

/** Every k-th feature, about `count` of them, so schema checks stay quick on big collections. */
function sample(fc: SyntheticCollection, count: number): ParkFeatureInput[] {
  const step = Math.max(1, Math.floor(fc.features.length / count));
  return fc.features.filter((_, i) => i % step === 0).slice(0, count);
}

describe('mulberry32', () => {
  it('repeats for a seed, differs between seeds, stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('generatePoints', () => {
  const points = generatePoints(2000, 1);

  it('gives identical output for the same seed and different output for another', () => {
    expect(JSON.stringify(generatePoints(2000, 1))).toBe(JSON.stringify(points));
    expect(JSON.stringify(generatePoints(2000, 2))).not.toBe(JSON.stringify(points));
  });

  it('makes n schema-valid features with ids syn-1 … syn-n', () => {
    expect(points.features).toHaveLength(2000);
    expect(points.features.map((f) => f.id)).toEqual(
      Array.from({ length: 2000 }, (_, i) => `syn-${i + 1}`),
    );
    for (const f of sample(points, 200)) {
      const result = v.safeParse(ParkFeatureSchema, f);
      expect(result.issues?.[0]?.message, f.id).toBeUndefined();
      expect(result.success).toBe(true);
    }
  });

  it('places every point inside Shandong (in a district, so in its bbox)', () => {
    for (const f of points.features) {
      for (const [x, y] of positions(f)) {
        expect(x).toBeGreaterThanOrEqual(west);
        expect(x).toBeLessThanOrEqual(east);
        expect(y).toBeGreaterThanOrEqual(south);
        expect(y).toBeLessThanOrEqual(north);
      }
    }
    expect(sample(points, 200).every((f) => insideShandong(positions(f)[0]!, inputs))).toBe(true);
  });

  it('gives 1–3 distinct industries from the taxonomy, some common and some rare', () => {
    const taxonomy = new Set(inputs.industries);
    const counts = new Map<string, number>();
    for (const f of points.features) {
      const codes = f.properties.industries ?? [];
      expect(codes.length).toBeGreaterThanOrEqual(1);
      expect(codes.length).toBeLessThanOrEqual(3);
      expect(new Set(codes).size).toBe(codes.length);
      for (const c of codes) {
        expect(taxonomy.has(c)).toBe(true);
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
    }
    const common = counts.get(commonIndustry(inputs)) ?? 0;
    expect(common / points.features.length).toBeGreaterThan(0.25);
    expect(Math.min(...counts.values())).toBeLessThan(common / 10);
  });

  it('uses the four point kinds and puts an investment figure on most features', () => {
    const kinds = new Set(points.features.map((f) => f.properties.kind));
    expect([...kinds].sort()).toEqual(['enterprise', 'park', 'platform', 'project']);
    const withFigure = points.features.filter((f) => (f.properties.figures ?? []).length > 0);
    expect(withFigure.length / points.features.length).toBeGreaterThan(0.7);
    const figure = withFigure[0]?.properties.figures?.[0];
    expect(figure).toMatchObject({ what: 'total_investment', unit: '亿元', doc: 'synthetic.txt' });
    expect(figure?.quote).toBe(`总投资${figure?.value}亿元`);
    expect(points.features.every((f) => f.properties.zone === SYNTHETIC_ZONE)).toBe(true);
    expect(points.features[0]?.properties.name_en).toMatch(/^Synthetic \w+ 1$/);
    expect(points.features[0]?.properties.name_zh).toMatch(/^合成.+ 1$/);
  });
});

describe('generatePolygons', () => {
  const zones = generatePolygons(300, 7);

  it('is repeatable per seed', () => {
    expect(JSON.stringify(generatePolygons(300, 7))).toBe(JSON.stringify(zones));
    expect(JSON.stringify(generatePolygons(300, 8))).not.toBe(JSON.stringify(zones));
  });

  it('makes schema-valid zone hexagons, each its own zone, wholly inside Shandong', () => {
    for (const f of zones.features) {
      expect(v.safeParse(ParkFeatureSchema, f).success).toBe(true);
      expect(f.properties.kind).toBe('zone');
      expect(f.properties.zone).toBe(f.id);
      expect(f.geometry.type).toBe('Polygon');
      const ring = positions(f);
      expect(ring).toHaveLength(7);
      expect(ring[6]).toEqual(ring[0]);
      expect(ring.every((p) => insideShandong(p, inputs))).toBe(true);
      const codes = f.properties.industries ?? [];
      expect(codes.length).toBeGreaterThanOrEqual(1);
      expect(codes.length).toBeLessThanOrEqual(3);
    }
  });
});

describe('hexagon', () => {
  it('is 1–2 km across for a circumradius of 0.5–1 km, counter-clockwise', () => {
    const ring = hexagon([117, 36], 1);
    const [x0, y0] = ring[0]!;
    const [x3] = ring[3]!;
    // Opposite corners are 2 circumradii apart: 2 km, about 0.025° of longitude at 36°N.
    expect((x0 - x3) * 111.32 * Math.cos((36 * Math.PI) / 180)).toBeCloseTo(2, 2);
    expect(y0).toBe(36);
    // Shoelace: positive area for counter-clockwise.
    let area = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [ax, ay] = ring[i]!;
      const [bx, by] = ring[i + 1]!;
      area += ax * by - bx * ay;
    }
    expect(area).toBeGreaterThan(0);
  });
});
