import type { FeatureTable } from '../../data/table.ts';
import { classifier, NO_DATA_COLOR } from '../../scales/classify.ts';
import { INDUSTRY_PALETTE, type FeatureColoring } from './paint.ts';
import type { Theme } from './theme.ts';

/**
 * A feature's colour under a colouring rule, computed in JavaScript from the feature table's
 * columns: what the style expressions of src/lib/map/style/paint.ts compute for the same feature
 * (test/lib/map/gpu/colors.test.ts evaluates both). For zone fills set through feature state,
 * which recolour without MapLibre re-tiling the source.
 */
export function rowColorRule(
  table: FeatureTable,
  coloring: FeatureColoring,
  theme: Theme,
): (row: number) => string {
  const base = (row: number): string => {
    const kind = table.kindOf(row);
    // A non-place is never drawn; it gets the zone colour only so that every row has one.
    return kind === 'zone' || kind === 'nonplace' ? theme.zoneFill : theme.kind[kind];
  };
  switch (coloring.by) {
    case 'kind':
      return base;
    case 'industry': {
      const selected = coloring.selected.map((code, i) => ({
        code,
        color: INDUSTRY_PALETTE[i % INDUSTRY_PALETTE.length] as string,
      }));
      return (row) => selected.find((s) => table.hasIndustry(row, s.code))?.color ?? base(row);
    }
    case 'field': {
      const { field, classification: c } = coloring;
      // One scale for every feature: at 10k zones, one per feature was most of a recolour.
      const classOf = classifier(c);
      const values = coloring.values ?? table.values(field.key);
      return (row) => {
        const value = values[row] as number;
        if (Number.isNaN(value) || c.colors.length === 0) return NO_DATA_COLOR;
        return c.colors[classOf(value)] ?? NO_DATA_COLOR;
      };
    }
  }
}

/**
 * Zone fills for a colouring: a colour per zone id when zones encode a value (a choropleth of
 * features), else null (zones keep the theme's fill; industries colour points only).
 */
export function zoneColors(
  table: FeatureTable,
  coloring: FeatureColoring,
  theme: Theme,
): Map<string, string> | null {
  if (coloring.by !== 'field') return null;
  const colorOf = rowColorRule(table, coloring, theme);
  const out = new Map<string, string>();
  for (let row = 0; row < table.length; row++)
    if (table.isZone(row)) out.set(table.ids[row] as string, colorOf(row));
  return out;
}
