/**
 * What a file's columns are: which one names the features, which one identifies them, which hold
 * numbers (for the choropleth) and which hold a few categories (for the filter). Worked out from
 * the values, so any file works; the user can pick another name field.
 */
import { parseNumber } from './number.ts';
import type { FlatProperties, PropertyValue } from './properties.ts';

export type FieldKind = 'number' | 'category' | 'text';

export interface FieldInfo {
  key: string;
  kind: FieldKind;
  /** Features with a value in it. */
  filled: number;
  /** Numbers: the range of the values. */
  min?: number;
  max?: number;
  /** Categories: each value and how many features have it, most common first. */
  categories?: [string, number][];
}

/** Names a name field is called by, most telling first; compared without case. */
const NAME_KEYS = [
  'name',
  '名称',
  '园区名称',
  '名字',
  'name_zh',
  'name_cn',
  'title',
  '标题',
  'label',
  '企业名称',
  '项目名称',
  '平台名称',
  '单位名称',
  'name_en',
  'mc',
];
const ID_KEYS = ['id', 'fid', 'objectid', 'gid', 'uid', 'code', '编号', '代码', 'bh'];
const MAX_CATEGORIES = 24;

/** A number, or a numeric string ("12.5", "1,200"; see parseNumber); anything else → null. */
export function numericValue(value: PropertyValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return typeof value === 'string' ? parseNumber(value, false) : null;
}

const filled = (v: PropertyValue | undefined): boolean => v !== null && v !== undefined && v !== '';

export function describeFields(rows: readonly FlatProperties[]): FieldInfo[] {
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) keys.add(k);
  return [...keys].map((key) => describeField(key, rows));
}

function describeField(key: string, rows: readonly FlatProperties[]): FieldInfo {
  let count = 0;
  let numbers = 0;
  let [min, max] = [Infinity, -Infinity];
  const values = new Map<string, number>();
  for (const r of rows) {
    const v = r[key];
    if (!filled(v)) continue;
    count++;
    // Read as numbers only while every value so far was one (a text field stops at its first).
    const n = numbers === count - 1 ? numericValue(v ?? null) : null;
    if (n !== null) {
      numbers++;
      if (n < min) min = n;
      if (n > max) max = n;
    }
    if (values.size <= MAX_CATEGORIES) {
      const text = String(v);
      values.set(text, (values.get(text) ?? 0) + 1);
    }
  }
  if (count > 0 && numbers === count) return { key, kind: 'number', filled: count, min, max };
  const repeats = values.size <= MAX_CATEGORIES && values.size >= 1 && values.size < count;
  if (repeats) {
    const categories = [...values].sort((a, b) => b[1] - a[1]);
    return { key, kind: 'category', filled: count, categories };
  }
  return { key, kind: 'text', filled: count };
}

const lower = (s: string) => s.trim().toLowerCase();

/**
 * The field that names features: a known name key that is filled for most features, else the
 * text field with the most distinct values. Null when there is no text at all.
 */
export function guessNameField(fields: readonly FieldInfo[], rows: number): string | null {
  const usable = fields.filter((f) => f.filled >= rows / 2 && f.kind !== 'number');
  for (const known of NAME_KEYS) {
    const hit = usable.find((f) => lower(f.key) === known);
    if (hit) return hit.key;
  }
  const named = usable.find((f) => /name|名称/i.test(f.key));
  if (named) return named.key;
  const text = usable.filter((f) => f.kind === 'text').sort((a, b) => b.filled - a.filled);
  return text[0]?.key ?? usable[0]?.key ?? null;
}

/** The field that identifies features, by its name; the pipeline checks its values are unique. */
export function guessIdField(fields: readonly FieldInfo[]): string | null {
  for (const known of ID_KEYS) {
    const hit = fields.find((f) => lower(f.key) === known);
    if (hit) return hit.key;
  }
  return null;
}
