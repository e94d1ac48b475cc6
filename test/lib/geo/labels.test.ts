import { booleanPointInPolygon } from '@turf/turf';
import { readFileSync, readdirSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { interiorPoint, labelPoint, polygonLabelPoints } from '../../../src/lib/geo/labels.ts';

// A U open to the north: its centroid and its bounding-box centre are in the gap, outside.
const U: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ],
  ],
};

describe('labelPoint', () => {
  it('puts a concave polygon’s label inside it, not at its centre', () => {
    const p = labelPoint(U)!;
    expect(booleanPointInPolygon(p, U)).toBe(true);
    expect(booleanPointInPolygon([1.5, 1.5], U)).toBe(false);
  });

  it('keeps out of a hole in the middle', () => {
    const holed: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
          [0, 0],
        ],
        [
          [2, 2],
          [8, 2],
          [8, 8],
          [2, 8],
          [2, 2],
        ],
      ],
    };
    const p = interiorPoint(holed.coordinates);
    expect(booleanPointInPolygon(p, holed)).toBe(true);
  });

  it('labels the largest part of a multipolygon', () => {
    const small = [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ];
    const large = [
      [
        [10, 10],
        [20, 10],
        [20, 20],
        [10, 20],
        [10, 10],
      ],
    ];
    const [x, y] = labelPoint({ type: 'MultiPolygon', coordinates: [small, large] })!;
    expect(x).toBeGreaterThan(10);
    expect(y).toBeGreaterThan(10);
  });

  it('survives a scan line through a vertex', () => {
    // A diamond: the middle height passes exactly through its east and west corners.
    const diamond: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 1],
          [1, 0],
          [2, 1],
          [1, 2],
          [0, 1],
        ],
      ],
    };
    expect(booleanPointInPolygon(labelPoint(diamond)!, diamond)).toBe(true);
  });

  it('uses a point’s own position and gives null for empty geometry', () => {
    expect(labelPoint({ type: 'Point', coordinates: [115.4, 35.2, 40] })).toEqual([115.4, 35.2]);
    expect(labelPoint({ type: 'Polygon', coordinates: [] })).toBeNull();
    expect(labelPoint({ type: 'MultiPolygon', coordinates: [] })).toBeNull();
  });
});

describe('polygonLabelPoints', () => {
  it('puts every shipped zone’s label inside its zone', () => {
    const dir = 'data/zones';
    for (const file of readdirSync(dir)) {
      const zones = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as FeatureCollection;
      const polygons = zones.features.filter((f) => /Polygon/.test(f.geometry.type));
      const labels = polygonLabelPoints(zones);
      expect(labels.features).toHaveLength(polygons.length);
      labels.features.forEach((label, i) => {
        const zone = polygons[i]!.geometry as Polygon | MultiPolygon;
        expect(booleanPointInPolygon(label.geometry.coordinates, zone), `${file} #${i}`).toBe(true);
      });
    }
  });
});

describe('labelPoint of lines and collections', () => {
  it('takes the first position', () => {
    const line = {
      type: 'LineString' as const,
      coordinates: [
        [116, 36],
        [117, 37],
      ],
    };
    expect(labelPoint(line)).toEqual([116, 36]);
    expect(labelPoint({ type: 'MultiLineString', coordinates: [line.coordinates] })).toEqual([
      116, 36,
    ]);
    expect(labelPoint({ type: 'GeometryCollection', geometries: [line] })).toEqual([116, 36]);
    expect(labelPoint({ type: 'GeometryCollection', geometries: [] })).toBeNull();
  });
});
