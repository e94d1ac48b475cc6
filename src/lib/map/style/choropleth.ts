import type { ExpressionSpecification } from 'maplibre-gl';
import {
  classifier,
  colorExpression,
  NO_DATA_COLOR,
  type Classification,
} from '../../scales/classify.ts';
import { POINT_KINDS, type PointKind } from '../ids.ts';
import { fieldProp, industryProp } from '../../names.ts';
import type { Theme } from './theme.ts';

/** Marker colour of each kind, when nothing else colours the points. */
export function kindColors(theme: Theme): Record<PointKind, string> {
  return Object.fromEntries(POINT_KINDS.map((k) => [k, theme.kind[k]])) as Record<
    PointKind,
    string
  >;
}

/** Colours a feature by its class of a numeric field; grey where it has no value. */
export function fieldColor(c: Classification, field: string): ExpressionSpecification {
  return colorExpression(c, ['get', fieldProp(field)]);
}

/**
 * Colours features by their class of values given per id (the figures as of a year, district
 * totals, which the map's data does not hold): one `match` on the id, the ids of one colour
 * grouped; grey for the rest, as colorExpression gives a feature without the value.
 */
export function fieldColorById(
  c: Classification,
  ids: readonly string[],
  values: ArrayLike<number>,
  /** The property the ids are in: a district's `code`. */
  key = 'id',
): ExpressionSpecification | string {
  const classOf = classifier(c);
  const byColor = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i++) {
    const v = values[i] as number;
    const color = Number.isNaN(v) ? undefined : c.colors[classOf(v)];
    if (color === undefined || color === NO_DATA_COLOR) continue;
    const group = byColor.get(color);
    if (group) group.push(ids[i] as string);
    else byColor.set(color, [ids[i] as string]);
  }
  if (byColor.size === 0) return NO_DATA_COLOR;
  const arms = [...byColor].flatMap(([color, group]) => [group, color]);
  return ['match', ['get', key], ...arms, NO_DATA_COLOR] as unknown as ExpressionSpecification;
}

/** How opaque a point without the choropleth's value is drawn from RECEDE_SHOW_ZOOM on. */
export const RECEDED_OPACITY = 0.3;
/**
 * Below this zoom a point without the value is not drawn at all: at the province view a zone's
 * few dozen markers pile up on it, and even faint ones summed hide its colour.
 */
export const RECEDE_HIDE_ZOOM = 8;
export const RECEDE_SHOW_ZOOM = 10;

/** True for a feature that has a number for `field`, as the colour expressions read it. */
export const hasValue = (field: string): ExpressionSpecification => [
  '==',
  ['typeof', ['get', fieldProp(field)]],
  'number',
];

/**
 * Marker opacity under a choropleth of `field` (null: none): points with a value stay opaque,
 * those without it recede — hidden at the province view, faint from RECEDE_SHOW_ZOOM — so they
 * do not cover the zones the choropleth colours.
 */
export function pointOpacity(field: string | null): ExpressionSpecification | number {
  if (!field) return 1;
  const has = hasValue(field);
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    RECEDE_HIDE_ZOOM,
    ['case', has, 1, 0],
    RECEDE_SHOW_ZOOM,
    ['case', has, 1, RECEDED_OPACITY],
  ];
}

/**
 * Colours a point by the first of the selected industries it has (selection order), so each
 * selected industry reads as its own layer; `fallback` for the rest.
 */
export function industryColor(
  selected: readonly string[],
  palette: Readonly<Record<string, string>>,
  fallback: string,
): ExpressionSpecification | string {
  if (selected.length === 0) return fallback;
  const cases = selected.flatMap((code) => [
    ['has', industryProp(code)],
    palette[code] ?? fallback,
  ]);
  return ['case', ...cases, fallback] as ExpressionSpecification;
}
