/**
 * The choropleth of points read from tiles. The app never holds every value then: the archive's
 * metadata carries, per numeric field, how many points have a value (`count`) and a sample of at
 * most 10,000 values at evenly spaced ranks of all of them, ascending (scripts/tiles/
 * point-tiles.ts `evenSample`). Classes are computed on the sample — its quantiles are those of
 * the whole to within one rank step — and the legend's counts are the sample's, scaled to the
 * field's count: approximate, and marked so.
 *
 * Districts are not offered: a district aggregate needs every point's position and value, which
 * only the tiles of the last zoom hold (see docs/ARCHITECTURE.md).
 */
import type { ChoroplethSpec } from '../state/view.ts';
import { isScheme, type ChoroplethField, type ChoroplethModel } from './choropleth.ts';
import { classify, legend, type Classification } from './classify.ts';

/** A field as the archive's metadata describes it. */
export interface SampledField extends ChoroplethField {
  /** Points with a value. */
  count: number;
  /** Some of those values at evenly spaced ranks, ascending. */
  sample: readonly number[];
}

/**
 * The legend of the sample, each class's count scaled by `count / sample.length` (rounded) and
 * no-data = `total - count`; `approximate` unless the sample is every value.
 */
export function scaledLegend(
  c: Classification,
  field: Pick<SampledField, 'count' | 'sample'>,
  total: number,
): ChoroplethModel['legend'] {
  const { entries } = legend(c, [...field.sample]);
  const n = field.sample.length;
  const factor = n > 0 ? field.count / n : 0;
  return {
    entries: entries.map((e) => ({ ...e, count: Math.round(e.count * factor) })),
    noData: Math.max(0, total - field.count),
    approximate: n < field.count,
  };
}

/**
 * Classes and legend for a spec over sampled fields, or null when it colours nothing or asks for
 * districts. `scope: 'visible'` is read as `all`: there is no list of what is visible to
 * reclassify on, only the sample of the whole archive. `total` is the archive's point count.
 */
export function sampledChoroplethModel(
  spec: ChoroplethSpec,
  fields: readonly SampledField[],
  total: number,
): ChoroplethModel | null {
  if (!spec.field || spec.by !== 'features') return null;
  const field = fields.find((f) => f.key === spec.field);
  if (!field) return null;
  const scheme = isScheme(spec.scheme) ? spec.scheme : 'Blues';
  const classification = classify(
    [...field.sample],
    spec.method,
    spec.classes,
    scheme,
    spec.breaks,
  );
  const { key, label_zh, label_en, unit } = field;
  return {
    field: { key, label_zh, label_en, unit },
    classification,
    legend: scaledLegend(classification, field, total),
  };
}
