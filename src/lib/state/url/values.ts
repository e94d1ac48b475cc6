/**
 * Reading single values out of a link, leniently: numbers, lists, tokens and the choropleth's
 * classes and breaks, with what was dropped collected for the notice.
 */
import { MAX_CLASSES, MIN_CLASSES } from '../view.ts';
import { MAX_BREAKS, MAX_DROPPED } from './format.ts';

/** Collects messages, keeping the first few so 10 kB of junk gives a short notice. */
export class Dropped {
  readonly items: string[] = [];
  private extra = 0;
  add(message: string): void {
    if (this.items.length < MAX_DROPPED) this.items.push(message);
    else this.extra++;
  }
  list(): string[] {
    return this.extra > 0 ? [...this.items, `…and ${this.extra} more`] : [...this.items];
  }
}

/** Quotes a value from the link for a message, shortened (junk can be kilobytes long). */
export function q(s: string): string {
  const chars = Array.from(s.length > 200 ? s.slice(0, 200) : s);
  return chars.length > 40 ? `'${chars.slice(0, 40).join('')}…'` : `'${s}'`;
}

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
      out.add(`cb: break ${q(item)} is not a number`);
      return null;
    }
    const prev = numbers[numbers.length - 1];
    if (prev !== undefined && n <= prev) {
      out.add(`cb: breaks must be ascending (${prev} then ${n})`);
      return null;
    }
    numbers.push(n);
  }
  if (numbers.length > MAX_BREAKS) {
    out.add(`cb: ${numbers.length} breaks, at most ${MAX_BREAKS}`);
    return null;
  }
  return numbers;
}

export function parseClasses(s: string, out: Dropped): number | null {
  if (!/^\d{1,6}$/.test(s)) {
    out.add(`cn: ${q(s)} is not a whole number of classes`);
    return null;
  }
  const n = Number(s);
  const clamped = Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, n));
  if (clamped !== n) out.add(`cn: ${n} classes clamped to ${clamped}`);
  return clamped;
}
