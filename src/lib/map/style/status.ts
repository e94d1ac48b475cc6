/**
 * Point colours by status as of a year (issue 14, point 6): one colour per status, the points in
 * each status named by id, so a new year is one paint change and no new data; points from tiles
 * by the status letter each carries per year.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Status } from '../../data/schema.ts';
import { STATUS_LETTER, YEARS_PROP } from '../../data/tile-years.ts';

/** Okabe–Ito colours; `unknown`: reported, with no status stated by then. */
export const STATUS_COLORS: Readonly<Record<Status, string>> = {
  planned: '#e69f00',
  under_construction: '#56b4e9',
  operating: '#009e73',
  unknown: '#8c8c8c',
};

/** The ids of the shown points in each status (those not listed are `unknown`). */
export type StatusGroups = Partial<Record<Status, readonly string[]>>;

/** `match` on the feature id: each status's ids get its colour, any other id `unknown`'s. */
export function statusColor(groups: StatusGroups): ExpressionSpecification | string {
  const arms = (['planned', 'under_construction', 'operating'] as const).flatMap((s) => {
    const ids = groups[s];
    return ids && ids.length > 0 ? [[...ids], STATUS_COLORS[s]] : [];
  });
  if (arms.length === 0) return STATUS_COLORS.unknown;
  return [
    'match',
    ['get', 'id'],
    ...arms,
    STATUS_COLORS.unknown,
  ] as unknown as ExpressionSpecification;
}

/** The status letter of the year at `index` in a tile point's letters (lib/data/tile-years.ts). */
const letterAt = (index: number): ExpressionSpecification => [
  'slice',
  ['to-string', ['get', YEARS_PROP]],
  index,
  index + 1,
];

/** Points from tiles reported by the year at `index`: the filter that hides the others. */
export const reportedByLetter = (index: number): ExpressionSpecification => [
  '!=',
  letterAt(index),
  STATUS_LETTER.unreported,
];

/** Points from tiles coloured by their status letter of the year at `index`. */
export function statusColorByLetter(index: number): ExpressionSpecification {
  return [
    'match',
    letterAt(index),
    STATUS_LETTER.planned,
    STATUS_COLORS.planned,
    STATUS_LETTER.under_construction,
    STATUS_COLORS.under_construction,
    STATUS_LETTER.operating,
    STATUS_COLORS.operating,
    STATUS_COLORS.unknown,
  ];
}
