/** Answering a query: each entry's best-matching field scored, then all hits ranked. */
import { EN, FIELDS, PINYIN, ZH, type SearchIndex } from './build.ts';
import { matchSyllables, matchText, type Tier } from './match.ts';
import { normalize } from './text.ts';

export type MatchedField = 'zh' | 'en' | 'pinyin' | 'initials';

export interface SearchResult {
  id: string;
  /** Higher is better: `tier * 10 + field weight` (see TIER and WEIGHT). */
  score: number;
  matched: MatchedField;
}

/** Breaks ties between fields of equal tier: a Chinese-name hit is the most specific. */
const WEIGHT = { zh: 4, en: 3, initials: 2, pinyin: 2, extra: 1 } as const;

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
