import { describe, expect, it } from 'vitest';
import {
  figureValueAsOf,
  figureYear,
  figuresAsOf,
  firstReportedYear,
  statusAsOf,
  type DatedProperties,
} from '../../../src/lib/data/time.ts';
import type { Figure } from '../../../src/lib/data/schema.ts';

const docs = new Map([
  ['000.txt', '2018-10-08'],
  ['001.txt', '2021-03'],
  ['002.txt', '2016-01-11'],
]);

/** 医疗器械机电产业园 as the data has it now: planned 2017 (timeline), operating per 001. */
const medicalPark = (): DatedProperties => ({
  status: 'operating',
  status_source: { doc: '001.txt', quote: '位于…2号楼', as_of: '2021-03', reported: 'done' },
  sources: [
    { doc: '000.txt', quote: '新规划建设' },
    { doc: '001.txt', quote: '位于…2号楼' },
  ],
  timeline: [
    { date: '2017', doc: '000.txt', quote: '新规划建设', note_en: 'Planned.' },
    { date: '2021-03', doc: '001.txt', quote: '位于…2号楼', note_en: 'Hosts.' },
  ],
});

const statuses = (p: DatedProperties) =>
  [2015, 2016, 2017, 2018, 2019, 2020, 2021].map((y) => statusAsOf(p, y, docs));

describe('firstReportedYear', () => {
  it('is the earliest of the timeline dates and the sources’ document dates', () => {
    expect(firstReportedYear(medicalPark(), docs)).toBe(2017);
    const p = { ...medicalPark(), timeline: [] };
    expect(firstReportedYear(p, docs)).toBe(2018);
  });

  it('is null when nothing dates the feature', () => {
    const p = { ...medicalPark(), sources: [{ doc: 'x.txt', quote: 'q' }], timeline: [] };
    expect(firstReportedYear(p, docs)).toBeNull();
  });
});

describe('statusAsOf, on the data as it is (no dated statuses yet)', () => {
  it('hides a feature before its first report and takes its status from its source’s date', () => {
    expect(statuses(medicalPark())).toEqual([
      'unreported',
      'unreported',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
      'operating',
    ]);
  });

  it('gives unknown for a feature reported without a status', () => {
    const p: DatedProperties = { ...medicalPark(), status: 'unknown', status_source: null };
    expect(statusAsOf(p, 2021, docs)).toBe('unknown');
    expect(statusAsOf(p, 2016, docs)).toBe('unreported');
  });
});

describe('statusAsOf, with the dated fields (#14 point 1)', () => {
  it('follows a timeline entry’s status until a newer fact', () => {
    const p = medicalPark();
    p.timeline = [{ ...p.timeline[0]!, status: 'planned' }, p.timeline[1]!];
    p.status_source = { ...p.status_source!, as_of: '2021-03', reported: 'done' };
    expect(statuses(p)).toEqual([
      'unreported',
      'unreported',
      'planned',
      'planned',
      'planned',
      'planned',
      'operating',
    ]);
  });

  it('uses as_of over the document date', () => {
    const p = medicalPark();
    p.status_source = { ...p.status_source!, as_of: '2019' };
    expect(statusAsOf(p, 2019, docs)).toBe('operating');
    expect(statusAsOf(p, 2018, docs)).toBe('unknown');
  });

  it('reads a status reported as a target as planned', () => {
    const p = medicalPark();
    p.status_source = { ...p.status_source!, as_of: '2021', reported: 'plan' };
    expect(statusAsOf(p, 2021, docs)).toBe('planned');
  });

  it('lets a newer timeline status win over an older own status', () => {
    const p = medicalPark();
    p.status = 'planned';
    p.status_source = { doc: '000.txt', quote: 'q', as_of: '2017', reported: 'plan' };
    p.timeline = [
      p.timeline[0]!,
      { ...p.timeline[1]!, date: '2020', status: 'under_construction' },
    ];
    expect(statusAsOf(p, 2019, docs)).toBe('planned');
    expect(statusAsOf(p, 2020, docs)).toBe('under_construction');
  });
});

describe('figuresAsOf', () => {
  const fig = (over: Partial<Figure>): Figure => ({
    what: 'gdp',
    label_zh: '地区生产总值',
    label_en: 'GDP',
    value: 1,
    unit: '亿元',
    year: null,
    period: null,
    target: false,
    doc: '000.txt',
    quote: '1',
    ...over,
  });

  it('keeps figures whose year, period end or document date is reached', () => {
    const figures = [
      fig({ year: 2017, value: 63.2 }),
      fig({ period: '2015-01/2015-11', doc: '002.txt', value: 5 }),
      fig({ doc: '001.txt', value: 7 }),
    ];
    expect(figuresAsOf(figures, 2015, docs).map((f) => f.value)).toEqual([5]);
    expect(figuresAsOf(figures, 2017, docs).map((f) => f.value)).toEqual([63.2, 5]);
    expect(figuresAsOf(figures, 2021, docs).map((f) => f.value)).toEqual([63.2, 5, 7]);
  });
});

describe('figureYear', () => {
  const base: Figure = {
    what: 'gdp',
    label_zh: '地区生产总值',
    label_en: 'GDP',
    value: 1,
    unit: '亿元',
    year: null,
    period: null,
    target: false,
    doc: '000.txt',
    quote: '1',
  };

  it('dates a to_date or since_YYYY figure by its as_of, not by nothing', () => {
    expect(figureYear({ ...base, period: 'to_date', as_of: '2021-03' }, docs)).toBe(2021);
    expect(figureYear({ ...base, period: 'since_2017', as_of: '2018-10-08' }, docs)).toBe(2018);
    expect(figureYear({ ...base, period: '2015-01/2015-11' }, docs)).toBe(2015);
    expect(figureYear({ ...base, year: 2017 }, docs)).toBe(2017);
    // A target with no year: its document's date.
    expect(figureYear({ ...base, target: true, doc: '001.txt' }, docs)).toBe(2021);
  });
});

describe('figureValueAsOf', () => {
  const gdp = (value: number, over: Partial<Figure>): Figure => ({
    what: 'gdp',
    label_zh: '地区生产总值',
    label_en: 'GDP',
    value,
    unit: '亿元',
    year: null,
    period: null,
    target: false,
    doc: '000.txt',
    quote: String(value),
    ...over,
  });
  const figures = [
    gdp(50, { year: 2015 }),
    gdp(63.2, { year: 2017 }),
    gdp(70, { period: 'since_2017', as_of: '2018-10-08' }),
    gdp(100, { year: 2021, target: true }),
    gdp(9000, { year: 2016, unit: '万元' }),
  ];
  const at = (year: number) => figureValueAsOf(figures, 'gdp', '亿元', year, docs);

  it('is the latest achieved figure dated by the end of the year, money in the field’s unit', () => {
    expect(at(2014)).toBeUndefined();
    expect(at(2015)).toBe(50);
    expect(at(2016)).toBeCloseTo(0.9);
    expect(at(2017)).toBe(63.2);
    expect(at(2018)).toBe(70);
    // The 2021 target does not replace an achieved figure.
    expect(at(2021)).toBe(70);
  });

  it('falls back to a target only when nothing was achieved by then', () => {
    const targets = [gdp(100, { year: 2021, target: true })];
    expect(figureValueAsOf(targets, 'gdp', '亿元', 2020, docs)).toBeUndefined();
    expect(figureValueAsOf(targets, 'gdp', '亿元', 2021, docs)).toBe(100);
  });
});
