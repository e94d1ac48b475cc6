import { figureValue, type NumericField } from '../data/dataset.ts';
import type { ParkFeature } from '../data/schema.ts';
import type { ChoroplethSpec } from '../state/view.ts';
import {
  classify,
  legend,
  type Classification,
  type LegendEntry,
  type SchemeName,
  SCHEMES,
} from './classify.ts';

/** A field the choropleth can use, with the unit its values are in. */
export interface ChoroplethField {
  key: string;
  label_zh: string;
  label_en: string;
  unit: string;
}

/** Fields for colouring districts: the count of features inside, then the sum of each figure. */
export function districtFields(fields: readonly NumericField[]): ChoroplethField[] {
  return [
    {
      key: 'count',
      label_zh: '园区与平台数量',
      label_en: 'Number of parks and platforms',
      unit: '个',
    },
    ...fields,
  ];
}

export interface ChoroplethModel {
  field: ChoroplethField;
  classification: Classification;
  /** `approximate`: counts estimated from a sample (points from tiles, scales/sampled.ts). */
  legend: { entries: LegendEntry[]; noData: number; approximate?: boolean };
}

export interface ChoroplethInput {
  /** Every feature, for classes computed on the whole dataset. */
  all: readonly ParkFeature[];
  /** The features shown now, for `scope: 'visible'` and for the legend's counts. */
  visible: readonly ParkFeature[];
  fields: readonly NumericField[];
  /** District aggregates: district code → field → value (count or sum). */
  districts: ReadonlyMap<string, Readonly<Record<string, number>>>;
}

export const isScheme = (s: string): s is SchemeName => s in SCHEMES;

/**
 * Classes, colours and legend for a choropleth spec, or null when it colours nothing. Classes
 * come from the whole dataset unless the spec asks for what is visible, so colours do not shift
 * while the user filters.
 */
export function choroplethModel(
  spec: ChoroplethSpec,
  input: ChoroplethInput,
): ChoroplethModel | null {
  if (!spec.field) return null;
  const scheme = isScheme(spec.scheme) ? spec.scheme : 'Blues';
  if (spec.by === 'districts') {
    const field = districtFields(input.fields).find((f) => f.key === spec.field);
    if (!field) return null;
    const values = [...input.districts.values()].map((d) => d[field.key]);
    const finite = values.filter((v): v is number => v !== undefined && v > 0);
    const classification = classify(finite, spec.method, spec.classes, scheme, spec.breaks);
    // Districts with nothing inside are "no data", not a class of their own.
    return {
      field,
      classification,
      legend: legend(
        classification,
        values.map((v) => (v ? v : undefined)),
      ),
    };
  }
  const field = input.fields.find((f) => f.key === spec.field);
  if (!field) return null;
  const valueOf = (f: ParkFeature) => figureValue(f.properties.figures, field.key, field.unit);
  const basis = spec.scope === 'visible' ? input.visible : input.all;
  const classification = classify(
    basis.map(valueOf).filter((v): v is number => v !== undefined),
    spec.method,
    spec.classes,
    scheme,
    spec.breaks,
  );
  return { field, classification, legend: legend(classification, input.visible.map(valueOf)) };
}
