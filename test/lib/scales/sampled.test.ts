import { beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../../src/lib/scales/classify.ts';
import { sampledChoroplethModel, scaledLegend } from '../../../src/lib/scales/sampled.ts';
import { defaultView } from '../../../src/lib/state/view.ts';
import { COLORBREWER } from './colorbrewer.ts';
import { loadScales } from '../../../src/lib/scales/scale-lib.ts';

// d3-scale and the palettes are a lazy chunk in the app (scale-lib.ts).
beforeAll(loadScales);

/** 1 … 100, and every tenth of them as an evenly spaced sample (10, 20, … 100). */
const all = Array.from({ length: 100 }, (_, i) => i + 1);
const field = {
  key: 'total_investment',
  label_zh: '总投资',
  label_en: 'Total investment',
  unit: '亿元',
  count: 100,
  sample: all.filter((v) => v % 10 === 0),
};

describe('scaledLegend', () => {
  it('scales the sample’s class counts to the field’s count, and says they are approximate', () => {
    const c = classify([...field.sample], 'equal', 5);
    const legend = scaledLegend(c, field, 130);
    // Each equal class holds 2 of the 10 sampled values: 20 of the 100.
    expect(legend.entries.map((e) => e.count)).toEqual([20, 20, 20, 20, 20]);
    expect(legend.noData).toBe(30);
    expect(legend.approximate).toBe(true);
  });

  it('is exact when the sample is every value', () => {
    const c = classify(all, 'quantile', 4);
    const legend = scaledLegend(c, { count: 100, sample: all }, 100);
    expect(legend.entries.reduce((n, e) => n + e.count, 0)).toBe(100);
    expect(legend.approximate).toBe(false);
    expect(legend.noData).toBe(0);
  });

  it('counts nothing for a field without values', () => {
    const c = classify([], 'quantile', 5);
    const legend = scaledLegend(c, { count: 0, sample: [] }, 50);
    expect(legend.entries.every((e) => e.count === 0)).toBe(true);
    expect(legend.noData).toBe(50);
  });
});

describe('sampledChoroplethModel', () => {
  const spec = { ...defaultView().choropleth, field: field.key, method: 'quantile' as const };

  it('classes the sample: its quantile breaks approximate those of every value', () => {
    const model = sampledChoroplethModel({ ...spec, classes: 5 }, [field], 100);
    expect(model?.field).toEqual({
      key: field.key,
      label_zh: '总投资',
      label_en: 'Total investment',
      unit: '亿元',
    });
    // Quintiles of 10, 20, … 100 (linear between ranks, as R-7 / d3.quantile): 28, 46, 64, 82.
    const got = model?.classification.thresholds ?? [];
    expect(got).toHaveLength(4);
    [28, 46, 64, 82].forEach((t, i) => expect(got[i]).toBeCloseTo(t, 9));
    // Those of every value, 1 … 100, are 20.8, 40.6, 60.4, 80.2: within one step of the sample.
    [20.8, 40.6, 60.4, 80.2].forEach((t, i) =>
      expect(Math.abs((got[i] ?? NaN) - t)).toBeLessThanOrEqual(10),
    );
    expect(model?.classification.colors).toEqual(COLORBREWER.Blues[5]);
    // Two of the ten sampled values in each class, scaled to the field's 100.
    expect(model?.legend.entries.map((e) => e.count)).toEqual([20, 20, 20, 20, 20]);
    expect(model?.legend.approximate).toBe(true);
  });

  it('colours nothing for districts, no field or an unknown field', () => {
    expect(sampledChoroplethModel({ ...spec, by: 'districts' }, [field], 100)).toBeNull();
    expect(sampledChoroplethModel({ ...spec, field: null }, [field], 100)).toBeNull();
    expect(sampledChoroplethModel({ ...spec, field: 'gdp' }, [field], 100)).toBeNull();
  });
});
