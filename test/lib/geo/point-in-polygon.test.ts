import { bbox, booleanPointInPolygon, pointToLineDistance, polygonToLine } from '@turf/turf';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { asBasemapTopology, basemapLayers } from '../../../src/lib/geo/basemap.ts';
import { aggregateToDistricts } from '../../../src/lib/geo/aggregate.ts';
import { pointInPolygon } from '../../../src/lib/geo/point-in-polygon.ts';

const { districts } = basemapLayers(
  asBasemapTopology(JSON.parse(readFileSync('data/basemap/shandong.topo.json', 'utf8'))),
);

/** Metres from the point to the nearest district edge: the one place the two tests may differ. */
function edgeDistanceM(point: [number, number], d: Feature<Polygon | MultiPolygon>): number {
  const lines = polygonToLine(d);
  const parts = 'features' in lines ? lines.features : [lines];
  return Math.min(
    ...parts.map((l: Feature<LineString | MultiLineString>) =>
      pointToLineDistance(point, l as Feature<LineString>, { units: 'meters' }),
    ),
  );
}

describe('pointInPolygon', () => {
  it('agrees with turf’s exact test on the shipped districts, away from their edges', () => {
    // Points in each district’s bounding box (a fixed seed: the same points every run).
    let insideSeen = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }).map((k) => k / 1000),
        fc.integer({ min: 1, max: 999 }).map((k) => k / 1000),
        fc.integer({ min: 0, max: districts.features.length - 1 }),
        (u, v, i) => {
          const d = districts.features[i]!;
          const [w, s, e, n] = bbox(d) as [number, number, number, number];
          const [x, y] = [w + u * (e - w), s + v * (n - s)];
          const ours = pointInPolygon([x, y], d.geometry);
          const turf = booleanPointInPolygon([x, y], d);
          if (ours) insideSeen++;
          if (ours !== turf) expect(edgeDistanceM([x, y], d)).toBeLessThan(1);
        },
      ),
      { numRuns: 400, seed: 20261202 },
    );
    expect(insideSeen).toBeGreaterThan(50);
  });

  it('counts a hole as outside', () => {
    const square = (a: number, b: number) => [
      [a, a],
      [b, a],
      [b, b],
      [a, b],
      [a, a],
    ];
    const holed: Polygon = { type: 'Polygon', coordinates: [square(0, 10), square(4, 6)] };
    expect(pointInPolygon([5, 5], holed)).toBe(false);
    expect(pointInPolygon([2, 2], holed)).toBe(true);
    expect(pointInPolygon([12, 2], holed)).toBe(false);
  });
});

describe('aggregateToDistricts', () => {
  it('counts each park in the district that holds it and sums its figures', () => {
    const target = districts.features.find((d) => d.properties.name === '牡丹区')!;
    const inside = [115.45, 35.25] as [number, number];
    expect(booleanPointInPolygon(inside, target)).toBe(true);
    const totals = aggregateToDistricts(
      districts,
      [
        { point: inside, values: { investment: 12 } },
        { point: inside, values: { investment: 3.5 } },
        { point: [0, 0], values: { investment: 99 } },
      ],
      (d) => String(d.properties?.code),
    );
    expect(totals.get(target.properties.code)).toEqual({ count: 2, sums: { investment: 15.5 } });
    const all = [...totals.values()].reduce((n, t) => n + t.count, 0);
    expect(all).toBe(2);
  });
});
