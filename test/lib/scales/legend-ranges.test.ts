/**
 * The legend's ranges, for every method and any data: each value lies in exactly one entry's
 * range, and that entry is the class the map colours it by (issue 15, point 3).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  classifier,
  classify,
  legend,
  type LegendEntry,
} from '../../../src/lib/scales/classify.ts';
import type { ClassMethod } from '../../../src/lib/state/view.ts';
import { loadNaturalBreaks } from '../../../src/lib/scales/natural-breaks.ts';
import { loadScales } from '../../../src/lib/scales/scale-lib.ts';

// d3-scale and the palettes are a lazy chunk in the app (scale-lib.ts).
beforeAll(loadScales);

// Natural breaks are a chunk of their own, loaded on first need (as the app does).
beforeAll(loadNaturalBreaks);

const METHODS: ClassMethod[] = ['quantile', 'equal', 'jenks', 'manual'];

const holds = (e: LegendEntry, v: number) => v >= e.from && (e.open ? v < e.to : v <= e.to);

const data = fc.array(
  fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: -5, max: 5 })),
  { maxLength: 60 },
);
const breaks = fc.array(fc.double({ min: -2e6, max: 2e6, noNaN: true }), { maxLength: 10 });

describe('legend ranges', () => {
  it('every value falls in exactly the class whose range contains it, for every method', () => {
    fc.assert(
      fc.property(
        data,
        fc.constantFrom(...METHODS),
        fc.integer({ min: 1, max: 12 }),
        breaks,
        (values, method, k, manual) => {
          const c = classify(values, method, k, 'Blues', manual);
          const { entries, noData } = legend(c, values);
          expect(noData).toBe(0);
          const classOf = classifier(c);
          for (const v of values) {
            const containing = entries.flatMap((e, i) => (holds(e, v) ? [i] : []));
            expect(containing).toEqual([classOf(v)]);
          }
          expect(entries.reduce((n, e) => n + e.count, 0)).toBe(values.length);
          // Ascending, not overlapping, and no class outside the data (a phantom).
          entries.forEach((e, i) => {
            expect(e.from).toBeLessThanOrEqual(e.to);
            expect(e.from).toBeGreaterThanOrEqual(c.min);
            expect(e.to).toBeLessThanOrEqual(c.max);
            const next = entries[i + 1];
            if (next) expect(e.open ? e.to <= next.from : e.to < next.from).toBe(true);
          });
          // The first and last classes hold the extremes; quantiles and natural breaks no empty class.
          if (values.length > 0) {
            expect(entries[0]!.count).toBeGreaterThan(0);
            expect(entries.at(-1)!.count).toBeGreaterThan(0);
          }
          if (method === 'quantile' || method === 'jenks')
            for (const e of entries) expect(e.count).toBeGreaterThan(0);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('equal intervals over a range too small for the floats make no empty classes', () => {
    // Found by the property above: [0, -5e-324] put every step on the minimum.
    const values = [0, -5e-324];
    const { entries } = legend(classify(values, 'equal', 5, 'Blues'), values);
    expect(entries.map((e) => e.count)).toEqual([1, 1]);
  });
});
