/**
 * Points from tiles as of a year (#14 point 6): each point's status at the end of every year as
 * letters written at tile-build time, by the same rule as the loaded data (statusAsOf).
 */
import { describe, expect, it } from 'vitest';
import {
  YearCounter,
  yearCounts,
  yearIndex,
  yearLetters,
} from '../../../src/lib/data/tile-years.ts';
import type { DatedProperties } from '../../../src/lib/data/time.ts';

const docs = new Map([
  ['a.txt', '2017-05-17'],
  ['b.txt', '2021-03'],
]);

/** Planned as reported in 2017; operating in a 2021 timeline entry. */
const park: DatedProperties = {
  status: 'planned',
  status_source: { doc: 'a.txt', quote: '规划建设', as_of: '2017-05-17', reported: 'done' },
  sources: [{ doc: 'a.txt', quote: '园' }],
  timeline: [
    { date: '2021-03', doc: 'b.txt', quote: '投入运营', note_en: '', status: 'operating' },
  ],
};

describe('status letters per year', () => {
  it('are `-` before the first report, then the status by the end of each year', () => {
    expect(yearLetters(park, docs, 2015, 2021)).toBe('--ppppo');
  });

  it('a feature no dated document names is never reported', () => {
    const unknownDoc = { ...park, status_source: null, sources: [{ doc: 'x.txt', quote: '' }] };
    expect(yearLetters({ ...unknownDoc, timeline: [] }, docs, 2015, 2017)).toBe('---');
  });

  it('are counted per year and status for the metadata', () => {
    const counter = new YearCounter(2016, 2018);
    counter.add('-pp');
    counter.add('-po');
    const years = counter.years();
    expect(years.counts.map((c) => [c.unreported, c.planned, c.operating])).toEqual([
      [2, 0, 0],
      [0, 2, 0],
      [0, 1, 1],
    ]);
    expect(yearCounts(years, 2)).toEqual({
      counts: { planned: 1, under_construction: 0, operating: 1, unknown: 0 },
      unreported: 0,
    });
  });

  it('a year the archive has no letters for does not apply', () => {
    const years = new YearCounter(2016, 2018).years();
    expect(yearIndex(years, 2017)).toBe(1);
    expect(yearIndex(years, 2021)).toBeNull();
    expect(yearIndex(null, 2017)).toBeNull();
  });
});
