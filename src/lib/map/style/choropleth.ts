import type { ExpressionSpecification } from 'maplibre-gl';
import { colorExpression, type Classification } from '../../scales/classify.ts';
import { POINT_KINDS, type PointKind } from '../ids.ts';
import { aggregateProp, fieldProp, industryProp } from '../../names.ts';
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

/** Colours a district by its class of an aggregate. */
export function districtColor(c: Classification, field: string): ExpressionSpecification {
  return colorExpression(c, ['get', aggregateProp(field)]);
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
