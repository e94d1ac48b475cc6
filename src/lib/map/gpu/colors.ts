import { figureValue } from '../../data/dataset.ts';
import { classIndex, NO_DATA_COLOR } from '../../scales/classify.ts';
import { POINT_KINDS } from '../ids.ts';
import { INDUSTRY_PALETTE, type PointColoring } from '../style/paint.ts';
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
 * One RGBA colour per row, as the style's expressions would colour the same feature
 * (src/lib/map/style/paint.ts; test/lib/map/gpu/colors.test.ts compares the two): by kind, by
 * the first selected industry the feature has, or by its class of a field.
 */
export function rowColors(
  table: PointTable,
  coloring: PointColoring,
  theme: Theme,
  out: Uint8Array = new Uint8Array(table.length * 4),
): Uint8Array {
  const kindRgba = POINT_KINDS.map((k) => hexToRgba(theme.kind[k]));
  const byKind = (row: number): Rgba => kindRgba[table.kinds[row] ?? 0] as Rgba;
  let colorOf: (row: number) => Rgba;
  switch (coloring.by) {
    case 'kind':
      colorOf = byKind;
      break;
    case 'industry': {
      const selected = coloring.selected.map((code, i) => ({
        code,
        rgba: hexToRgba(INDUSTRY_PALETTE[i % INDUSTRY_PALETTE.length] as string),
      }));
      colorOf = (row) => {
        const industries = table.features[row]?.properties.industries ?? [];
        return selected.find((s) => industries.includes(s.code))?.rgba ?? byKind(row);
      };
      break;
    }
    case 'field': {
      const { field, classification } = coloring;
      const classes = classification.colors.map(hexToRgba);
      const noData = hexToRgba(NO_DATA_COLOR);
      colorOf = (row) => {
        const f = table.features[row];
        const value = f ? figureValue(f.properties.figures, field.key, field.unit) : undefined;
        if (value === undefined) return noData;
        return classes.length ? (classes[classIndex(classification, value)] ?? noData) : noData;
      };
      break;
    }
  }
  for (let row = 0; row < table.length; row++) out.set(colorOf(row), row * 4);
  return out;
}
