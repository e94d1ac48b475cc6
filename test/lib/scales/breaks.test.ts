import { describe, expect, it } from 'vitest';
import { parseBreaks } from '../../../src/lib/scales/breaks.ts';

describe('parseBreaks', () => {
  it('reads ascending numbers with any common separator', () => {
    expect(parseBreaks('10, 50, 100')).toEqual([10, 50, 100]);
    expect(parseBreaks('10，50、100')).toEqual([10, 50, 100]);
    expect(parseBreaks(' 0.5 1e3 ')).toEqual([0.5, 1000]);
  });

  it('gives [] for an empty box and null for anything else', () => {
    expect(parseBreaks('  ')).toEqual([]);
    expect(parseBreaks('10, abc')).toBeNull();
    expect(parseBreaks('50, 10')).toBeNull();
    expect(parseBreaks('10, 10')).toBeNull();
    expect(parseBreaks('Infinity')).toBeNull();
  });
});
