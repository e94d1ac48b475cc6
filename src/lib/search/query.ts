/** Answering a query: each entry's best-matching field scored, then all hits ranked. */
import { EN, FIELDS, PINYIN, ZH, type SearchIndex } from './build.ts';
import { fuzzyMatch, fuzzyWorthy } from './fuzzy.ts';
import { matchSyllables, matchText, TIER, type Tier } from './match.ts';
import { normalize } from './text.ts';

export type MatchedField = 'zh' | 'en' | 'pinyin' | 'initials';

export interface SearchResult {
  id: string;
  /**
   * Higher is better: `tier * 10 + field weight` (see TIER and WEIGHT) for the query as typed;
   * less than that by WORDS when its words match apart, by TYPO when one has a typo.
   */
  score: number;
  matched: MatchedField;
}

/** Breaks ties between fields of equal tier: a Chinese-name hit is the most specific. */
const WEIGHT = { zh: 4, en: 3, initials: 2, pinyin: 2, extra: 1 } as const;
/** Below every match of the whole query: its words matched in another order or apart. */
const WORDS = 40;
/** Below every exact match: one typo. */
const TYPO = 80;
/** Past this many words or characters a query is pasted, not typed: no words apart, no typos. */
const MAX_WORDS = 6;
const MAX_TYPED = 40;

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

/** The entry's best field for a word with one typo (Chinese, English, pinyin, aliases), or null. */
function typoHit(index: SearchIndex, e: number, q: string): Hit | null {
  const { starts, startsAt } = index;
  const at = (f: number) => [
    startsAt[e * FIELDS + f] as number,
    startsAt[e * FIELDS + f + 1] as number,
  ];
  const zh = index.zh[e] as string;
  const fields: [string, number, MatchedField, number][] = [
    [zh, ZH, 'zh', WEIGHT.zh],
    [index.en[e] as string, EN, 'en', WEIGHT.en],
    [index.pinyin[e] as string, PINYIN, 'pinyin', WEIGHT.pinyin],
  ];
  for (const [text, f, matched, weight] of fields) {
    const [from, to] = at(f) as [number, number];
    if (fuzzyMatch(text, q, starts, from, to))
      return { entry: e, score: weight - TYPO, matched, length: zh.length };
  }
  for (const x of index.extra.get(e) ?? []) {
    if (fuzzyMatch(x.text, q, x.starts))
      return { entry: e, score: WEIGHT.extra - TYPO, matched: 'zh', length: x.text.length };
  }
  return null;
}

/**
 * Every word found in the entry, in any order (`typo`: each exactly or with one typo); scored
 * by its weakest word, below matches of the query as typed.
 */
function wordsHit(index: SearchIndex, e: number, words: readonly string[], typo: boolean) {
  let worst: Hit | null = null;
  for (const w of words) {
    // A word apart matches from a token's start ("a" is not the a inside "park").
    const exact = bestHit(index, e, w);
    const h =
      (exact && exact.score >= TIER.token * 10 ? exact : null) ??
      (typo ? typoHit(index, e, w) : null);
    if (!h) return null;
    if (worst === null || h.score < worst.score) worst = h;
  }
  return worst && { ...worst, score: typo ? worst.score : worst.score - WORDS };
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
  const words = query
    .split(/\s+/)
    .map(normalize)
    .filter((w) => w !== '');
  const pass = (hitOf: (e: number) => Hit | null): Hit[] => {
    const out: Hit[] = [];
    for (let e = 0; e < index.size; e++) {
      const h = hitOf(e);
      if (h) out.push(h);
    }
    return out;
  };
  // The query as typed; else its words apart, in any order; only when nothing matched, typos.
  const many = words.length > 1 && words.length <= MAX_WORDS;
  let hits = pass((e) => bestHit(index, e, q) ?? (many ? wordsHit(index, e, words, false) : null));
  // A typo needs a word long enough to carry one (fuzzy.ts); exact matches were tried above.
  const typed = q.length <= MAX_TYPED && words.length <= MAX_WORDS;
  if (hits.length === 0 && typed && (many ? words : [q]).some(fuzzyWorthy))
    hits = pass((e) => (many ? wordsHit(index, e, words, true) : typoHit(index, e, q)));
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
