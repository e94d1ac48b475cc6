/**
 * Features side by side: the same measure in one row for each, so a zone's 固定资产投资 sits beside
 * another's with its own unit and year. Values are never converted (data/README.md, "Figures").
 */
import type { Figure, ParkFeature } from '../data/schema.ts';

export interface CompareRow {
  /** `what`, or `count:<label_zh>` for generic counts (what they count is in the label). */
  key: string;
  /** The first compared feature's figure with this key names the row. */
  label: { zh: string; en: string };
  /** One cell per feature: its figures with this key (several years or kinds), maybe none. */
  cells: Figure[][];
}

/** Codes that say only "a number of": the label tells what is counted. */
const GENERIC = new Set(['count']);

export const rowKey = (f: Figure): string =>
  GENERIC.has(f.what) ? `${f.what}:${f.label_zh}` : f.what;

/** Rows of figures in the order they first appear, feature by feature (null: a place, none). */
export function figureRows(features: readonly (ParkFeature | null)[]): CompareRow[] {
  const rows = new Map<string, CompareRow>();
  features.forEach((feature, i) => {
    for (const figure of feature?.properties.figures ?? []) {
      const key = rowKey(figure);
      let row = rows.get(key);
      if (!row) {
        row = {
          key,
          label: { zh: figure.label_zh, en: figure.label_en },
          cells: features.map(() => []),
        };
        rows.set(key, row);
      }
      row.cells[i]?.push(figure);
    }
  });
  // Rows that several features report first: those are what a comparison is for.
  const shared = (r: CompareRow) => r.cells.filter((c) => c.length > 0).length;
  return [...rows.values()].sort((a, b) => shared(b) - shared(a));
}

/** Whether a fact applies to a feature: an outline only to zones, a parent only to points. */
export function applies(fact: 'outline' | 'parent', f: ParkFeature): boolean {
  return fact === 'outline' ? f.properties.kind === 'zone' : f.properties.kind !== 'zone';
}

export interface PropertyRow {
  key: string;
  /** The value as text in each column; null where that column has no such property. */
  cells: (string | null)[];
}

/** Enough rows to compare on, without a wide file's hundred columns filling the panel. */
export const MAX_PROPERTY_ROWS = 40;
/** Long values are cut on screen, as in the imported feature's details. */
const MAX_VALUE = 300;

const asText = (v: unknown): string | null => {
  if (v === null || v === undefined || v === '') return null;
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE)}…` : s;
};

/**
 * Imported places' properties side by side: one row per property name, in the order they first
 * appear; columns without properties (dataset features, places opened by a link) are empty.
 */
export function propertyRows(columns: readonly (Record<string, unknown> | null)[]): PropertyRow[] {
  const keys: string[] = [];
  for (const props of columns)
    for (const key of Object.keys(props ?? {})) if (!keys.includes(key)) keys.push(key);
  return keys.slice(0, MAX_PROPERTY_ROWS).map((key) => ({
    key,
    cells: columns.map((props) => (props ? asText(props[key]) : null)),
  }));
}
