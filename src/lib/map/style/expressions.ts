import type { ExpressionSpecification } from 'maplibre-gl';
import { industryProp } from '../feature-props.ts';

/** Style global-state keys: changing one redraws without touching sources or layers. */
export const STATE = {
  lang: 'lang',
  /** Selected industry codes; empty = no filter. */
  industries: 'industries',
  /** Id of the selected feature, or ''. */
  selected: 'selected',
  /** Id of the hovered feature (list or map), or ''. */
  hovered: 'hovered',
} as const;

/**
 * True when no industry is selected, or the feature belongs to at least one selected industry.
 * Written against the taxonomy once, then driven by global state: a toggle is one
 * `setGlobalStateProperty`, with no new filter to parse and no data to re-tile.
 */
export function industryFilter(codes: readonly string[]): ExpressionSpecification {
  const selected: ExpressionSpecification = ['global-state', STATE.industries];
  return [
    'any',
    ['==', ['length', selected], 0],
    ...codes.map((code): ExpressionSpecification => [
      'all',
      ['in', code, selected],
      ['has', industryProp(code)],
    ]),
  ];
}

/** True for the feature whose id is held in the given global-state key. */
export const isStateFeature = (key: string): ExpressionSpecification => [
  '==',
  ['get', 'id'],
  ['global-state', key],
];
