import { bbox } from '@turf/turf';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { boundsOf } from '../../../src/lib/geo/bounds.ts';

describe('boundsOf', () => {
  it('agrees with turf on every shipped zone file', () => {
    for (const file of ['heze-hitech', 'jining-hitech', 'dezhou-etdz', 'jiaozhou']) {
      const zones = JSON.parse(
        readFileSync(`data/zones/${file}.geojson`, 'utf8'),
      ) as FeatureCollection;
      expect(boundsOf(zones)).toEqual(bbox(zones));
      for (const f of zones.features) expect(boundsOf(f.geometry)).toEqual(bbox(f.geometry));
    }
  });

  it('takes a file of 600,000 points, and a line of as many positions', () => {
    const n = 600_000;
    const features = Array.from({ length: n }, (_, i) => ({
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'Point' as const, coordinates: [115 + i / n, 35 - i / n] },
    }));
    expect(boundsOf({ type: 'FeatureCollection', features })).toEqual([
      115,
      35 - (n - 1) / n,
      115 + (n - 1) / n,
      35,
    ]);
    const line = features.map((f) => f.geometry.coordinates);
    expect(boundsOf({ type: 'LineString', coordinates: line })[2]).toBe(115 + (n - 1) / n);
  });

  it('covers geometry collections and elevations', () => {
    expect(
      boundsOf({
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [1, 2, 300] },
          {
            type: 'LineString',
            coordinates: [
              [-1, 5],
              [3, -4],
            ],
          },
        ],
      }),
    ).toEqual([-1, -4, 3, 5]);
  });
});
