import { describe, expect, it } from 'vitest';
import { expression, latest } from '@maplibre/maplibre-gl-style-spec';
import { hexToRgba, rowColors } from '../../../../src/lib/map/gpu/colors.ts';
import { buildPointTable } from '../../../../src/lib/map/gpu/point-table.ts';
import { rowColorRule } from '../../../../src/lib/map/style/feature-colors.ts';
import { mapProperties } from '../../../../src/lib/data/flat.ts';
import { mapPaint } from '../../../../src/lib/map/style/paint.ts';
import { defaultTheme } from '../../../../src/lib/map/style/theme.ts';
import { choroplethModel } from '../../../../src/lib/scales/choropleth.ts';
import type { PointKind } from '../../../../src/lib/map/ids.ts';
import type { NumericField } from '../../../../src/lib/data/dataset.ts';
import type { ChoroplethSpec } from '../../../../src/lib/state/view.ts';
import { pointFeature } from './features.ts';
import { FeatureTable } from '../../../../src/lib/data/table.ts';

const FIELD: NumericField = {
  key: 'total_investment',
  label_zh: '总投资',
  label_en: 'Total investment',
  unit: '亿元',
  count: 0,
};
const KINDS: PointKind[] = ['park', 'platform', 'project', 'enterprise'];
const CODES = ['bio', 'chem', 'auto', 'ict'];
const features = Array.from({ length: 60 }, (_, i) =>
  pointFeature(
    `p${i}`,
    [116 + (i % 10) * 0.01, 36 + Math.floor(i / 10) * 0.01],
    KINDS[i % 4] as PointKind,
    CODES.filter((_, k) => (i >> k) & 1),
    i % 5 === 0 ? undefined : (i * 7.3) % 100,
  ),
);
const featureTable = FeatureTable.from(features, [FIELD]);
const table = buildPointTable(featureTable);

/** The colour MapLibre computes for a feature from a circle-color value, as bytes. */
function styleColor(value: unknown, props: Record<string, unknown>): number[] {
  if (typeof value === 'string') return hexToRgba(value);
  const spec = latest.paint_circle['circle-color'] as never;
  const e = expression.createPropertyExpression(value, 'layers[0].paint.circle-color', spec);
  if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
  const c = e.value.evaluate({ zoom: 10 }, { type: 1, properties: props } as never) as {
    r: number;
    g: number;
    b: number;
    a: number;
  };
  return [c.r, c.g, c.b, c.a].map((x) => Math.round(x * 255));
}

/** The GPU layer's columns and the per-feature rule (zones) both give the expressions' colour. */
function expectSameAsStyle(paint: ReturnType<typeof mapPaint>) {
  const colors = rowColors(table, paint.coloring, defaultTheme);
  const colorOf = rowColorRule(featureTable, paint.coloring, defaultTheme);
  features.forEach((f, row) => {
    const expected = styleColor(
      paint.point(f.properties.kind as PointKind),
      mapProperties(f, [FIELD]),
    );
    expect([...colors.subarray(row * 4, row * 4 + 4)], f.id).toEqual(expected);
    expect(hexToRgba(colorOf(row)), f.id).toEqual(expected);
  });
}

describe('rowColors and rowColorRule colour each feature as the style expressions would', () => {
  it('by kind', () => expectSameAsStyle(mapPaint(null, 'features', [], defaultTheme)));

  it('by the first selected industry a point has, else its kind', () => {
    expectSameAsStyle(mapPaint(null, 'features', ['chem', 'bio'], defaultTheme));
  });

  it('by class of a field, grey where a point has no value', () => {
    for (const method of ['quantile', 'jenks', 'equal'] as const) {
      const spec: ChoroplethSpec = {
        field: FIELD.key,
        by: 'features',
        method,
        classes: 5,
        scheme: 'Blues',
        scope: 'all',
        breaks: [],
      };
      const model = choroplethModel(spec, {
        table: featureTable,
        visible: new Uint8Array(features.length).fill(1),
        districts: null,
      });
      expect(model, method).not.toBeNull();
      expectSameAsStyle(mapPaint(model, 'features', [], defaultTheme));
    }
  });
});

describe('hexToRgba', () => {
  it('reads #rgb and #rrggbb, and refuses anything else', () => {
    expect(hexToRgba('#0072b2')).toEqual([0, 114, 178, 255]);
    expect(hexToRgba('#fff')).toEqual([255, 255, 255, 255]);
    expect(() => hexToRgba('rgba(0,0,0,1)')).toThrow(/hex/);
  });
});
