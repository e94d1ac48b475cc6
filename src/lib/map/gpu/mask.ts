/**
 * Industry codes packed into a fixed-width bitmask: one bit per code, MASK_WORDS unsigned 32-bit
 * words, the `uvec4` attribute of the GPU point layer (./points-layer.ts). The filter rule is the
 * app's: an empty selection shows everything, otherwise a point is shown when it has at least one
 * selected industry. Also used by `npm run bench:designs` (design D), in Node and in the page.
 */

/** 4 × 32 bits: room for 128 industry codes (the taxonomy has 74). */
export const MASK_WORDS = 4;
export const MAX_CODES = MASK_WORDS * 32;

/** Index of each code in the taxonomy; throws past MAX_CODES, since the mask could not hold it. */
export function codeIndex(codes: readonly string[]): Map<string, number> {
  if (codes.length > MAX_CODES)
    throw new Error(`${codes.length} industry codes do not fit in ${MAX_CODES} bits`);
  return new Map(codes.map((c, i) => [c, i]));
}

/** Sets the bits of `codes` in `out` at word offset `at` (MASK_WORDS words); unknown codes throw. */
export function packMask(
  codes: readonly string[],
  index: ReadonlyMap<string, number>,
  out: Uint32Array = new Uint32Array(MASK_WORDS),
  at = 0,
): Uint32Array {
  for (let w = 0; w < MASK_WORDS; w++) out[at + w] = 0;
  for (const code of codes) {
    const bit = index.get(code);
    if (bit === undefined) throw new Error(`unknown industry code "${code}"`);
    const w = at + (bit >>> 5);
    out[w] = ((out[w] ?? 0) | (1 << (bit & 31))) >>> 0;
  }
  return out;
}

/** The codes whose bits are set in the mask at word offset `at`, in taxonomy order. */
export function unpackMask(
  masks: ArrayLike<number>,
  at: number,
  codes: readonly string[],
): string[] {
  const out: string[] = [];
  for (let bit = 0; bit < codes.length && bit < MAX_CODES; bit++) {
    const word = masks[at + (bit >>> 5)] ?? 0;
    if ((word >>> (bit & 31)) & 1) out.push(codes[bit] as string);
  }
  return out;
}

/** The filter rule on masks: an all-zero selection matches everything, else any shared bit. */
export function matchesMask(
  masks: ArrayLike<number>,
  at: number,
  selection: ArrayLike<number>,
): boolean {
  let empty = true;
  for (let w = 0; w < MASK_WORDS; w++) {
    const s = selection[w] ?? 0;
    if (s !== 0) {
      empty = false;
      if (((masks[at + w] ?? 0) & s) !== 0) return true;
    }
  }
  return empty;
}

/** How many of the `masks.length / MASK_WORDS` points the selection shows. */
export function countMatches(masks: ArrayLike<number>, selection: ArrayLike<number>): number {
  let n = 0;
  for (let at = 0; at < masks.length; at += MASK_WORDS) if (matchesMask(masks, at, selection)) n++;
  return n;
}
