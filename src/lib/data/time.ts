/**
 * The dataset as of a year (issue 14, point 6): when a feature was first reported, what its
 * status was by the end of a year, which figures were known by then. Pure; the map, the list and
 * the details read it through app/time.ts.
 *
 * A fact's date: a timeline entry's own `date`; a status's `status_source.as_of` when the data
 * carries it (the document's date unless the text dates it), else its document's date; a
 * figure's `year`, else the end of its `period`, else its document's date. Dates compare by year
 * ("by the end of 2021" includes March 2021).
 *
 * `status_source.as_of`, `status_source.reported` and a timeline entry's `status` are optional
 * here: the data may not carry them yet, and every rule falls back to the document dates.
 */
import { figureDate, figureValue } from './dataset.ts';
import type { Figure, ParkProperties, Status } from './schema.ts';

export { FIRST_YEAR, LAST_YEAR } from '../state/view.ts';

/** A feature's status by the end of a year, or `unreported` when no document names it by then. */
export type StatusAsOf = Status | 'unreported';

/** Each document's date (`YYYY[-MM[-DD]]`) by file name (data/sources/documents.json). */
export type DocDates = ReadonlyMap<string, string>;

/** The properties these rules read, with the dated fields the data may carry. */
export interface DatedProperties {
  status: Status;
  status_source:
    (ParkProperties['status_source'] & { as_of?: string; reported?: 'done' | 'plan' }) | null;
  sources: ParkProperties['sources'];
  timeline: readonly (ParkProperties['timeline'][number] & { status?: Status })[];
  figures?: readonly Figure[];
}

/** `2021-03` → 2021; NaN for anything that is not a date. */
export function yearOf(date: string | undefined): number {
  return date && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : NaN;
}

/** The earliest year a timeline entry or a source's document names the feature; null if none. */
export function firstReportedYear(p: DatedProperties, docs: DocDates): number | null {
  const years = [
    ...p.timeline.map((e) => yearOf(e.date)),
    ...p.sources.map((s) => yearOf(docs.get(s.doc))),
  ].filter((y) => !Number.isNaN(y));
  return years.length > 0 ? Math.min(...years) : null;
}

/** The year the feature's own `status` holds from: its `as_of`, else its document's date. */
export function statusYear(p: DatedProperties, docs: DocDates): number {
  const s = p.status_source;
  return s ? yearOf(s.as_of ?? docs.get(s.doc)) : NaN;
}

/**
 * The status by the end of `year`: the latest timeline entry with a status dated then or before;
 * else the feature's status once its source's date is reached (a status reported as a plan or
 * target — `reported: 'plan'` — reads as `planned`: a target to operate is not operation); else
 * `unknown` when the feature is reported but no status is yet; `unreported` before its first
 * report.
 */
export function statusAsOf(p: DatedProperties, year: number, docs: DocDates): StatusAsOf {
  const first = firstReportedYear(p, docs);
  if (first === null || first > year) return 'unreported';
  let latest: { year: number; status: Status } | null = null;
  for (const e of p.timeline) {
    const y = yearOf(e.date);
    // Oldest first in the data; `>=` lets the later of two entries of one year win.
    if (e.status && y <= year && (latest === null || y >= latest.year))
      latest = { year: y, status: e.status };
  }
  const own = statusYear(p, docs);
  // The feature's own status is the newest fact unless a dated entry is newer.
  if (p.status_source && own <= year && (latest === null || own >= latest.year))
    return p.status_source.reported === 'plan' ? 'planned' : p.status;
  return latest?.status ?? 'unknown';
}

/**
 * The year a figure refers to: its year, the end of its months, the date a `to_date` or
 * `since_YYYY` figure runs up to (`as_of`), else its document's date (a target with no year).
 */
export function figureYear(f: Figure, docs: DocDates): number {
  const own = figureDate(f);
  return Number.isNaN(own) ? yearOf(docs.get(f.doc)) : own;
}

/** The figures known by the end of `year`. */
export function figuresAsOf(figures: readonly Figure[], year: number, docs: DocDates): Figure[] {
  return figures.filter((f) => figureYear(f, docs) <= year);
}

/**
 * A feature's value of a measure by the end of `year`, in `unit`: of the figures dated then or
 * before, the latest achieved one (a target only when none was achieved), as `figureValue` picks
 * among all; undefined when none is dated by then.
 */
export function figureValueAsOf(
  figures: readonly Figure[],
  key: string,
  unit: string,
  year: number,
  docs: DocDates,
): number | undefined {
  const dateOf = (f: Figure) => figureYear(f, docs);
  return figureValue(figuresAsOf(figures, year, docs), key, unit, dateOf);
}
