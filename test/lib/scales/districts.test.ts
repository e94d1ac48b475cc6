/**
 * The district choropleth (issue 15, points 1 and 2): a district the data covers counts 0 when
 * nothing is in it — a value, in the lowest class — and one it does not cover is no data, on the
 * map (no aggregate property) and in the legend alike; only figures that add up, and that points
 * give, are offered, summed over the points that give them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { districtTotals } from '../../../src/lib/data/districts.ts';
import { ParkFeatureSchema, type ParkFeature } from '../../../src/lib/data/schema.ts';
import { FeatureTable } from '../../../src/lib/data/table.ts';
import { choroplethModel, districtFields, isSummable } from '../../../src/lib/scales/choropleth.ts';
import { defaultView } from '../../../src/lib/state/view.ts';
import { pointFeature } from '../map/gpu/features.ts';
import { loadScales } from '../../../src/lib/scales/scale-lib.ts';
import { districtSquares } from '../../fixtures/district-squares.ts';

// d3-scale and the palettes are a lazy chunk in the app (scale-lib.ts).
beforeAll(loadScales);

const districts = districtSquares('A', 'B', 'C');

/** A zone lying in districts A and B (by name), with a figure of its own. */
const zone: ParkFeature = v.parse(ParkFeatureSchema, {
  type: 'Feature',
  id: 'z',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [116.2, 36.2],
        [117.8, 36.2],
        [117.8, 36.8],
        [116.2, 36.8],
        [116.2, 36.2],
      ],
    ],
  },
  properties: {
    id: 'z',
    kind: 'zone',
    name_zh: '区',
    name_en: 'Zone',
    zone: 'z',
    districts: ['A区', 'B区'],
    outline: 'approximate',
    outline_basis: 'test',
    industries: [],
    status: 'unknown',
    precision: 'zone',
    figures: [
      {
        what: 'gdp_growth',
        label_zh: '增长',
        label_en: 'Growth',
        value: 5,
        unit: '%',
        year: 2020,
        period: null,
        target: false,
        doc: 't.txt',
        quote: '5%',
      },
    ],
    sources: [{ doc: 't.txt', quote: 't' }],
  },
});
const table = FeatureTable.from([
  zone,
  pointFeature('p1', [116.5, 36.5], 'park', [], 10),
  pointFeature('p2', [116.6, 36.5], 'park', []),
]);
const totals = districtTotals(districts, table);
const spec = (field: string) => ({
  ...defaultView().choropleth,
  by: 'districts' as const,
  field,
});

describe('district totals', () => {
  it('counts 0 in a covered district without points, and gives none where the data does not reach', () => {
    expect(totals.get('A')).toEqual({ count: 2, total_investment: 10 });
    expect(totals.get('B')).toEqual({ count: 0 });
    expect(totals.get('C')).toEqual({});
  });

  it('a count of 0 is in the lowest class; the uncovered district is the one no-data', () => {
    const model = choroplethModel(spec('count'), {
      table,
      visible: new Uint8Array(table.length).fill(1),
      districts: totals,
    })!;
    expect(model.legend.noData).toBe(1);
    expect(model.legend.uncovered).toBe(true);
    expect(model.legend.entries.map((e) => [e.from, e.to, e.count])).toEqual([
      [0, 0, 1],
      [2, 2, 1],
    ]);
  });
});

describe('fields offered for districts', () => {
  it('rates, shares, per-unit figures and heights do not add up', () => {
    const f = (key: string, unit = '亿元') => isSummable({ key, unit });
    expect(['gdp', 'fixed_asset_investment', 'floor_area', 'count'].every((k) => f(k))).toBe(true);
    expect(f('gdp_growth')).toBe(false);
    expect(f('tax_share')).toBe(false);
    expect(f('patents_per_10k_people', '件')).toBe(false);
    expect(f('floor_area_per_storey', '平方米')).toBe(false);
    expect(f('storey_height', '米')).toBe(false);
    expect(f('anything', '%')).toBe(false);
  });

  it('offers the count and sums that points give; a zone-only figure is not offered', () => {
    const keys = districtFields(table.fields, totals).map((f) => f.key);
    expect(keys).toEqual(['count', 'total_investment']);
    expect(districtFields(table.fields, totals)[1]).toMatchObject({
      label_zh: '总投资（合计）',
      label_en: 'Total investment (sum)',
    });
    // A figure no district has is no district choropleth (no "NaN – NaN").
    const model = choroplethModel(spec('gdp_growth'), {
      table,
      visible: new Uint8Array(table.length).fill(1),
      districts: totals,
    });
    expect(model).toBeNull();
  });
});
