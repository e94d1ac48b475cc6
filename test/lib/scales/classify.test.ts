import { beforeAll, describe, expect, it } from 'vitest';
import { expression } from '@maplibre/maplibre-gl-style-spec';
import {
  classifier,
  classify,
  colorExpression,
  legend,
  NO_DATA_COLOR,
  rangeLabel,
  thresholds,
} from '../../../src/lib/scales/classify.ts';
import { COLORBREWER } from './colorbrewer.ts';
import { loadNaturalBreaks } from '../../../src/lib/scales/natural-breaks.ts';
import { loadScales, scaleLib } from '../../../src/lib/scales/scale-lib.ts';

// d3-scale and the palettes are a lazy chunk in the app (scale-lib.ts).
beforeAll(loadScales);

// Natural breaks are a chunk of their own, loaded on first need (as the app does).
beforeAll(loadNaturalBreaks);

const values = [1, 2, 4, 5, 12, 43, 52, 123, 234, 1244];

describe('thresholds', () => {
  it('equal interval splits the range evenly', () => {
    expect(thresholds([0, 10, 100], 'equal', 4)).toEqual([25, 50, 75]);
  });

  it('quantile puts the same number of values in each class', () => {
    expect(thresholds([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'quantile', 4)).toEqual([3.25, 5.5, 7.75]);
  });

  it('natural breaks (ckmeans) finds the gaps in the data', () => {
    // Known clusters: [1…52], [123, 234], [1244].
    expect(thresholds(values, 'jenks', 3)).toEqual([123, 1244]);
    expect(thresholds([1, 1.1, 1.2, 10, 10.5, 11, 50, 51], 'jenks', 3)).toEqual([10, 50]);
  });

  it('manual breaks are sorted, deduplicated and capped at 8', () => {
    expect(thresholds(values, 'manual', 5, [100, 10, 100, 1000])).toEqual([10, 100, 1000]);
    const many = Array.from({ length: 20 }, (_, i) => i);
    expect(thresholds(many, 'manual', 5, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toHaveLength(8);
  });

  it('manual breaks outside the values make no class: 50, 300 on 53.5 and 346.4 give one break', () => {
    expect(thresholds([53.5, 346.4], 'manual', 5, [50, 300])).toEqual([300]);
    expect(thresholds([53.5, 346.4], 'manual', 5, [10, 53.5, 400])).toEqual([]);
    expect(thresholds([], 'manual', 5, [1, 2])).toEqual([]);
  });

  it('quantiles of repeated values leave no class empty', () => {
    // The median of 1, 1, 1, 1, 2 is 1, the minimum: a break there would leave the class below it empty.
    expect(thresholds([1, 1, 1, 1, 2], 'quantile', 5)).toEqual([]);
    expect(thresholds([0, 0, 10, 10], 'quantile', 4)).toEqual([5]);
  });

  it('clamps the number of classes to 3…9', () => {
    const many = Array.from({ length: 100 }, (_, i) => i);
    expect(thresholds(many, 'equal', 1)).toHaveLength(2);
    expect(thresholds(many, 'equal', 20)).toHaveLength(8);
  });

  it('gives fewer classes when there are fewer distinct values, and none for one value', () => {
    expect(thresholds([5, 5, 9], 'jenks', 5)).toEqual([9]);
    expect(thresholds([7, 7, 7], 'quantile', 5)).toEqual([]);
    expect(thresholds([], 'equal', 5)).toEqual([]);
  });

  it('ignores NaN and infinities', () => {
    expect(thresholds([0, NaN, 100, Infinity], 'equal', 4)).toEqual([25, 50, 75]);
  });
});

describe('classify and legend', () => {
  it('classes 600,000 values (a 50 MB import coloured by a field)', () => {
    const many = Array.from({ length: 600_000 }, (_, i) => (i * 7919) % 1000);
    const c = classify(many, 'quantile', 5);
    expect([c.min, c.max]).toEqual([0, 999]);
    expect(c.thresholds).toHaveLength(4);
  });

  it('uses the scheme for the number of classes: ColorBrewer’s own colours', () => {
    const c = classify(values, 'quantile', 5, 'Greens');
    expect(c.colors).toEqual(COLORBREWER.Greens[5]);
    expect(c.thresholds).toHaveLength(4);
    expect(classify(values, 'equal', 9, 'YlOrRd').colors).toEqual(COLORBREWER.YlOrRd[9]);
    expect(classify(values, 'jenks', 3, 'Purples').colors).toEqual(COLORBREWER.Purples[3]);
    expect(classify(values, 'quantile', 5).colors).toEqual(COLORBREWER.Blues[5]);
  });

  it('offers the six sequential ColorBrewer schemes, 3 to 9 classes each', () => {
    const SCHEMES = scaleLib().schemes;
    expect(Object.keys(SCHEMES).sort()).toEqual(Object.keys(COLORBREWER).sort());
    for (const [name, palettes] of Object.entries(COLORBREWER)) {
      const scheme = SCHEMES[name as keyof typeof SCHEMES];
      for (const k of [3, 5, 9] as const) expect(scheme[k], `${name} ${k}`).toEqual(palettes[k]);
    }
  });

  it('with two classes, takes the darker two of the 3-class scheme', () => {
    const c = classify([5, 5, 9], 'jenks', 5, 'Blues');
    expect(c.thresholds).toEqual([9]);
    expect(c.colors).toEqual(['#9ecae1', '#3182bd']);
  });

  it('counts every value in exactly one class, and missing values as no data', () => {
    const c = classify(values, 'jenks', 3);
    const { entries, noData } = legend(c, [...values, null, undefined, NaN]);
    expect(entries.map((e) => e.count)).toEqual([7, 2, 1]);
    expect(noData).toBe(3);
    // Each range is the values the class holds: 1…52 below the break at 123.
    expect(entries[0]).toMatchObject({ from: 1, to: 52 });
    expect(entries[1]).toMatchObject({ from: 123, to: 234 });
    expect(entries[2]).toMatchObject({ from: 1244, to: 1244 });
  });

  it('jenks on two values: one class per value, "53.5" and "346.4", not overlapping ranges', () => {
    const c = classify([53.5, 346.4], 'jenks', 5);
    const { entries } = legend(c, [53.5, 346.4]);
    const fmt = String;
    expect(entries.map((e) => [rangeLabel(e, fmt), e.count])).toEqual([
      ['53.5', 1],
      ['346.4', 1],
    ]);
  });

  it('manual breaks 50, 300 below the minimum give no phantom "50 – 50 (0)" class', () => {
    const c = classify([53.5, 346.4], 'manual', 5, 'Blues', [50, 300]);
    const labels = legend(c, [53.5, 346.4]).entries.map((e) => rangeLabel(e, String));
    expect(labels).toEqual(['53.5', '346.4']);
  });

  it('an empty class of equal intervals says the range it would hold, upper bound excluded', () => {
    const c = classify([0, 1, 100], 'equal', 4);
    const labels = legend(c, [0, 1, 100]).entries.map((e) => rangeLabel(e, String));
    expect(labels).toEqual(['0 – 1', '25 – <50', '50 – <75', '100']);
  });

  it('no values: no classes, everything no data', () => {
    const c = classify([], 'quantile', 5);
    expect(c.colors).toEqual([]);
    expect(legend(c, [undefined, 3])).toEqual({ entries: [], noData: 2 });
  });

  it('places values on a threshold in the upper class, as MapLibre step does', () => {
    const c = classify([0, 10, 100], 'equal', 4);
    expect(classifier(c)(24.99)).toBe(0);
    expect(classifier(c)(25)).toBe(1);
    expect(classifier(c)(100)).toBe(3);
  });
});

describe('colorExpression', () => {
  const evaluate = (expr: unknown, props: Record<string, unknown>) => {
    const compiled = expression.createExpression(expr, 'layers[0].paint.fill-color');
    if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
    return compiled.value.evaluate({ zoom: 0 }, { type: 'Point', properties: props } as never);
  };

  it('colours each value as classifier does and missing values grey', () => {
    const c = classify(values, 'jenks', 3, 'Blues');
    const color = (e: unknown, props: Record<string, unknown>) =>
      String(evaluate(['to-color', e], props));
    const expr = colorExpression(c, ['get', 'v']);
    for (const v of values) expect(color(expr, { v })).toBe(color(c.colors[classifier(c)(v)], {}));
    expect(color(expr, {})).toBe(color(NO_DATA_COLOR, {}));
    expect(color(expr, { v: 'n/a' })).toBe(color(NO_DATA_COLOR, {}));
  });

  it('gives the colours a reader expects: Blues 3 by the breaks 123 and 1244, grey for none', () => {
    // Natural breaks of `values` at 123 and 1244 (see thresholds); a value on a break is above it.
    const expr = colorExpression(classify(values, 'jenks', 3, 'Blues'), ['get', 'v']);
    const rgb = (v: unknown) => {
      const c = evaluate(['to-color', expr], v === undefined ? {} : { v }) as {
        r: number;
        g: number;
        b: number;
      };
      return (
        '#' +
        [c.r, c.g, c.b]
          .map((x) =>
            Math.round(x * 255)
              .toString(16)
              .padStart(2, '0'),
          )
          .join('')
      );
    };
    expect([1, 52, 122.9].map(rgb)).toEqual(['#deebf7', '#deebf7', '#deebf7']);
    expect([123, 234, 1243].map(rgb)).toEqual(['#9ecae1', '#9ecae1', '#9ecae1']);
    expect([1244, 5000].map(rgb)).toEqual(['#3182bd', '#3182bd']);
    // Missing or not a number: the no-data grey.
    expect([undefined, 'n/a', null].map(rgb)).toEqual(['#d9d9d9', '#d9d9d9', '#d9d9d9']);
  });
});
