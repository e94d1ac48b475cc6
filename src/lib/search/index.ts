/**
 * Name search over features: Chinese, English, pinyin (full, initials, and mixes such as "shimx").
 * Pure and synchronous; the pinyin converter is injected so that tests and the app decide how the
 * (large) pinyin-pro library is loaded — see ./pinyin.ts and ./load.ts.
 *
 * Every name is turned into tokens (a syllable, an English word, a single Han character), so that
 * a match can be ranked by where it starts: the whole name, the name's start, the start of a token,
 * or (English only) inside a word.
 */

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

export type MatchedField = 'zh' | 'en' | 'pinyin' | 'initials';

export interface SearchResult {
  id: string;
  /** Higher is better: `tier * 10 + field weight` (see TIER and WEIGHT). */
  score: number;
  matched: MatchedField;
}

/** A normalized string and the offsets where its tokens start (used for aliases only). */
interface Field {
  text: string;
  starts: readonly number[];
}

/** The fields kept per entry, in the order of their token starts in `SearchIndex.starts`. */
const ZH = 0;
const EN = 1;
const PINYIN = 2;
const FIELDS = 3;

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

/** How a query matched a field, best first. */
const TIER = { exact: 3, prefix: 2, token: 1, inner: 0 } as const;
type Tier = (typeof TIER)[keyof typeof TIER];

/** Breaks ties between fields of equal tier: a Chinese-name hit is the most specific. */
const WEIGHT = { zh: 4, en: 3, initials: 2, pinyin: 2, extra: 1 } as const;

const SEPARATORS = /[^\p{L}\p{N}]+/u;
/** A Han character alone, or a run of anything else. */
const HAN_OR_RUN = /\p{Script=Han}|[^\p{Script=Han}]+/gu;
const MARKS = /\p{M}+/gu;

/** u + combining diaeresis, i.e. ü in NFD, whatever tone mark follows (ǖ ǘ ǚ ǜ). */
const U_UMLAUT = /u\u0308/g;

/**
 * Case-, width- and accent-folded text before separators are dropped. NFKC turns full-width forms
 * into ASCII. ü becomes v, as in pinyin input methods ("lv"), so "lü" and "lv" both find 铝; then
 * accents go so that tone marks ("shí") and "é" match plain letters.
 */
function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(U_UMLAUT, 'v')
    .replace(MARKS, '')
    .normalize('NFC');
}

/** Tokens of a string: words split at anything not a letter or digit, Han characters one by one. */
export function tokenize(s: string): string[] {
  if (typeof s !== 'string') return [];
  const out: string[] = [];
  for (const word of fold(s).split(SEPARATORS)) {
    if (word === '') continue;
    for (const part of word.match(HAN_OR_RUN) ?? []) out.push(part);
  }
  return out;
}

/**
 * NFKC, lower case, no accents, no whitespace or punctuation; letters (CJK included) and digits
 * stay. Both the index and queries go through it, so "  ShiMo Xi " and "shimoxi" are one query.
 */
