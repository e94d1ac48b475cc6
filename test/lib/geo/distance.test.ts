import { describe, expect, it } from 'vitest';
import type { Geometry, Position } from 'geojson';
import { distanceToGeometryKm, haversineKm, KM_PER_DEGREE } from '../../../src/lib/geo/distance.ts';

const p: Position = [117.0, 36.65];
const square = (cx: number, cy: number, d: number): Position[] => [
  [cx - d, cy - d],
  [cx + d, cy - d],
  [cx + d, cy + d],
  [cx - d, cy + d],
  [cx - d, cy - d],
];
const km = (g: Geometry) => distanceToGeometryKm(p, g);

describe('distanceToGeometryKm: from a point to any geometry', () => {
  it('a degree of latitude is KM_PER_DEGREE', () => {
    expect(haversineKm([117, 36], [117, 37])).toBeCloseTo(KM_PER_DEGREE, 6);
  });

  it('0 inside a polygon, to the outline outside it or in a hole', () => {
    expect(km({ type: 'Polygon', coordinates: [square(117, 36.65, 0.1)] })).toBe(0);
    const holed: Geometry = {
      type: 'Polygon',
      coordinates: [square(117, 36.65, 0.1), square(117, 36.65, 0.01)],
    };
    // The hole's nearest sides are east and west: 0.01° of longitude at this latitude.
    expect(km(holed)).toBeCloseTo(0.01 * KM_PER_DEGREE * Math.cos((36.65 * Math.PI) / 180), 2);
    expect(km({ type: 'Polygon', coordinates: [square(117, 36.85, 0.1)] })).toBeCloseTo(
      0.1 * KM_PER_DEGREE,
      1,
    );
  });

  it('a multipolygon by its nearest part; multipoints and collections by their nearest member', () => {
    const parts: Geometry = {
      type: 'MultiPolygon',
      coordinates: [[square(118, 36.65, 0.1)], [square(117, 36.65, 0.05)]],
    };
    expect(km(parts)).toBe(0);
    const points: Geometry = {
      type: 'MultiPoint',
      coordinates: [
        [117, 37.65],
        [117, 36.7],
      ],
    };
    expect(km(points)).toBeCloseTo(0.05 * KM_PER_DEGREE, 3);
    expect(km({ type: 'GeometryCollection', geometries: [points, parts] })).toBe(0);
    expect(km({ type: 'GeometryCollection', geometries: [] })).toBe(Infinity);
  });

  it('a line by its nearest segment, not its first position', () => {
    const line: Position[] = [
      [116.9, 36.66],
      [117.1, 36.66],
    ];
    expect(km({ type: 'LineString', coordinates: line })).toBeCloseTo(0.01 * KM_PER_DEGREE, 2);
    expect(
      km({
        type: 'MultiLineString',
        coordinates: [
          [
            [118, 36],
            [118, 37],
          ],
          line,
        ],
      }),
    ).toBeCloseTo(0.01 * KM_PER_DEGREE, 2);
  });
});
