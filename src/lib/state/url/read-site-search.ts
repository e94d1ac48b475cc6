/**
 * Reading `ss=` (the format is in site-search.ts). Apart from it because only the link reader (a
 * chunk of its own) needs it.
 */
import {
  MAX_FIGURE_CRITERIA,
  MAX_RADIUS,
  MIN_RADIUS,
  SITE_KINDS as KINDS,
  SITE_STATUSES as STATUSES,
  type NearbySpec,
  type SiteCriteria,
} from '../view.ts';
import { emptyCriteria } from './site-search.ts';
import type { KnownValues, LinkProblem } from './format.ts';
import { accepts, oneOf, parseNumber, q, renamedId, type Dropped } from './values.ts';

/** A figure's row key: a snake_case code, or `count:` and what is counted (compare.ts rowKey). */
const FIGURE_KEY = /^[a-z][a-z0-9_]{0,63}(?::[^,/]{1,40})?$/u;

/** Reads an `ss` value; never throws, what it cannot use goes to `out`. */
export function parseSiteSearch(s: string, known: KnownValues, out: Dropped): SiteCriteria {
  const c = emptyCriteria();
  const seen = new Set<string>();
  const drop = (problem: LinkProblem, value: string | number, m: string, to = '') =>
    out.add('ss', problem, value, `ss: ${m}`, to);
  for (const part of s.split('/').filter((p) => p !== '')) {
    const [tag = '', ...items] = part.split(',');
    if (tag !== 'f' && seen.has(tag)) {
      drop('repeated-value', tag, `${q(tag)} repeated, the first one is used`);
      continue;
    }
    seen.add(tag);
    if (tag === 'i') {
      for (const code of items.filter((x) => x !== '')) {
        if (c.industries.includes(code))
          drop('repeated-value', code, `industry ${q(code)} repeated`);
        else if (accepts(known.industries, code)) c.industries.push(code);
        else drop('unknown-industry', code, `unknown industry ${q(code)}`);
      }
    } else if (tag === 'k' || tag === 's') {
      const words: readonly string[] = tag === 'k' ? KINDS : STATUSES;
      const into: string[] = tag === 'k' ? c.kinds : c.statuses;
      for (const w of items.filter((x) => x !== '')) {
        if (oneOf(words, w) === null)
          drop('unknown-value', w, `unknown ${tag === 'k' ? 'kind' : 'status'} ${q(w)}`);
        else if (!into.includes(w)) into.push(w);
      }
    } else if (tag === 'f') {
      const [what = '', op = '', v = '', ...rest] = items;
      const value = parseNumber(v);
      if (!FIGURE_KEY.test(what) || (op !== 'gt' && op !== 'lt') || value === null || rest.length)
        drop('bad-value', part, `expected f,figure,gt|lt,number, got ${q(part)}`);
      else if (c.figures.length >= MAX_FIGURE_CRITERIA)
        drop(
          'too-many',
          part,
          `more than ${MAX_FIGURE_CRITERIA} figures, ${q(part)} left out`,
          `${MAX_FIGURE_CRITERIA}`,
        );
      else c.figures.push({ what, op, value });
    } else if (tag === 'n') {
      c.near = parseNear(items, known, part, drop);
    } else drop('bad-value', part, `unknown criterion ${q(part)}`);
  }
  return c;
}

function parseNear(
  items: string[],
  known: KnownValues,
  part: string,
  drop: (problem: LinkProblem, value: string | number, m: string, to?: string) => void,
): NearbySpec | null {
  const [r = '', a = '', b, ...rest] = items;
  const radius = parseNumber(r);
  const [lat, lng] = [parseNumber(a), parseNumber(b ?? '')];
  const point = b !== undefined && lat !== null && lng !== null && Math.abs(lat) <= 90;
  const id = renamedId(known, a) as string;
  const from = b === undefined && accepts(known.ids, id) ? id : null;
  if (radius === null || rest.length > 0 || (!point && from === null)) {
    drop('bad-value', part, `expected n,km,feature or n,km,lat,lng, got ${q(part)}`);
    return null;
  }
  const clamped = Math.min(MAX_RADIUS, Math.max(MIN_RADIUS, radius));
  if (clamped !== radius)
    drop('changed', radius, `radius ${radius} clamped to ${clamped}`, `${clamped}`);
  return { radius: clamped, from, at: point ? [lng ?? 0, lat ?? 0] : null };
}