export function normalize(s: string): string {
  return tokenize(s).join('');
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

/**
 * Best tier at which `q` occurs in `text`, or null. `isStart(i)` says whether a token starts at
 * offset i; `inner` allows hits inside a token.
 */
function matchText(
  text: string,
  q: string,
  isStart: (i: number) => boolean,
  inner: boolean,
): Tier | null {
  if (text === q) return TIER.exact;
  if (text.startsWith(q)) return TIER.prefix;
  let found = false;
  for (let i = text.indexOf(q, 1); i !== -1; i = text.indexOf(q, i + 1)) {
    if (isStart(i)) return TIER.token;
    found = true;
  }
  return found && inner ? TIER.inner : null;
}

/**
 * Pinyin where each syllable is typed in full or as any prefix of it, e.g. "shimoxi", "smx",
 * "shimx", "moxi". Runs over consecutive syllables; tier is exact when the query covers the whole
 * name (the last syllable in full or as its initial), prefix when it starts at the first syllable,
 * token otherwise. Dynamic programming over (syllable, query position): O(syllables × query ×
 * syllable length), and the query can be no longer than the pinyin.
 */
function matchSyllables(
  text: string,
  starts: Uint16Array,
  from: number,
  to: number,
  q: string,
): Tier | null {
  const m = q.length;
  const count = to - from;
  const FROM_START = 1;
  const ANYWHERE = 2;
  // reach[j]: the first j query characters are consumed by syllables before the current one.
  let reach = new Uint8Array(m + 1);
  let best: Tier | null = null;
  for (let i = 0; i < count; i++) {
    const s0 = starts[from + i] as number;
    const sLength = (i + 1 < count ? (starts[from + i + 1] as number) : text.length) - s0;
    reach[0] = (reach[0] ?? 0) | ANYWHERE | (i === 0 ? FROM_START : 0);
    const next = new Uint8Array(m + 1);
    for (let j = 0; j < m; j++) {
      const flags = reach[j] ?? 0;
      if (flags === 0) continue;
      for (let k = 1; k <= sLength && j + k <= m && text[s0 + k - 1] === q[j + k - 1]; k++) {
        if (j + k < m) {
          next[j + k] = (next[j + k] ?? 0) | flags;
          continue;
        }
        let tier: Tier = TIER.token;
        if (flags & FROM_START) {
          const whole = i === count - 1 && (k === sLength || k === 1);
          tier = whole ? TIER.exact : TIER.prefix;
        }
        if (best === null || tier > best) best = tier;
      }
    }
    reach = next;
  }
  return best;
}

interface Hit {
  entry: number;
  score: number;
  matched: MatchedField;
  /** Length of the name that matched, for "shorter names first". */
  length: number;
}

function bestHit(index: SearchIndex, e: number, q: string): Hit | null {
  let hit: Hit | null = null;
  const consider = (tier: Tier | null, weight: number, matched: MatchedField, length: number) => {
    if (tier === null) return;
    const score = tier * 10 + weight;
    if (hit === null || score > hit.score) hit = { entry: e, score, matched, length };
  };
  const { starts, startsAt } = index;
  const range = (f: number): [number, number] => [
    startsAt[e * FIELDS + f] as number,
    startsAt[e * FIELDS + f + 1] as number,
  ];
  const startsIn =
    (f: number) =>
    (i: number): boolean => {
      const [from, to] = range(f);
      for (let k = from; k < to; k++) if (starts[k] === i) return true;
      return false;
    };
  const zh = index.zh[e] as string;
  const en = index.en[e] as string;
  const py = index.pinyin[e] as string;
  consider(matchText(zh, q, startsIn(ZH), true), WEIGHT.zh, 'zh', zh.length);
  consider(matchText(en, q, startsIn(EN), true), WEIGHT.en, 'en', en.length);
  // Initials before full pinyin: with equal scores the first wins, so "smx" reports 'initials'.
  consider(
    matchText(index.initials[e] as string, q, () => true, false),
    WEIGHT.initials,
    'initials',
    zh.length,
  );
  if (q.length <= py.length) {
    const [from, to] = range(PINYIN);
    consider(matchSyllables(py, starts, from, to, q), WEIGHT.pinyin, 'pinyin', zh.length);
  }
  for (const x of index.extra.get(e) ?? []) {
    const cjk = /\p{Script=Han}/u.test(x.text);
    const isStart = (i: number) => x.starts.includes(i);
    consider(matchText(x.text, q, isStart, true), WEIGHT.extra, cjk ? 'zh' : 'en', x.text.length);
  }
  return hit;
}

/**
 * Ranked matches for `query`: exact before prefix before substring, then by field (Chinese,
 * English, pinyin), then shorter names, then id, so the order is stable. Blank queries give [].
 * Total: any string (emoji, lone surrogates, 10 kB, regex syntax) gives an array.
 */
export function search(index: SearchIndex, query: string, limit = 10): SearchResult[] {
  if (typeof query !== 'string' || !(limit >= 1)) return [];
  const q = normalize(query);
  if (q === '') return [];
  const hits: Hit[] = [];
  for (let e = 0; e < index.size; e++) {
    const h = bestHit(index, e, q);
    if (h) hits.push(h);
  }
  const id = (h: Hit) => index.ids[h.entry] as string;
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      a.length - b.length ||
      (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0) ||
      a.entry - b.entry,
  );
  return hits
    .slice(0, Math.floor(Math.min(limit, hits.length)))
    .map((h) => ({ id: id(h), score: h.score, matched: h.matched }));
}
