import { describe, expect, it } from 'vitest';
import { generatePoints, generatePolygons } from '../../../scripts/bench/generate.ts';
import { readPoints, type MapPoint } from '../../../scripts/tiles/read-features.ts';
import { numericFields } from '../../../src/lib/data/dataset.ts';
import { parseFeatures } from '../../../src/lib/data/parse.ts';
import type { ParkFeatureInput } from '../../../src/lib/data/schema.ts';
import { mapProperties } from '../../../src/lib/data/flat.ts';

function read(features: unknown[]): { points: MapPoint[]; report: ReturnType<typeof readPoints> } {
  const points: MapPoint[] = [];
  const report = readPoints(
    () => features,
    'test.geojson',
    (p) => points.push(p),
  );
  return { points, report };
}

describe('readPoints', () => {
  it('gives the app’s fields and map properties, across parsing chunks', () => {
    // Over 10,000 features, so fields are merged from more than one parseFeatures chunk.
    const features: ParkFeatureInput[] = generatePoints(10_500, 3).features;
    // A second field that first appears in 万元 late in the input: the app's unit is 亿元.
    const late = structuredClone(features[10_200]!);
    late.properties.figures = [
      {
        what: 'fixed_asset_investment',
        label_zh: '固定资产投资',
        label_en: 'Fixed-asset investment',
        value: 25_000,
        unit: '万元',
        year: 2021,
        period: null,
        target: false,
        doc: 'synthetic.txt',
        quote: '固定资产投资25000万元',
      },
    ];
    features[10_200] = late;
    const { points, report } = read(features);
    const parsed = parseFeatures(features, 'test.geojson').features;
    const fields = numericFields(parsed);
    expect(report.fields).toEqual(fields);
    expect(points).toHaveLength(10_500);
    points.forEach((p, i) => {
      const f = parsed[i]!;
      expect(p.properties).toEqual(mapProperties(f, fields));
      expect([p.lng, p.lat]).toEqual(f.geometry.coordinates);
    });
    expect(points[10_200]!.properties.fig_fixed_asset_investment).toBe(2.5);
  });

  it('drops what the app drops: schema failures (located), repeated ids, and keeps zones out', () => {
    const [a, b, c] = generatePoints(3, 1).features as [
      ParkFeatureInput,
      ParkFeatureInput,
      ParkFeatureInput,
    ];
    const zone = generatePolygons(1, 1).features[0]!;
    const bad = { ...b, properties: { ...b.properties, status: 'finished' } };
    const again = { ...a, properties: { ...a.properties, name_en: 'Second copy' } };
    const { points, report } = read([a, bad, zone, again, c]);
    expect(points.map((p) => p.properties.id)).toEqual([a.id, c.id]);
    expect(points[0]!.properties.name_en).toBe(a.properties.name_en);
    expect(report).toMatchObject({ read: 5, rejected: 1, duplicates: 1, notPoints: 1 });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]!.path).toBe('features[1].properties.status');
    expect(report.issues[0]!.source).toBe('test.geojson');
  });

  it('numbers issues over the whole input, not per chunk', () => {
    const features: unknown[] = generatePoints(10_002, 1).features;
    features[10_001] = { type: 'Feature' };
    const { report } = read(features);
    expect(report.issues.map((i) => i.path)).toEqual([expect.stringMatching(/^features\[10001\]/)]);
  });
});
