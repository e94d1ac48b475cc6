import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import type { ImportedFeature, ImportedLayer } from '../../../src/lib/import/layer.ts';
import { nearbyImported } from '../../../src/lib/import/nearby.ts';
import { haversineKm } from '../../../src/lib/geo/distance.ts';
import { layerOf as importedLayer } from './fixture.ts';

const at: [number, number] = [117.0, 36.65];

function layerOf(id: string, geometries: Geometry[]): ImportedLayer {
  const features = geometries.map((geometry, i): ImportedFeature => ({
    type: 'Feature',
    id: `#${i + 1}`,
    geometry,
    properties: { name: `${id}-${i + 1}` },
  }));
  return importedLayer(id, features);
}

/** A seeded spread of points over Shandong, as the benchmark's 50 MB CSV has (592,000 rows). */
function shandongPoints(n: number): Geometry[] {
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  return Array.from({ length: n }, () => ({
    type: 'Point',
    coordinates: [114.8 + random() * 7.6, 34.4 + random() * 3.9],
  }));
}

describe('nearbyImported: imported features near a point, in one pass', () => {
  it('measures lines by their segments and multipolygons by their parts', () => {
    const line: Geometry = {
      type: 'LineString',
      coordinates: [
        [at[0] - 0.1, at[1] + 0.01],
        [at[0] + 0.1, at[1] + 0.01],
      ],
    };
    const far: Geometry = { type: 'Point', coordinates: [at[0] + 1, at[1]] };
    const r = nearbyImported([layerOf('roads', [far, line])], at, 5, 50);
    expect(r.hits.map((h) => h.name)).toEqual(['roads-2']);
    // To the line, not to its first position (~9 km away).
    expect(r.hits[0]!.km).toBeCloseTo(1.112, 2);
  });

  it('on 592,000 points: the same hits as measuring every one, nearest first, in well under a second', () => {
    const layer = layerOf('big', shandongPoints(592_000));
    const started = performance.now();
    const r = nearbyImported([layer], at, 50, 50);
    const ms = performance.now() - started;
    const within = layer.features
      .map((f, i) => ({
        i,
        km: haversineKm(at, (f.geometry as { coordinates: number[] }).coordinates),
      }))
      .filter((h) => h.km <= 50)
      .sort((a, b) => a.km - b.km);
    expect(r.total).toBe(within.length);
    expect(r.total).toBeGreaterThan(1000);
    expect(r.hits.map((h) => h.id)).toEqual(within.slice(0, 50).map((h) => `#${h.i + 1}`));
    console.log(`nearby over 592,000 points: ${ms.toFixed(1)} ms, ${r.total} within 50 km`);
    expect(ms).toBeLessThan(1000);
  });

  it('a limit of 0 gives only the count; a radius reaching nothing, nothing', () => {
    const layer = layerOf('few', shandongPoints(1000));
    const none = nearbyImported([layer], at, 50, 0);
    expect(none.hits).toEqual([]);
    expect(none.total).toBeGreaterThan(0);
    expect(nearbyImported([layer], [80, 20], 50, 10)).toEqual({ hits: [], total: 0 });
  });
});
