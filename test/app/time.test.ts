/**
 * District totals as of a year (#14 point 6): a district's count is of the points reported by
 * then (the rule the list and the map follow) and its sums are of their figures then.
 */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { asOf } from '../../src/app/time.ts';
import { ParkFeatureSchema, type ParkFeature } from '../../src/lib/data/schema.ts';
import { FeatureTable } from '../../src/lib/data/table.ts';

// Two of the real documents: 003 is dated 2017-05-17, 001 2021-03.
const DOC_2017 = '003_abe10211f1d322e8.txt';
const DOC_2021 = '001_ebd8ed2b83fc6796.txt';

const square = (x: number, code: string) => ({
  type: 'Feature' as const,
  properties: { code, name: `${code}区` },
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, 36],
        [x + 1, 36],
        [x + 1, 37],
        [x, 37],
        [x, 36],
      ],
    ],
  },
});
const districts = { type: 'FeatureCollection' as const, features: [square(116, 'A')] };

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
