import { beforeAll, describe, expect, it } from 'vitest';
import { expression, latest } from '@maplibre/maplibre-gl-style-spec';
import { hexToRgba, rowColors } from '../../../../src/lib/map/gpu/colors.ts';
import { buildPointTable } from '../../../../src/lib/map/gpu/point-table.ts';
import { rowColorRule } from '../../../../src/lib/map/style/feature-colors.ts';
import { mapProperties } from '../../../../src/lib/data/flat.ts';
import { FeatureTable } from '../../../../src/lib/data/table.ts';
import { INDUSTRY_PALETTE, mapPaint } from '../../../../src/lib/map/style/paint.ts';
import { defaultTheme, type Theme } from '../../../../src/lib/map/style/theme.ts';
import { choroplethModel } from '../../../../src/lib/scales/choropleth.ts';
import type { PointKind } from '../../../../src/lib/map/ids.ts';
import type { NumericField } from '../../../../src/lib/data/dataset.ts';
import type { ChoroplethSpec } from '../../../../src/lib/state/view.ts';
import { pointFeature } from './features.ts';
import { COLORBREWER, OKABE_ITO } from '../../scales/colorbrewer.ts';
import { loadNaturalBreaks } from '../../../../src/lib/scales/natural-breaks.ts';
import { loadScales } from '../../../../src/lib/scales/scale-lib.ts';

// d3-scale and the palettes are a lazy chunk in the app (scale-lib.ts).
beforeAll(loadScales);

// Natural breaks are a chunk of their own, loaded on first need (as the app does).
beforeAll(loadNaturalBreaks);

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

describe('the colours each rule gives, written out', () => {
  /** A theme of its own, so the expected colours are the test's, not the app's theme. */
  const theme: Theme = {
    ...defaultTheme,
    kind: { park: '#110000', platform: '#002200', project: '#000033', enterprise: '#444444' },
  };
  const bytes = (hex: string) =>
    [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)).concat(255);
  /** Every path that colours a point (GPU columns, JS rule, style expression) gives `expected`. */
  function expectColors(paint: ReturnType<typeof mapPaint>, expected: (i: number) => string) {
    const colors = rowColors(table, paint.coloring, theme);
    const colorOf = rowColorRule(featureTable, paint.coloring, theme);
    features.forEach((f, row) => {
      const want = bytes(expected(row));
      expect([...colors.subarray(row * 4, row * 4 + 4)], `${f.id} GPU`).toEqual(want);
      expect(bytes(colorOf(row)), `${f.id} rule`).toEqual(want);
      const kind = f.properties.kind as PointKind;
      expect(styleColor(paint.point(kind), mapProperties(f, [FIELD])), `${f.id} style`).toEqual(
        want,
      );
    });
  }
  const kindOf = (i: number) => KINDS[i % 4] as PointKind;
  const has = (i: number, code: string) => ((i >> CODES.indexOf(code)) & 1) === 1;

  it('by kind: the theme’s colour of each kind', () => {
    expectColors(mapPaint(null, 'features', [], theme), (i) => theme.kind[kindOf(i)]);
  });

  it('by industry: Okabe–Ito blue, then orange, in selection order; else the kind’s colour', () => {
    expectColors(mapPaint(null, 'features', ['chem', 'bio'], theme), (i) =>
      has(i, 'chem') ? OKABE_ITO.blue : has(i, 'bio') ? OKABE_ITO.orange : theme.kind[kindOf(i)],
    );
  });

  it('by class: manual breaks 20/40/60/80 in ColorBrewer Blues, grey without a value', () => {
    const spec: ChoroplethSpec = {
      field: FIELD.key,
      by: 'features',
      method: 'manual',
      classes: 5,
      scheme: 'Blues',
      scope: 'all',
      breaks: [20, 40, 60, 80],
    };
    const model = choroplethModel(spec, {
      table: featureTable,
      visible: new Uint8Array(features.length).fill(1),
      districts: null,
    });
    expect(model).not.toBeNull();
    expectColors(mapPaint(model, 'features', [], theme), (i) => {
      if (i % 5 === 0) return '#d9d9d9';
      const v = (i * 7.3) % 100;
      return COLORBREWER.Blues[5][[20, 40, 60, 80].filter((b) => b <= v).length] as string;
    });
  });

  it('the palettes are Okabe–Ito: industries in its order, kinds four distinct colours of it', () => {
    expect(INDUSTRY_PALETTE).toEqual([
      OKABE_ITO.blue,
      OKABE_ITO.orange,
      OKABE_ITO.bluishGreen,
      OKABE_ITO.reddishPurple,
      OKABE_ITO.skyBlue,
      OKABE_ITO.vermillion,
      OKABE_ITO.yellow,
      OKABE_ITO.black,
    ]);
    const kinds = Object.values(defaultTheme.kind);
    expect(new Set(kinds).size).toBe(4);
    for (const c of kinds) expect(Object.values(OKABE_ITO)).toContain(c);
  });
});

describe('hexToRgba', () => {
  it('reads #rgb and #rrggbb, and refuses anything else', () => {
    expect(hexToRgba('#0072b2')).toEqual([0, 114, 178, 255]);
    expect(hexToRgba('#fff')).toEqual([255, 255, 255, 255]);
    expect(() => hexToRgba('rgba(0,0,0,1)')).toThrow(/hex/);
  });
});
