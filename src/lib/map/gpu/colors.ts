import { NO_DATA_COLOR, classifier } from '../../scales/classify.ts';
import { POINT_KINDS } from '../ids.ts';
import { INDUSTRY_PALETTE, type FeatureColoring } from '../style/paint.ts';
import { MASK_WORDS } from './mask.ts';
import type { Theme } from '../style/theme.ts';
import type { PointTable } from './point-table.ts';

export type Rgba = [number, number, number, number];

/** '#rgb' or '#rrggbb' as bytes; anything else is a programming error, so it throws. */
export function hexToRgba(hex: string): Rgba {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a hex colour: "${hex}"`);
  const h = m[1] as string;
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const n = parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

/**
 * One RGBA colour per row, as the style's expressions (and rowColorRule) would colour the same
 * feature, computed from the table's columns: industry bits from the masks, field values cached.
 */
export function rowColors(
  table: PointTable,
  coloring: FeatureColoring,
  theme: Theme,
  out: Uint8Array = new Uint8Array(table.length * 4),
): Uint8Array {
  const parsed = new Map<string, Rgba>();
  const rgba = (hex: string): Rgba => {
    let c = parsed.get(hex);
    if (!c) parsed.set(hex, (c = hexToRgba(hex)));
    return c;
  };
  const kinds = POINT_KINDS.map((k) => rgba(theme.kind[k]));
  const kindOf = (row: number): Rgba => kinds[table.kinds[row] ?? 0] as Rgba;
  if (coloring.by === 'kind') {
    for (let row = 0; row < table.length; row++) out.set(kindOf(row), row * 4);
    return out;
  }
  if (coloring.by === 'industry') {
    // Per row: the first selected industry whose bit is set in the row's mask, else its kind.
    const selected = coloring.selected.flatMap((code, i) => {
      const bit = table.codes.get(code);
      if (bit === undefined) return [];
      const color = rgba(INDUSTRY_PALETTE[i % INDUSTRY_PALETTE.length] as string);
      return [{ word: bit >>> 5, bit: (1 << (bit & 31)) >>> 0, color }];
    });
    for (let row = 0; row < table.length; row++) {
      const at = row * MASK_WORDS;
      const hit = selected.find((s) => ((table.masks[at + s.word] ?? 0) & s.bit) !== 0);
      out.set(hit ? hit.color : kindOf(row), row * 4);
    }
    return out;
  }
  const { field, classification: c } = coloring;
  const values = fieldValues(table, field, coloring.values);
  const noData = rgba(NO_DATA_COLOR);
  const classes = c.colors.map(rgba);
  const classOf = classifier(c);
  for (let row = 0; row < table.length; row++) {
    const v = values[row] as number;
    out.set((Number.isNaN(v) ? undefined : classes[classOf(v)]) ?? noData, row * 4);
  }
  return out;
}

/**
 * Each row's value of a field (NaN where it has none), from the feature table's column or from
 * `column`, one value per feature-table row (the figures as of a year).
 */
export function fieldValues(
  table: PointTable,
  field: { key: string },
  column?: Float64Array,
): Float64Array {
  const all = column ?? table.source.values(field.key);
  return Float64Array.from(table.sourceRows, (r) => all[r] as number);
}
