import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { ParkFeature } from '../../../src/lib/data/schema.ts';
import { applies, figureRows } from '../../../src/lib/toolkit/compare.ts';

const zone = (file: string): ParkFeature =>
  (
    JSON.parse(
      readFileSync(new URL(`../../../data/zones/${file}.geojson`, import.meta.url), 'utf8'),
    ) as { features: ParkFeature[] }
  ).features[0]!;

describe('comparison rows', () => {
  it('菏泽高新区 and 济宁高新区: 固定资产投资 in one row, each with its own year', () => {
    const rows = figureRows([zone('heze-hitech'), zone('jining-hitech')]);
    const fai = rows.find((r) => r.key === 'fixed_asset_investment');
    expect(fai?.cells.map((c) => c.map((f) => f.year))).toEqual([[2017], [2015]]);
    // Shared rows come first.
    const sharedCount = (r: (typeof rows)[number]) => r.cells.filter((c) => c.length).length;
    expect(sharedCount(rows[0]!)).toBe(2);
  });

  it('a row a feature does not report has an empty cell', () => {
    const rows = figureRows([zone('heze-hitech'), zone('jining-hitech')]);
    const gdp = rows.find((r) => r.key === 'gdp');
    expect(gdp?.cells[1]).toEqual([]);
  });

  it('outlines apply to zones only', () => {
    expect(applies('outline', zone('jiaozhou'))).toBe(true);
    expect(applies('parent', zone('jiaozhou'))).toBe(false);
  });
});
