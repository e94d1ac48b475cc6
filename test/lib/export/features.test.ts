import { describe, expect, it } from 'vitest';
import { BOM, toCsv } from '../../../src/lib/export/csv.ts';
import { exportName, featuresToCsv, toGeojson } from '../../../src/lib/export/features.ts';

describe('toCsv', () => {
  it('starts with a byte-order mark so Excel reads Chinese as UTF-8', () => {
    const csv = toCsv(['名称'], [['菏泽高新区']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv).toBe(`${BOM}名称\r\n菏泽高新区\r\n`);
  });

  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    const csv = toCsv(
      ['a', 'b', 'c', 'd'],
      [['1,200', 'say "hi"', 'two\nlines', '=HYPERLINK("x")']],
    );
    expect(csv).toContain('"1,200","say ""hi""","two\nlines","\'=HYPERLINK(""x"")"');
  });
});

describe('featuresToCsv and toGeojson', () => {
  const features = [
    {
      type: 'Feature' as const,
      id: 'a',
      geometry: { type: 'Point' as const, coordinates: [115.4, 35.2] },
      properties: { name: '甲', investment: 12 },
    },
    {
      type: 'Feature' as const,
      id: 'b',
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [0, 0],
            [2, 0],
            [2, 2],
            [0, 2],
            [0, 0],
          ],
        ],
      },
      properties: { name: '乙', area: 3 },
    },
  ];

  it('writes points as longitude and latitude, areas with a point inside and their shape', () => {
    const lines = featuresToCsv(features).slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('id,longitude,latitude,name,investment,area,geometry');
    expect(lines[1]).toBe('a,115.4,35.2,甲,12,,');
    expect(lines[2]).toMatch(/^b,1,1,乙,,3,"\{""type"":""Polygon""/);
  });

  it('round-trips GeoJSON', () => {
    expect(JSON.parse(toGeojson(features))).toEqual({ type: 'FeatureCollection', features });
  });

  it('names files safely', () => {
    expect(exportName('my parks: 2024.geojson', 'csv')).toBe('my_parks_2024.csv');
    expect(exportName('', 'csv')).toBe('park-atlas.csv');
  });
});
