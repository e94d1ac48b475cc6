/**
 * Checks of one feature on its own: every quote found verbatim in the document it cites, every
 * figure in its quote, the timeline in order, a source for the status, known industries.
 */
import type { ParkFeature, ParkProperties } from '../schema.ts';
import type { AddProblem } from './errors.ts';
import { checkGeometry } from './geometry.ts';
import { checkFigure } from './figures.ts';
import { quoteHasValue } from './numbers.ts';
import { statusRowFor } from '../status-rule.ts';

type Sources = Readonly<Record<string, string>>;

export function checkFeature(
  f: ParkFeature,
  sources: Sources,
  industryCodes: ReadonlySet<string>,
  add: AddProblem,
): void {
  const p = f.properties;
  if (f.id !== p.id) add('feature.id', `feature id "${f.id}" differs from properties.id "${p.id}"`);

  const checkQuote = (field: string, doc: string, quote: string): void => {
    const text = sources[doc];
    if (text === undefined) add(`${field}.doc`, `unknown document ${doc} (not in data/sources)`);
    else if (!text.includes(quote)) add(`${field}.quote`, `not found verbatim in ${doc}`);
  };

  if (p.sources.length === 0) add('sources', 'feature has no source');
  p.sources.forEach((s, i) => checkQuote(`sources[${i}]`, s.doc, s.quote));
  p.relations.forEach((r, i) => checkQuote(`relations[${i}]`, r.doc, r.quote));
  p.figures.forEach((fig, i) => {
    checkQuote(`figures[${i}]`, fig.doc, fig.quote);
    if (!quoteHasValue(fig.quote, fig.value)) {
      add(`figures[${i}].value`, `${fig.value} is not written in its quote "${fig.quote}"`);
    }
    checkFigure(fig, `figures[${i}]`, add);
  });
  p.timeline.forEach((t, i) => {
    checkQuote(`timeline[${i}]`, t.doc, t.quote);
    // A dated fact carries the status its wording gives, and none when it gives none.
    const row = statusRowFor(t.quote, p.kind);
    if ((row?.status ?? undefined) !== t.status) {
      add(
        `timeline[${i}].status`,
        row
          ? `the wording "${row.wording}" gives status "${row.status}", not "${t.status ?? 'none'}"`
          : `no wording of the status rule is in the quote: no status, not "${t.status}"`,
      );
    }
  });
  for (let i = 1; i < p.timeline.length; i++) {
    const prev = p.timeline[i - 1];
    const cur = p.timeline[i];
    if (prev && cur && cur.date < prev.date)
      add(`timeline[${i}].date`, 'timeline must be oldest first');
  }
  if (p.status_source) {
    checkQuote('status_source', p.status_source.doc, p.status_source.quote);
    checkStatusRule(p, add);
  } else if (p.status !== 'unknown')
    add('status_source', `status "${p.status}" needs a status_source`);

  checkLocationNote(p, sources, add);

  p.industries.forEach((code, i) => {
    if (!industryCodes.has(code)) add(`industries[${i}]`, `unknown industry code "${code}"`);
  });

  checkGeometry(f, add);
}

/** The status and its report kind are what the status rule reads from the quote. */
function checkStatusRule(p: ParkProperties, add: AddProblem): void {
  const src = p.status_source;
  if (!src) return;
  const row = statusRowFor(src.quote, p.kind);
  if (!row) {
    add('status', `no wording of the status rule is in the quote: status must be "unknown"`);
    return;
  }
  if (row.status !== p.status)
    add('status', `the wording "${row.wording}" gives "${row.status}", not "${p.status}"`);
  if (row.reported !== src.reported)
    add(
      'status_source.reported',
      `the wording "${row.wording}" is reported as "${row.reported}", not "${src.reported}"`,
    );
}

/** A location note is a quote too, from any of the documents the feature cites. */
function checkLocationNote(p: ParkProperties, sources: Sources, add: AddProblem): void {
  if (p.location_note === null) return;
  const cited = new Set([
    ...p.sources.map((s) => s.doc),
    ...p.figures.map((x) => x.doc),
    ...p.timeline.map((x) => x.doc),
    ...(p.status_source ? [p.status_source.doc] : []),
  ]);
  const note = p.location_note;
  if (![...cited].some((doc) => sources[doc]?.includes(note))) {
    add('location_note', 'not found verbatim in any document the feature cites');
  }
}
