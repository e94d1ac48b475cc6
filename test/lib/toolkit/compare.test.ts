import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { ParkFeature } from '../../../src/lib/data/schema.ts';
import {
  applies,
  figureRows,
  MAX_PROPERTY_ROWS,
  propertyRows,
} from '../../../src/lib/toolkit/compare.ts';

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

  it('an imported place is a column with no figures', () => {
    const rows = figureRows([zone('heze-hitech'), null]);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.cells[1]).toEqual([]);
  });
});

describe('imported properties side by side', () => {
  it('one row per name, in first-seen order; missing and empty values are null', () => {
    const rows = propertyRows([
      null,
      { name: 'A', area: 12, note: '' },
      { area: 30.5, owner: { who: 'x' }, name: 'B' },
    ]);
    expect(rows).toEqual([
      { key: 'name', cells: [null, 'A', 'B'] },
      { key: 'area', cells: [null, '12', '30.5'] },
      { key: 'note', cells: [null, null, null] },
      { key: 'owner', cells: [null, null, '{"who":"x"}'] },
    ]);
  });

  it('a wide file gives a bounded table, long values cut', () => {
    const wide = Object.fromEntries(
      Array.from({ length: 100 }, (_, i) => [`c${i}`, 'x'.repeat(999)]),
    );
    const rows = propertyRows([wide]);
    expect(rows).toHaveLength(MAX_PROPERTY_ROWS);
    expect(rows[0]?.cells[0]?.length).toBe(301);
  });
});
