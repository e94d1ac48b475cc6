import { beforeAll, describe, expect, it } from 'vitest';
import { expression, latest } from '@maplibre/maplibre-gl-style-spec';
import { hexToRgba } from '../../../../src/lib/map/gpu/colors.ts';
import { FeatureTable, type FieldValues } from '../../../../src/lib/data/table.ts';
import { choroplethModel } from '../../../../src/lib/scales/choropleth.ts';
import { NO_DATA_COLOR } from '../../../../src/lib/scales/classify.ts';
import { coloringKey, mapPaint } from '../../../../src/lib/map/style/paint.ts';
import { rowColorRule } from '../../../../src/lib/map/style/feature-colors.ts';
import { defaultTheme } from '../../../../src/lib/map/style/theme.ts';
import { defaultView } from '../../../../src/lib/state/view.ts';
import { pointFeature } from '../gpu/features.ts';
import { loadScales } from '../../../../src/lib/scales/scale-lib.ts';

// d3-scale and the palettes are a lazy chunk in the app (scale-lib.ts).
beforeAll(loadScales);

// Latest figures 1, 2, 3, 4; "as of" a year only a and b had theirs, and a's was 10 then.
const table = FeatureTable.from(
  ['a', 'b', 'c', 'd'].map((id, i) => pointFeature(id, [116 + i / 10, 36], 'park', [], i + 1)),
);
const asOf: FieldValues = { tag: 'asOf:2016', of: () => Float64Array.from([10, 2, NaN, NaN]) };
const spec = {
  ...defaultView().choropleth,
  by: 'features' as const,
  field: 'total_investment',
  classes: 3,
  method: 'equal' as const,
};
const visible = new Uint8Array(table.length).fill(1);

/** The colour MapLibre computes for a feature from a circle-color value, as bytes. */
function colorOf(value: unknown, properties: Record<string, unknown>): number[] {
  if (typeof value === 'string') return hexToRgba(value);
  const spec = latest.paint_circle['circle-color'] as never;
  const e = expression.createPropertyExpression(value, 'layers[0].paint.circle-color', spec);
  if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
  const c = e.value.evaluate({ zoom: 10 }, { type: 1, properties } as never) as {
    r: number;
    g: number;
    b: number;
    a: number;
  };
  return [c.r, c.g, c.b, c.a].map((x) => Math.round(x * 255));
}

describe('the choropleth as of a year', () => {
  it('classifies and counts the year’s values, not the latest, and says so for the map', () => {
    const latest = choroplethModel(spec, { table, visible, districts: null })!;
    const then = choroplethModel(spec, { table, visible, districts: null, values: asOf })!;
    expect(latest.legend.noData).toBe(0);
    expect(then.legend.noData).toBe(2);
    expect(then.classification.thresholds).not.toEqual(latest.classification.thresholds);
    expect(latest.byRow).toBeUndefined();
    expect(then.byRow?.tag).toBe('asOf:2016');
  });

  it('colours points by id from the year’s values and zones/GPU points from the same column', () => {
    const model = choroplethModel(spec, { table, visible, districts: null, values: asOf })!;
    const paint = mapPaint(model, 'features', [], defaultTheme);
    const exp = paint.point('park');
    const { colors } = model.classification;
    const [low, high] = [colors[0]!, colors.at(-1)!];
    // a is 10 then (the top class), though its latest figure is the smallest.
    expect(colorOf(exp, { id: 'a', v_total_investment: 1 })).toEqual(colorOf(high, {}));
    expect(colorOf(exp, { id: 'b', v_total_investment: 2 })).toEqual(colorOf(low, {}));
    // c has a latest figure but none by then: no data.
    expect(colorOf(exp, { id: 'c', v_total_investment: 3 })).toEqual(colorOf(NO_DATA_COLOR, {}));
    const rule = rowColorRule(table, paint.coloring, defaultTheme);
    expect([0, 1, 2].map(rule)).toEqual([high, low, NO_DATA_COLOR]);
  });

  it('keys a colouring by its tag, not by every value', () => {
    const model = choroplethModel(spec, { table, visible, districts: null, values: asOf })!;
    const key = coloringKey(mapPaint(model, 'features', [], defaultTheme).coloring);
    expect(key).toContain('asOf:2016');
    expect(key).not.toContain('"values"');
  });
});

describe('districts as of a year', () => {
  it('colour each district by its code from the totals given, not from the map’s data', () => {
    // The year's totals: B has 3 points then, A one; the map's data knows nothing of either.
    const totals = new Map<string, Record<string, number>>([
      ['A', { count: 1 }],
      ['B', { count: 3 }],
      ['C', {}],
    ]);
    const bySpec = { ...spec, by: 'districts' as const, field: 'count' };
    const model = choroplethModel(bySpec, { table, visible, districts: totals, values: asOf })!;
    const fill = mapPaint(model, 'districts', [], defaultTheme).districtFill;
    const { colors } = model.classification;
    expect(colorOf(fill, { code: 'B' })).toEqual(colorOf(colors.at(-1)!, {}));
    expect(colorOf(fill, { code: 'A' })).toEqual(colorOf(colors[0]!, {}));
    expect(colorOf(fill, { code: 'C' })).toEqual(colorOf(NO_DATA_COLOR, {}));
  });
});
