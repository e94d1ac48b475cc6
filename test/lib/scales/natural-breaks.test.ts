import { describe, expect, it } from 'vitest';
import { thresholds } from '../../../src/lib/scales/classify.ts';
import { loadNaturalBreaks, naturalBreaksReady } from '../../../src/lib/scales/natural-breaks.ts';

// Natural breaks are not in the first visit's code: nothing may classify by them before they
// have loaded, and the other methods never wait for them.
describe('natural breaks, loaded on first need', () => {
  it('are not there until loaded; the other methods work without them', async () => {
    expect(naturalBreaksReady()).toBe(false);
    expect(() => thresholds([1, 2, 10, 11], 'jenks', 3)).toThrow(/not loaded/);
    expect(thresholds([1, 2, 10, 11], 'equal', 3)).toHaveLength(2);
    await loadNaturalBreaks();
    expect(naturalBreaksReady()).toBe(true);
    expect(thresholds([1, 1.1, 10, 10.5, 50, 51], 'jenks', 3)).toEqual([10, 50]);
  });
});
