import type { ExpressionSpecification } from 'maplibre-gl';
import { industryProp } from '../../names.ts';

/**
 * Style global-state keys. Only for what no feature property is read with: global state inside
 * a data-driven expression makes MapLibre reload the whole source when it changes.
 */
export const STATE = {
  lang: 'lang',
} as const;

/**
 * Feature-state keys of the highlighted features. Feature state updates one feature's paint
 * values on the main thread; global state compared with `['get', 'id']` reloaded every tile of
 * the source on each hover (a second at 100k points, docs/BENCHMARKS.md).
 */
export const HIGHLIGHT = {
  /** The selected feature (details open). */
  selected: 'selected',
  /** The feature hovered on the map or in the list. */
  hovered: 'hovered',
} as const;
export type HighlightKey = keyof typeof HIGHLIGHT;

/**
 * True when no industry is selected, or the feature belongs to at least one selected industry
 * (a `has` test per code: membership, not a substring match). Written for the selection and set
 * with `setFilter`: measured by `npm run bench:designs`, this is ~3× faster per toggle than one
 * filter over the whole taxonomy driven by global state (539 against 1737 ms at 100k points),
 * whose 74 branches every feature evaluates on each re-layout.
 */
export function industryFilter(selected: readonly string[]): ExpressionSpecification | true {
  if (selected.length === 0) return true;
  return ['any', ...selected.map((code): ExpressionSpecification => ['has', industryProp(code)])];
}

/**
 * Feature-state key of a zone's fill colour when zones encode a value. Set per zone by
 * MapController.setZoneColoring: a choropleth change is then a few thousand state writes on the
 * main thread, where a new data-driven `fill-color` made MapLibre re-tile the whole source
 * (897 ms at 10k polygons, docs/BENCHMARKS.md).
 */
export const ZONE_FILL_STATE = 'fill';

/** True for a feature whose feature state has the key set (see MapController.setHighlight). */
export const hasHighlight = (key: HighlightKey): ExpressionSpecification => [
  'boolean',
  ['feature-state', HIGHLIGHT[key]],
  false,
];

/**
 * `value`, written so that it reads the feature: MapLibre then draws the layer with the program
 * its data-driven layers of the same type already compiled (the value as a vertex attribute, not
 * a uniform). Each program variant is one shader compile on the first draw, ~55 ms on software
 * WebGL (scripts/bench/profile-load.ts): the land and water fills share the districts' and zones'
 * program, the labels the stack badges' count.
 */
export const perFeature = (value: string | number): ExpressionSpecification => [
  'case',
  ['has', 'kind'],
  value,
  value,
];
