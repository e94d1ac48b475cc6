import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  codeIndex,
  countMatches,
  MASK_WORDS,
  matchesMask,
  MAX_CODES,
  packMask,
  unpackMask,
} from '../../../../src/lib/map/gpu/mask.ts';

const CODES = Array.from({ length: 74 }, (_, i) => `c${String(i).padStart(2, '0')}`);
const index = codeIndex(CODES);

describe('industry masks', () => {
  it('packs bits into the right words, including bit 31 and codes past 64', () => {
    const m = packMask(['c00', 'c31', 'c32', 'c73'], index);
    expect([...m]).toEqual([(1 | (1 << 31)) >>> 0, 1, 1 << 9, 0]);
  });

  it('writes at an offset without touching other points', () => {
    const out = new Uint32Array(MASK_WORDS * 2).fill(7);
    packMask(['c01'], index, out, MASK_WORDS);
    expect([...out]).toEqual([7, 7, 7, 7, 2, 0, 0, 0]);
  });

  it('round-trips any subset of codes', () => {
    fc.assert(
      fc.property(fc.subarray(CODES), (codes) => {
        expect(unpackMask(packMask(codes, index), 0, CODES)).toEqual(codes);
      }),
    );
  });

  it('matches like the style filter: empty selection shows all, else any shared code', () => {
    fc.assert(
      fc.property(fc.subarray(CODES), fc.subarray(CODES), (has, selected) => {
        const expected = selected.length === 0 || selected.some((c) => has.includes(c));
        expect(matchesMask(packMask(has, index), 0, packMask(selected, index))).toBe(expected);
      }),
    );
  });

  it('counts matching points', () => {
    const masks = new Uint32Array(MASK_WORDS * 3);
    packMask(['c00'], index, masks, 0);
    packMask(['c40', 'c02'], index, masks, MASK_WORDS);
    packMask([], index, masks, 2 * MASK_WORDS);
    expect(countMatches(masks, packMask(['c40'], index))).toBe(1);
    expect(countMatches(masks, packMask(['c00', 'c02'], index))).toBe(2);
    expect(countMatches(masks, packMask([], index))).toBe(3);
  });

  it('refuses codes it cannot hold', () => {
    expect(() => codeIndex(Array.from({ length: MAX_CODES + 1 }, (_, i) => `x${i}`))).toThrow();
    expect(() => packMask(['nope'], index)).toThrow(/unknown/);
  });
});
