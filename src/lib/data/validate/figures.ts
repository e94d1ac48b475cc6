/**
 * Checks of a figure beyond its quote: the qualifier the text writes around its number is kept
 * (17000余 → 余, 超过600 → 超过), a period that runs to a date says which, and a growth rate says
 * what grows (地区生产总值增长, not 增长). data/README.md, "Figures".
 */
import type { Figure, Qualifier } from '../schema.ts';
import type { AddProblem } from './errors.ts';

/** Qualifiers written right after the number (余, 多) or after its counter word (5个以上). */
const AFTER = /^(?:(余|多)|[^\d\s,,。、;:]{0,2}?(以上|左右))/;
/** Qualifiers written right before the number. */
const BEFORE = /(超过|突破|约|近)$/;

/**
 * The qualifier the quote writes around the first Arabic occurrence of `value`, or null when it
 * writes none (or the value is written in Chinese numerals only).
 */
export function qualifierIn(quote: string, value: number): Qualifier | null {
  for (const m of quote.matchAll(/\d+(?:\.\d+)?/g)) {
    if (Math.abs(Number(m[0]) - value) > 1e-9) continue;
    const at = m.index;
    const after = AFTER.exec(quote.slice(at + m[0].length));
    if (after) return (after[1] ?? after[2]) as Qualifier;
    const before = BEFORE.exec(quote.slice(0, at));
    return before ? (before[1] as Qualifier) : null;
  }
  return null;
}

export function checkFigure(fig: Figure, field: string, add: AddProblem): void {
  const written = qualifierIn(fig.quote, fig.value);
  if ((fig.qualifier ?? null) !== written) {
    add(
      `${field}.qualifier`,
      written
        ? `the quote writes "${written}" with ${fig.value}: set qualifier "${written}"`
        : `the quote writes no qualifier with ${fig.value}, not "${fig.qualifier}"`,
    );
  }
  const runsToDate = fig.period === 'to_date' || fig.period?.startsWith('since_') === true;
  if (runsToDate && fig.as_of === undefined)
    add(`${field}.as_of`, `period "${fig.period}" needs as_of, the date it runs up to`);
  if (!runsToDate && fig.as_of !== undefined)
    add(`${field}.as_of`, 'as_of is only for periods that run to a date (to_date, since_YYYY)');
  const months = /^(\d{4})-\d{2}\//.exec(fig.period ?? '');
  if (months && Number(months[1]) !== fig.year)
    add(`${field}.year`, `period ${fig.period} lies in ${months[1]}, not in year ${fig.year}`);
  if (fig.what.endsWith('_growth') && !/^.+增长$/.test(fig.label_zh.replace(/^同比/, '')))
    add(
      `${field}.label_zh`,
      `a growth rate says what grows ("地区生产总值增长"), not "${fig.label_zh}"`,
    );
}
