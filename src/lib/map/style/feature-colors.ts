import { figureValue } from '../../data/dataset.ts';
import type { ParkFeature } from '../../data/schema.ts';
import { classifier, NO_DATA_COLOR } from '../../scales/classify.ts';
import { INDUSTRY_PALETTE, type FeatureColoring } from './paint.ts';
import type { Theme } from './theme.ts';

/**
 * A feature's colour under a colouring rule, computed in JavaScript: what the style expressions
 * of src/lib/map/style/paint.ts compute for the same feature (test/lib/map/gpu/colors.test.ts
 * evaluates both). For the GPU point layer and for zone fills set through feature state, which
 * recolour without MapLibre re-tiling the source.
 */
export function featureColorRule(
  coloring: FeatureColoring,
  theme: Theme,
): (f: ParkFeature) => string {
  const base = (f: ParkFeature): string =>
    f.properties.kind === 'zone' ? theme.zoneFill : theme.kind[f.properties.kind];
  switch (coloring.by) {
    case 'kind':
      return base;
    case 'industry': {
      const selected = coloring.selected.map((code, i) => ({
        code,
        color: INDUSTRY_PALETTE[i % INDUSTRY_PALETTE.length] as string,
      }));
      return (f) =>
        selected.find((s) => f.properties.industries.includes(s.code))?.color ?? base(f);
    }
    case 'field': {
      const { field, classification: c } = coloring;
      // One scale for every feature: at 10k zones, one per feature was most of a recolour.
      const classOf = classifier(c);
      return (f) => {
        const value = figureValue(f.properties.figures, field.key, field.unit);
        if (value === undefined || c.colors.length === 0) return NO_DATA_COLOR;
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
  zones: readonly ParkFeature[],
  coloring: FeatureColoring,
  theme: Theme,
): Map<string, string> | null {
  if (coloring.by !== 'field') return null;
  const colorOf = featureColorRule(coloring, theme);
  return new Map(zones.map((z) => [z.id, colorOf(z)]));
}
