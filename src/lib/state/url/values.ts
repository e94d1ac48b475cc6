/**
 * Reading single values out of a link, leniently: numbers, lists, tokens and the choropleth's
 * classes and breaks, with what was dropped collected for the notice.
 */
import { MAX_CLASSES, MIN_CLASSES } from '../view.ts';
import {
  MAX_BREAKS,
  MAX_DROPPED,
  type DroppedPart,
  type KnownValues,
  type LinkProblem,
} from './format.ts';

/** An id as the data has it now: a merged feature's old id is the surviving one's. */
export const renamedId = (known: KnownValues, id: string | undefined) =>
  id && !known.ids?.has(id) ? (known.renamed?.ids?.get(id) ?? id) : id;

/** Collects what was dropped, keeping the first few so 10 kB of junk gives a short notice. */
export class Dropped {
  readonly items: DroppedPart[] = [];
  private extra = 0;
  /** `detail` is the developer's English sentence; the notice words it from the rest. */
  add(key: string, problem: LinkProblem, value: string | number, detail: string, to = ''): void {
    const part = { key, problem, value: cut(String(value)), to, detail };
    if (this.items.length < MAX_DROPPED) this.items.push(part);
    else this.extra++;
  }
  list(): DroppedPart[] {
    const more = this.extra;
    const tail = { key: '', problem: 'more' as const, value: String(more), to: '' };
    return more > 0 ? [...this.items, { ...tail, detail: `…and ${more} more` }] : [...this.items];
  }
}

/** A value from the link, shortened for a message (junk can be kilobytes long). */
export function cut(s: string): string {
  const chars = Array.from(s.length > 200 ? s.slice(0, 200) : s);
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : s;
}

/** Quotes a value from the link for a message, shortened. */
export const q = (s: string): string => `'${cut(s)}'`;

/** Decimal numbers only: `Number()` would also take '', ' ', '0x1f', 'Infinity'. */
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
export function parseNumber(s: string): number | null {
  if (!NUMBER.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n + 0 : null;
}

/** Without a known set, a value must at least look like an id or code. */
const TOKEN = /^[\p{L}\p{N}_.:-]{1,128}$/u;
export const accepts = (set: ReadonlySet<string> | undefined, s: string): boolean =>
  set ? set.has(s) : TOKEN.test(s);

export function oneOf<T extends string>(values: readonly T[], s: string): T | null {
  return (values as readonly string[]).includes(s) ? (s as T) : null;
}

/** A comma-separated list; empty items (`a,,b`, a trailing comma) are ignored. */
export const list = (s: string): string[] => s.split(',').filter((x) => x !== '');

export function parseBreaks(s: string, out: Dropped): number[] | null {
  const items = list(s);
  const numbers: number[] = [];
  for (const item of items) {
    const n = parseNumber(item);
    if (n === null) {
      out.add('cb', 'bad-value', s, `cb: break ${q(item)} is not a number`);
      return null;
    }
    const prev = numbers[numbers.length - 1];
    if (prev !== undefined && n <= prev) {
      out.add('cb', 'bad-value', s, `cb: breaks must be ascending (${prev} then ${n})`);
      return null;
    }
    numbers.push(n);
  }
  if (numbers.length > MAX_BREAKS) {
    out.add('cb', 'bad-value', s, `cb: ${numbers.length} breaks, at most ${MAX_BREAKS}`);
    return null;
  }
  return numbers;
}

export function parseClasses(s: string, out: Dropped): number | null {
  if (!/^\d{1,6}$/.test(s)) {
    out.add('cn', 'bad-value', s, `cn: ${q(s)} is not a whole number of classes`);
    return null;
  }
  const n = Number(s);
  const clamped = Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, n));
  if (clamped !== n)
    out.add('cn', 'changed', n, `cn: ${n} classes clamped to ${clamped}`, `${clamped}`);
  return clamped;
}
