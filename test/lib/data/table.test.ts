import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FeatureTable } from '../../../src/lib/data/table.ts';
import type { ParkFeature } from '../../../src/lib/data/schema.ts';
import { pointFeature } from '../map/gpu/features.ts';

const KINDS = ['park', 'platform', 'project', 'enterprise'] as const;
const LAYER_OF = {
  zone: 'zones',
  park: 'parks',
  platform: 'platforms',
  project: 'projects',
  enterprise: 'enterprises',
  nonplace: 'nonplaces',
} as const;
const ALL_ON = {
  zones: true,
  parks: true,
  platforms: true,
  projects: true,
  enterprises: true,
  nonplaces: true,
  labels: true,
};

const points = Array.from({ length: 40 }, (_, i) =>
  pointFeature(`f${i}`, [116 + i / 100, 36], KINDS[i % 4]!, i % 3 === 0 ? ['bio'] : ['chem'], i),
);
const zone: ParkFeature = {
  ...points[0]!,
  id: 'z',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [116, 36],
        [117, 36],
        [117, 37],
        [116, 36],
      ],
    ],
  },
  properties: { ...points[0]!.properties, id: 'z', kind: 'zone', industries: ['chem'] },
};
const features = [zone, ...points];

describe('FeatureTable.visibility', () => {
  it('shows a feature when its layer is on and it has a selected industry (or none is selected)', () => {
    const table = FeatureTable.from(features);
    fc.assert(
      fc.property(
        fc.subarray(['bio', 'chem', 'none']),
        fc.record({
          zones: fc.boolean(),
          parks: fc.boolean(),
          platforms: fc.boolean(),
          projects: fc.boolean(),
          enterprises: fc.boolean(),
          nonplaces: fc.boolean(),
          labels: fc.boolean(),
        }),
        (industries, layers) => {
          const flags = table.visibility({ industries, layers });
          features.forEach((f, i) => {
            const p = f.properties;
            const industryOk =
              p.kind === 'zone' ||
              industries.length === 0 ||
              p.industries.some((c) => industries.includes(c));
            expect(flags[i] === 1, f.id).toBe(layers[LAYER_OF[p.kind]] && industryOk);
          });
        },
      ),
    );
  });

  it('zones are context: an industry filter does not hide them', () => {
    const table = FeatureTable.from([zone]);
    expect(table.visibility({ industries: ['bio'], layers: ALL_ON })[0]).toBe(1);
  });

  it('holds more than 32 industries per row: masks of several words', () => {
    const codes = Array.from({ length: 70 }, (_, i) => `c${i}`);
    const many = [
      pointFeature('a', [116, 36], 'park', codes),
      pointFeature('b', [116, 36], 'park', ['c69']),
      pointFeature('c', [116, 36], 'park', ['c0']),
    ];
    const table = FeatureTable.from(many);
    expect(table.words).toBe(3);
    expect([...table.visibility({ industries: ['c69'], layers: ALL_ON })]).toEqual([1, 1, 0]);
    expect(table.hasIndustry(1, 'c69')).toBe(true);
    expect(table.hasIndustry(1, 'c0')).toBe(false);
    const counts = table.industryCounts(ALL_ON);
    expect(counts.get('c69')).toBe(2);
    expect(counts.get('c0')).toBe(2);
    expect(counts.get('c33')).toBe(1);
  });
});

describe('FeatureTable columns', () => {
  const table = FeatureTable.from(features);

  it('keeps ids, rows, names per language, kinds and point positions in feature order', () => {
    expect(table.length).toBe(features.length);
    expect(table.ids[3]).toBe(features[3]!.id);
    expect(table.rows.get('f5')).toBe(6);
    expect(table.names.zh[6]).toBe('点f5');
    expect(table.names.en[6]).toBe('Point f5');
    expect(table.kindOf(0)).toBe('zone');
    expect(table.kindOf(1)).toBe('park');
    expect(table.isPoint(0)).toBe(false);
    expect([table.positions[12], table.positions[13]]).toEqual([116.05, 36]);
  });

  it('computes a field’s values once, NaN where a feature has none', () => {
    const values = table.values('total_investment');
    expect(table.values('total_investment')).toBe(values);
    expect(values[1]).toBe(0);
    expect(values[6]).toBe(5);
    expect(table.value(6, 'total_investment')).toBe(5);
    expect(Number.isNaN(table.values('no_such_field')[1])).toBe(true);
    expect(table.value(1, 'no_such_field')).toBeUndefined();
  });

  it('converts money to the field’s unit (万元 to 亿元)', () => {
    const f = pointFeature('w', [116, 36], 'park', [], 1);
    const fig = { ...f.properties.figures[0]!, value: 25000, unit: '万元' };
    const t = FeatureTable.from([{ ...f, properties: { ...f.properties, figures: [fig] } }]);
    expect(t.field('total_investment')?.unit).toBe('亿元');
    expect(t.value(0, 'total_investment')).toBeCloseTo(2.5, 10);
  });

  it('counts layers and industries among the layers that are on', () => {
    expect(table.layerCounts()).toMatchObject({ zones: 1, parks: 10, enterprises: 10 });
    const counts = table.industryCounts({ ...ALL_ON, parks: false });
    // Parks are f0, f4, …: those with i % 3 === 0 have bio (f0, f12, f24, f36).
    expect(counts.get('bio')).toBe(14 - 4);
    expect(counts.get('chem')).toBe(26 - 6);
  });
});

describe('FeatureTable as of a year', () => {
  const table = FeatureTable.from(features);

  it('counts industries only over the rows reported by then', () => {
    const reported = new Uint8Array(table.length).fill(1);
    // Hide f0 and f3 (f0 has bio; f3 has bio: 3 % 3 === 0).
    reported[table.rows.get('f0')!] = 0;
    reported[table.rows.get('f3')!] = 0;
    const all = table.industryCounts(ALL_ON);
    const then = table.industryCounts(ALL_ON, reported);
    expect(then.get('bio')).toBe(all.get('bio')! - 2);
    expect(then.get('chem')).toBe(all.get('chem'));
  });

  it('keeps values by another rule apart from the table’s own, per tag', () => {
    const own = table.values('total_investment');
    const half = table.valuesBy('total_investment', 'half', (figures, field) => {
      const f = figures.find((x) => x.what === field.key);
      return f ? f.value / 2 : undefined;
    });
    const row = table.rows.get('f5')!;
    expect(half[row]).toBe(own[row]! / 2);
    expect(table.values('total_investment')).toBe(own);
    expect(table.valuesBy('total_investment', 'half', () => 0)).toBe(half);
  });
});
