import type { DataIssue } from './errors.ts';
import type { Figure, Industry, ParkFeature } from './schema.ts';

/** The dataset as the app uses it: every feature in the schema's shape, indexed by id. */
export interface Dataset {
  features: ParkFeature[];
  byId: Map<string, ParkFeature>;
  industries: Industry[];
}

/** Joins features into a dataset; a repeated id keeps the first and reports the second. */
export function buildDataset(
  features: ParkFeature[],
  industries: Industry[],
): { dataset: Dataset; issues: DataIssue[] } {
  const byId = new Map<string, ParkFeature>();
  const issues: DataIssue[] = [];
  const kept: ParkFeature[] = [];
  for (const f of features) {
    if (byId.has(f.id)) {
      issues.push({
        source: f.properties.zone,
        path: f.id,
        message: 'duplicate id: the second feature is ignored',
      });
      continue;
    }
    byId.set(f.id, f);
    kept.push(f);
  }
  return { dataset: { features: kept, byId, industries }, issues };
}

/** Money units and their factor to 亿元 (100 million CNY), so 万元 and 亿元 figures compare. */
const CNY_TO_YI: Record<string, number> = { 亿元: 1, 万元: 1e-4, 元: 1e-8 };

/** A numeric field that the choropleth can colour by. */
export interface NumericField {
  /** The figure code (`what`), e.g. `fixed_asset_investment`. */
  key: string;
  label_zh: string;
  label_en: string;
  unit: string;
  /** Features that carry it. */
  count: number;
}

/**
 * Figures that are no choropleth field: `count` mixes unlike things (projects, firms, people), and a
 * building's storey heights and per-storey area describe one building, comparable with nothing.
 */
const EXCLUDED_FIELDS = new Set(['count', 'storey_height', 'floor_area_per_storey']);

/** What a field measures, for grouping the choropleth's list: like with like. */
export type FieldGroup = 'money' | 'growth' | 'share' | 'area' | 'other';

const AREA_UNITS = new Set(['平方米', '万平方米', '平方公里', '亩']);
const MONEY_UNITS = new Set(['亿元', '万元', '元', '亿美元', '万美元']);

/** The group of a field: growth rates (`…_growth`, %), other shares (%), money, areas, the rest. */
export function fieldGroup(field: { key: string; unit: string }): FieldGroup {
  if (field.unit === '%') return field.key.endsWith('_growth') ? 'growth' : 'share';
  if (MONEY_UNITS.has(field.unit)) return 'money';
  return AREA_UNITS.has(field.unit) ? 'area' : 'other';
}

/** The groups in the order the choropleth lists them. */
export const FIELD_GROUPS: readonly FieldGroup[] = ['money', 'growth', 'share', 'area', 'other'];

/**
 * The year a figure refers to, from the figure alone: its `year`, else the end of its months
 * (`2015-01/2015-11`), else the year of its `as_of` (`to_date`, `since_YYYY`); NaN when none
 * (a target with no year: only its document dates it, lib/data/time.ts `figureYear`).
 */
export function figureDate(f: Figure): number {
  if (f.year !== null) return f.year;
  const end = f.period?.includes('/') ? f.period.split('/')[1] : f.as_of;
  return end && /^\d{4}/.test(end) ? Number(end.slice(0, 4)) : NaN;
}

/**
 * The value of a figure for a feature, in the field's unit: the latest achieved value (targets
 * only when nothing was achieved), money converted to 亿元. Undefined where the texts give none.
 * `dateOf` orders figures of one measure, latest first (undated ones last).
 */
export function figureValue(
  figures: readonly Figure[],
  key: string,
  unit: string,
  dateOf: (f: Figure) => number = figureDate,
): number | undefined {
  const year = (f: Figure) => {
    const y = dateOf(f);
    return Number.isNaN(y) ? -Infinity : y;
  };
  const candidates = figures
    .filter((f) => f.what === key)
    .map((f) => ({ f, value: convert(f.value, f.unit, unit), year: year(f) }))
    .filter((c): c is { f: Figure; value: number; year: number } => c.value !== undefined)
    .sort((a, b) => Number(a.f.target) - Number(b.f.target) || b.year - a.year);
  return candidates[0]?.value;
}

function convert(value: number, from: string, to: string): number | undefined {
  if (from === to) return value;
  const a = CNY_TO_YI[from];
  const b = CNY_TO_YI[to];
  return a !== undefined && b !== undefined ? (value * a) / b : undefined;
}

/** Every numeric figure code in the dataset, with its unit (亿元 for money) and how many features carry it. */
export function numericFields(features: readonly ParkFeature[]): NumericField[] {
  const fields = new Map<string, NumericField>();
  for (const f of features) {
    const seen = new Set<string>();
    for (const fig of f.properties.figures) {
      if (EXCLUDED_FIELDS.has(fig.what) || seen.has(fig.what)) continue;
      seen.add(fig.what);
      const unit = CNY_TO_YI[fig.unit] !== undefined ? '亿元' : fig.unit;
      const field = fields.get(fig.what);
      if (field) field.count++;
      else
        fields.set(fig.what, {
          key: fig.what,
          label_zh: fig.label_zh,
          label_en: fig.label_en,
          unit,
          count: 1,
        });
    }
  }
  return [...fields.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
