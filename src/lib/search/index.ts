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

/** A normalized string and the offsets where its tokens start. */
interface Field {
  text: string;
  starts: ReadonlySet<number>;
}

interface IndexedEntry {
  id: string;
  order: number;
  zh: Field;
  en: Field;
  extra: Field[];
  /** Normalized pinyin syllables (non-Chinese words pass through as their own tokens). */
  syllables: string[];
  /** Sum of syllable lengths; a longer query cannot match them. */
  pinyinLength: number;
  pinyin: Field;
  initials: Field;
}

export interface SearchIndex {
  readonly entries: readonly IndexedEntry[];
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

function fieldOf(tokens: readonly string[]): Field {
  const starts = new Set<number>();
  let text = '';
  for (const t of tokens) {
    starts.add(text.length);
    text += t;
  }
  return { text, starts };
}

/** Initials are one token per character: any position is a syllable start. */
function charsField(s: string): Field {
  return fieldOf([...normalize(s)]);
}

export function buildSearchIndex(entries: readonly SearchEntry[], pinyin: PinyinFn): SearchIndex {
  return {
    entries: entries.map((e, order): IndexedEntry => {
      const py = safePinyin(pinyin, e.name_zh);
      const syllables = tokenize(py.full);
      return {
        id: e.id,
        order,
        zh: fieldOf(tokenize(e.name_zh)),
        en: fieldOf(tokenize(e.name_en)),
        extra: (e.extra ?? []).map((x) => fieldOf(tokenize(x))),
        syllables,
        pinyinLength: syllables.reduce((n, s) => n + s.length, 0),
        pinyin: fieldOf(syllables),
        initials: charsField(py.initials),
      };
    }),
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

/** Best tier at which `q` occurs in `f`, or null. `inner` allows hits inside a token. */
function matchField(f: Field, q: string, inner: boolean): Tier | null {
  if (f.text === q) return TIER.exact;
  if (f.text.startsWith(q)) return TIER.prefix;
  let found = false;
  for (let i = f.text.indexOf(q, 1); i !== -1; i = f.text.indexOf(q, i + 1)) {
    if (f.starts.has(i)) return TIER.token;
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
function matchSyllables(syl: readonly string[], q: string): Tier | null {
  const m = q.length;
  const FROM_START = 1;
  const ANYWHERE = 2;
  // reach[j]: the first j query characters are consumed by syllables before the current one.
  let reach = new Uint8Array(m + 1);
  let best: Tier | null = null;
  for (let i = 0; i < syl.length; i++) {
    const s = syl[i] ?? '';
    reach[0] = (reach[0] ?? 0) | ANYWHERE | (i === 0 ? FROM_START : 0);
    const next = new Uint8Array(m + 1);
    for (let j = 0; j < m; j++) {
      const flags = reach[j] ?? 0;
      if (flags === 0) continue;
      for (let k = 1; k <= s.length && j + k <= m && s[k - 1] === q[j + k - 1]; k++) {
        if (j + k < m) {
          next[j + k] = (next[j + k] ?? 0) | flags;
          continue;
        }
        let tier: Tier = TIER.token;
        if (flags & FROM_START) {
          const whole = i === syl.length - 1 && (k === s.length || k === 1);
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
  entry: IndexedEntry;
  score: number;
  matched: MatchedField;
  /** Length of the name that matched, for "shorter names first". */
  length: number;
}

function bestHit(e: IndexedEntry, q: string): Hit | null {
  let hit: Hit | null = null;
  const consider = (tier: Tier | null, weight: number, matched: MatchedField, length: number) => {
    if (tier === null) return;
    const score = tier * 10 + weight;
    if (hit === null || score > hit.score) hit = { entry: e, score, matched, length };
  };
  const zhLength = e.zh.text.length;
  consider(matchField(e.zh, q, true), WEIGHT.zh, 'zh', zhLength);
  consider(matchField(e.en, q, true), WEIGHT.en, 'en', e.en.text.length);
  // Initials before full pinyin: with equal scores the first wins, so "smx" reports 'initials'.
  consider(matchField(e.initials, q, false), WEIGHT.initials, 'initials', zhLength);
  if (q.length <= e.pinyinLength) {
    consider(matchSyllables(e.syllables, q), WEIGHT.pinyin, 'pinyin', zhLength);
  }
  for (const x of e.extra) {
    const cjk = /\p{Script=Han}/u.test(x.text);
    consider(matchField(x, q, true), WEIGHT.extra, cjk ? 'zh' : 'en', x.text.length);
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
  for (const e of index.entries) {
    const h = bestHit(e, q);
    if (h) hits.push(h);
  }
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      a.length - b.length ||
      (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0) ||
      a.entry.order - b.entry.order,
  );
  return hits
    .slice(0, Math.floor(Math.min(limit, hits.length)))
    .map((h) => ({ id: h.entry.id, score: h.score, matched: h.matched }));
}
