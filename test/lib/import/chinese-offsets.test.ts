import fc from 'fast-check';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { toWgs84 } from '../../../src/lib/import/crs.ts';

/** Great-circle distance in metres (haversine, mean Earth radius). */
function haversine([lng1, lat1]: number[], [lng2, lat2]: number[]): number {
  const rad = Math.PI / 180;
  const dLat = ((lat2 ?? 0) - (lat1 ?? 0)) * rad;
  const dLng = ((lng2 ?? 0) - (lng1 ?? 0)) * rad;
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos((lat1 ?? 0) * rad) * Math.cos((lat2 ?? 0) * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}

/** Positions over Shandong. */
const shandong = fc.tuple(
  fc.double({ min: 114.7, max: 122.8, noNaN: true }),
  fc.double({ min: 34.3, max: 38.5, noNaN: true }),
);

const pointAt = (coordinates: number[]) => ({
  type: 'Feature' as const,
  properties: {},
  geometry: { type: 'Point' as const, coordinates },
});

function converted(coordinates: number[], choice: 'gcj02' | 'bd09'): number[] {
  const g = toWgs84([pointAt(coordinates)], { choice }).features[0]?.geometry;
  return g?.type === 'Point' ? g.coordinates : [];
}

describe('GCJ-02 and BD-09 to WGS-84', () => {
  it('GCJ-02 → WGS-84 → GCJ-02 returns within a metre anywhere in Shandong', () => {
    fc.assert(
      fc.property(shandong, (gcj) => {
        const wgs = converted(gcj, 'gcj02');
        const back = gcoord.transform(wgs as [number, number], gcoord.WGS84, gcoord.GCJ02);
        expect(haversine(gcj, back)).toBeLessThan(1);
        // And the shift itself is the few hundred metres GCJ-02 is known for.
        const shift = haversine(gcj, wgs);
        expect(shift).toBeGreaterThan(100);
        expect(shift).toBeLessThan(1000);
      }),
    );
  });

  it('BD-09 lies north-east of WGS-84 by about a kilometre, so converting moves south-west', () => {
    fc.assert(
      fc.property(shandong, (bd) => {
        const [lng = 0, lat = 0] = converted(bd, 'bd09');
        const [bdLng = 0, bdLat = 0] = bd;
        expect(bdLng - lng).toBeGreaterThan(0.008);
        expect(bdLng - lng).toBeLessThan(0.018);
        expect(bdLat - lat).toBeGreaterThan(0.002);
        expect(bdLat - lat).toBeLessThan(0.012);
      }),
    );
  });

  it('keeps an elevation through the conversion', () => {
    expect(converted([117, 36.65, 30], 'gcj02')[2]).toBe(30);
  });
});
