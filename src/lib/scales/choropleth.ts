import type { NumericField } from '../data/dataset.ts';
import type { FeatureTable, FieldValues } from '../data/table.ts';
import {
  classify,
  legend,
  type Classification,
  type LegendEntry,
  type SchemeName,
} from './classify.ts';
import { SCHEME_NAMES, type ChoroplethSpec } from '../state/view.ts';

/** A field the choropleth can use, with the unit its values are in. */
export interface ChoroplethField {
  key: string;
  label_zh: string;
  label_en: string;
  unit: string;
}

/**
 * True for a figure whose values add up: money, areas, counts. Rates, shares, per-head or
 * per-storey figures and heights do not (two zones' growth rates summed mean nothing).
 */
export const isSummable = (f: Pick<ChoroplethField, 'key' | 'unit'>): boolean =>
  f.unit !== '%' && !/(^|_)(growth|share|per|height)(_|$)/.test(f.key);

/**
 * Fields for colouring districts: the count of features inside, then the sum of each figure
 * that adds up and that some point inside a district gives. Zones' own figures are not summed:
 * a zone may span districts (济宁高新区: 任城区 and 兖州区) and its totals already hold its parks'.
 * Without `totals`, every summable field (what a link may name).
 */
export function districtFields(
  fields: readonly NumericField[],
  totals?: DistrictValues | null,
): ChoroplethField[] {
  const given = (key: string) => !totals || [...totals.values()].some((d) => key in d);
  return [
    {
      key: 'count',
      label_zh: '园区与平台数量',
      label_en: 'Number of parks and platforms',
      unit: '个',
    },
    ...fields
      .filter((f) => isSummable(f) && given(f.key))
      .map(({ key, label_zh, label_en, unit }) => ({
        key,
        label_zh: `${label_zh}（合计）`,
        label_en: `${label_en} (sum)`,
        unit,
      })),
  ];
}

export interface ChoroplethModel {
  field: ChoroplethField;
  classification: Classification;
  /**
   * `approximate`: counts estimated from a sample (points from tiles, scales/sampled.ts).
   * `uncovered`: no data means districts the data does not cover (the count by district).
   */
  legend: { entries: LegendEntry[]; noData: number; approximate?: boolean; uncovered?: boolean };
  /**
   * The column classified, when it is not the table's own (the figures as of a year): the map
   * colours features from it by id, since the map's data holds the latest figures. Districts
   * always: their totals (the latest, or as of a year) are never in the map's data.
   */
  byRow?: { values: Float64Array; ids: readonly string[]; tag: string };
}

/** District totals: district code → field → value (`count` or a sum). */
export type DistrictValues = ReadonlyMap<string, Readonly<Record<string, number>>>;

export interface ChoroplethInput {
  table: FeatureTable;
  /** The table's visibility now (FeatureTable.visibility): `scope: 'visible'` and legend counts. */
  visible: Uint8Array;
  /** District totals, or null when the data cannot have them. */
  districts: DistrictValues | null;
  /** Values per feature when not the table's own latest figures (the figures as of a year). */
  values?: FieldValues | null;
}

export const isScheme = (s: string): s is SchemeName =>
  (SCHEME_NAMES as readonly string[]).includes(s);

function districtModel(
  spec: ChoroplethSpec,
  scheme: SchemeName,
  input: ChoroplethInput,
): ChoroplethModel | null {
  const { districts } = input;
  const field = districtFields(input.table.fields, districts).find((f) => f.key === spec.field);
  if (!field || !districts) return null;
  // A covered district without parks counts 0, a value; one the data does not cover has none.
  const values = [...districts.values()].map((d) => d[field.key]);
  const finite = values.filter((v): v is number => v !== undefined);
  const classification = classify(finite, spec.method, spec.classes, scheme, spec.breaks);
  const uncovered = field.key === 'count';
  const byRow = {
    values: Float64Array.from(values, (v) => v ?? NaN),
    ids: [...districts.keys()],
    tag: '',
  };
  return { field, classification, legend: { ...legend(classification, values), uncovered }, byRow };
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
  const values = input.values ? input.values.of(field.key) : input.table.values(field.key);
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
  const model = { field, classification, legend: legend(classification, shown) };
  return input.values
    ? { ...model, byRow: { values, ids: input.table.ids, tag: input.values.tag } }
    : model;
}
