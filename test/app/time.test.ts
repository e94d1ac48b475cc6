/**
 * District totals as of a year (#14 point 6): a district's count is of the points reported by
 * then (the rule the list and the map follow) and its sums are of their figures then.
 */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { asOf, sourceAsOf, tilesAsOf } from '../../src/app/time.ts';
import { YearCounter } from '../../src/lib/data/tile-years.ts';
import { reportedByLetter, statusColorByLetter } from '../../src/lib/map/style/status.ts';
import { ParkFeatureSchema, type ParkFeature } from '../../src/lib/data/schema.ts';
import { FeatureTable } from '../../src/lib/data/table.ts';
import { districtSquares } from '../fixtures/district-squares.ts';

// Two of the real documents: 003 is dated 2017-05-17, 001 2021-03.
const DOC_2017 = '003_abe10211f1d322e8.txt';
const DOC_2021 = '001_ebd8ed2b83fc6796.txt';

const districts = districtSquares('A');

const figure = (value: number, year: number, doc: string) => ({
  what: 'total_investment',
  label_zh: '总投资',
  label_en: 'Total investment',
  value,
  unit: '亿元',
  year,
  period: null,
  target: false,
  doc,
  quote: `总投资${value}亿元`,
});

/** A park in district A first reported in `doc`, with its figures. */
const park = (id: string, doc: string, figures: ReturnType<typeof figure>[]): ParkFeature =>
  v.parse(ParkFeatureSchema, {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [116.5, 36.5] },
    properties: {
      id,
      kind: 'park',
      name_zh: `园${id}`,
      name_en: `Park ${id}`,
      zone: 'z',
      industries: [],
      status: 'unknown',
      precision: 'address',
      figures,
      sources: [{ doc, quote: id }],
    },
  });

// p1: reported in 2017 with 5 for 2017, and 10 for 2021 in the later document; p2 only in 2021.
const table = FeatureTable.from([
  park('p1', DOC_2017, [figure(5, 2017, DOC_2017), figure(10, 2021, DOC_2021)]),
  park('p2', DOC_2021, [figure(7, 2021, DOC_2021)]),
]);

describe('district totals as of a year', () => {
  it('count the points reported by then and sum their figures then', () => {
    expect(asOf(table, 2018, districts).districts?.get('A')).toEqual({
      count: 1,
      total_investment: 5,
    });
    expect(asOf(table, 2021, districts).districts?.get('A')).toEqual({
      count: 2,
      total_investment: 17,
    });
  });

  it('before any point is reported the district holds nothing the data knows of', () => {
    expect(asOf(table, 2016, districts).districts?.get('A')).toEqual({});
  });

  it('are none when the source has no district totals', () => {
    expect(asOf(FeatureTable.from([...table.features]), 2018).districts).toBeNull();
  });
});

describe('points from tiles as of a year', () => {
  const counter = new YearCounter(2015, 2021);
  counter.add('--ppppo');
  counter.add('------u');
  const years = counter.years();

  it('are filtered and coloured by their letter of the year, counted from the metadata', () => {
    const view = tilesAsOf(years, 2017);
    expect(view.shown).toEqual(reportedByLetter(2));
    expect(view.color).toEqual(statusColorByLetter(2));
    expect(view.counts.planned).toBe(1);
    expect(view.unreported).toBe(1);
    expect(view.undated).toBeUndefined();
  });

  it('an archive without dates is said to be undated: nothing hidden, nothing recoloured', () => {
    const view = tilesAsOf(null, 2017);
    expect(view.undated).toBe(true);
    expect(view.shown).toBeUndefined();
    expect(view.color).toBeNull();
    expect(tilesAsOf(years, 2030).undated).toBe(true);
  });

  it('a source that does not hold every feature is read by its years, not its (empty) table', () => {
    const tiles = {
      capabilities: { allFeatures: false, districts: false, linkable: true },
      table: FeatureTable.from([]),
      years,
    };
    expect(sourceAsOf(tiles, 2021).shown).toEqual(reportedByLetter(6));
  });
});
