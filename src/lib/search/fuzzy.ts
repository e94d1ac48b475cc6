/**
 * One typo: whether a query is within one edit (a letter or character substituted, added,
 * left out, or two neighbours swapped) of the text at some token start. The first character
 * must match, so that a typo does not turn a query into a match from inside a syllable ("imoxi"
 * is not "moxi"), and short queries never match fuzzily: "park" is one edit from too much.
 */

/** Shortest query matched with a typo: Han characters carry more than letters. */
export const FUZZY_MIN = { han: 3, latin: 5 } as const;

const HAN = /\p{Script=Han}/u;

/** Whether `q` is long enough to be matched with one typo. */
export function fuzzyWorthy(q: string): boolean {
  return q.length >= (HAN.test(q) ? FUZZY_MIN.han : FUZZY_MIN.latin);
}

/** Three rows of the distance table, reused across starts and calls. */
let rows: Int32Array[] = [];

/**
 * Optimal-string-alignment distance between `q` and the best prefix of `text` from `start`,
 * or 2 as soon as it is known to exceed 1. O(q²) per start, no allocation.
 */
function prefixDistance(text: string, start: number, q: string): number {
  const m = q.length;
  const n = Math.min(text.length - start, m + 1);
  if ((rows[0]?.length ?? 0) < n + 1) rows = [0, 1, 2].map(() => new Int32Array(2 * n + 2));
  // prev2, prev, row: distances between q[0..i-2), q[0..i-1), q[0..i) and text[start..start+j).
  let [prev2, prev, row] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    row[0] = i;
    let rowMin = i;
    const c = q[i - 1];
    for (let j = 1; j <= n; j++) {
      const t = text[start + j - 1];
      let d = (prev[j - 1] as number) + (c === t ? 0 : 1);
      d = Math.min(d, (prev[j] as number) + 1, (row[j - 1] as number) + 1);
      if (i > 1 && j > 1 && c === text[start + j - 2] && q[i - 2] === t)
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > 1) return 2;
    [prev2, prev, row] = [prev, row, prev2];
  }
  let best = 2;
  for (let j = 0; j <= n; j++) best = Math.min(best, prev[j] as number);
  return best;
}

/**
 * True when `q` is within one edit of `text` read from a token start (`starts`, or every
 * offset when `starts` is null), its first character matching.
 */
export function fuzzyMatch(
  text: string,
  q: string,
  starts: ArrayLike<number> | null,
  from = 0,
  to = starts ? starts.length : text.length,
): boolean {
  if (!fuzzyWorthy(q)) return false;
  for (let k = from; k < to; k++) {
    const s = starts ? (starts[k] as number) : k;
    if (text[s] === q[0] && prefixDistance(text, s, q) <= 1) return true;
  }
  return false;
}
