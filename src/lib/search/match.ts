/**
 * Matching one normalized query against one indexed text: as a whole, a prefix, at a token
 * start or inside, and against pinyin typed as any prefixes of consecutive syllables.
 */

/** How a query matched a field, best first. */
export const TIER = { exact: 3, prefix: 2, token: 1, inner: 0 } as const;
export type Tier = (typeof TIER)[keyof typeof TIER];

/**
 * Best tier at which `q` occurs in `text`, or null. `isStart(i)` says whether a token starts at
 * offset i; `inner` allows hits inside a token.
 */
export function matchText(
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
export function matchSyllables(
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
