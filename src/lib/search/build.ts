/**
 * Building the search index: every entry's names and pinyin normalized into flat columns, with
 * the offsets where their tokens start.
 */
import { normalize, tokenize } from './text.ts';

/** One searchable thing; `extra` holds aliases (matched like names, ranked a little lower). */
export interface SearchEntry {
  id: string;
  name_zh: string;
  name_en: string;
  extra?: readonly string[];
}

/**
 * Pinyin of a Chinese string, without tones. `full` separates syllables with spaces, which is how
 * the index learns where syllables start; `initials` is one letter per syllable.
 */
export type PinyinFn = (zh: string) => { full: string; initials: string };

/** A normalized string and the offsets where its tokens start (used for aliases only). */
export interface Field {
  text: string;
  starts: readonly number[];
}

/** The fields kept per entry, in the order of their token starts in `SearchIndex.starts`. */
export const ZH = 0;
export const EN = 1;
export const PINYIN = 2;
export const FIELDS = 3;

/**
 * The index as columns, not an object per entry: at 100,000 features an object with four
 * `Set`s of token starts per name held ~1 KB each (99 MB, scripts/bench/heap-breakdown.ts).
 * Texts are flat strings; token starts of all entries share one Uint16Array.
 */
export interface SearchIndex {
  readonly size: number;
  readonly ids: readonly string[];
  /** Normalized Chinese and English names, pinyin syllables run together, pinyin initials. */
  readonly zh: readonly string[];
  readonly en: readonly string[];
  readonly pinyin: readonly string[];
  readonly initials: readonly string[];
  /** Token starts of entry e's field f are starts[startsAt[e*FIELDS+f] .. startsAt[e*FIELDS+f+1]]. */
  readonly starts: Uint16Array;
  readonly startsAt: Uint32Array;
  /** Aliases, for the few entries that have them. */
  readonly extra: ReadonlyMap<number, readonly Field[]>;
}

/** Token starts are 16-bit: a name is indexed up to this many characters. */
const MAX_TEXT = 0xffff;

function fieldOf(tokens: readonly string[]): Field {
  const starts: number[] = [];
  let length = 0;
  for (const t of tokens) {
    if (length >= MAX_TEXT) break;
    starts.push(length);
    length += t.length;
  }
  return { text: tokens.join('').slice(0, MAX_TEXT), starts };
}

export function buildSearchIndex(entries: readonly SearchEntry[], pinyin: PinyinFn): SearchIndex {
  const n = entries.length;
  const ids: string[] = new Array(n);
  const zh: string[] = new Array(n);
  const en: string[] = new Array(n);
  const py: string[] = new Array(n);
  const initials: string[] = new Array(n);
  const starts: number[] = [];
  const startsAt = new Uint32Array(n * FIELDS + 1);
  const extra = new Map<number, Field[]>();
  entries.forEach((e, i) => {
    const p = safePinyin(pinyin, e.name_zh);
    const fields = [
      fieldOf(tokenize(e.name_zh)),
      fieldOf(tokenize(e.name_en)),
      fieldOf(tokenize(p.full)),
    ];
    fields.forEach((f, k) => {
      startsAt[i * FIELDS + k] = starts.length;
      for (const s of f.starts) starts.push(s);
    });
    ids[i] = e.id;
    zh[i] = fields[ZH]!.text;
    en[i] = fields[EN]!.text;
    py[i] = fields[PINYIN]!.text;
    // Initials are one token per character: any position is a syllable start.
    initials[i] = normalize(p.initials).slice(0, MAX_TEXT);
    if (e.extra?.length)
      extra.set(
        i,
        e.extra.map((x) => fieldOf(tokenize(x))),
      );
  });
  startsAt[n * FIELDS] = starts.length;
  return {
    size: n,
    ids,
    zh,
    en,
    pinyin: py,
    initials,
    starts: Uint16Array.from(starts),
    startsAt,
    extra,
  };
}

/** A converter that throws on one odd name should cost that name its pinyin, not the index. */
function safePinyin(pinyin: PinyinFn, zh: string): { full: string; initials: string } {
  try {
    return pinyin(zh);
  } catch {
    return { full: '', initials: '' };
  }
}
