import type { NumericField } from '../data/dataset.ts';
import type { FeatureTable } from '../data/table.ts';
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

/**
 * Fields for colouring districts: the count of features inside, then the sum of each figure. A
 * sum of rates or shares means nothing, so fields in % are not offered here.
 */
export function districtFields(fields: readonly NumericField[]): ChoroplethField[] {
  return [
    {
      key: 'count',
      label_zh: '园区与平台数量',
      label_en: 'Number of parks and platforms',
      unit: '个',
    },
    ...fields.filter((f) => f.unit !== '%'),
  ];
}

export interface ChoroplethModel {
  field: ChoroplethField;
  classification: Classification;
  /** `approximate`: counts estimated from a sample (points from tiles, scales/sampled.ts). */
  legend: { entries: LegendEntry[]; noData: number; approximate?: boolean };
}

/** District totals: district code → field → value (`count` or a sum). */
export type DistrictValues = ReadonlyMap<string, Readonly<Record<string, number>>>;

export interface ChoroplethInput {
  table: FeatureTable;
  /** The table's visibility now (FeatureTable.visibility): `scope: 'visible'` and legend counts. */
  visible: Uint8Array;
  /** District totals, or null when the data cannot have them. */
  districts: DistrictValues | null;
}

export const isScheme = (s: string): s is SchemeName => s in SCHEMES;

function districtModel(
  spec: ChoroplethSpec,
  scheme: SchemeName,
  input: ChoroplethInput,
): ChoroplethModel | null {
  const field = districtFields(input.table.fields).find((f) => f.key === spec.field);
  if (!field || !input.districts) return null;
  const values = [...input.districts.values()].map((d) => d[field.key]);
  const finite = values.filter((v): v is number => v !== undefined && v > 0);
  const classification = classify(finite, spec.method, spec.classes, scheme, spec.breaks);
  // Districts with nothing inside are "no data", not a class of their own.
  const shown = values.map((v) => (v ? v : undefined));
  return { field, classification, legend: legend(classification, shown) };
}

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
  if (spec.by === 'districts') return districtModel(spec, scheme, input);
  const field = input.table.field(spec.field);
  if (!field) return null;
  const values = input.table.values(field.key);
  const { visible } = input;
  const basis: number[] = [];
  const shown: (number | undefined)[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const has = !Number.isNaN(v);
    if (has && (spec.scope === 'all' || visible[i])) basis.push(v);
    if (visible[i]) shown.push(has ? v : undefined);
  }
  const classification = classify(basis, spec.method, spec.classes, scheme, spec.breaks);
  return { field, classification, legend: legend(classification, shown) };
}
