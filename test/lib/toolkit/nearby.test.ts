import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import type { ParkFeature } from '../../../src/lib/data/schema.ts';
import { nearby, nearestPlace, originOf } from '../../../src/lib/toolkit/nearby.ts';
import { distanceToGeometryKm } from '../../../src/lib/toolkit/distance.ts';

const dir = new URL('../../../data/zones/', import.meta.url);
const features: ParkFeature[] = readdirSync(dir).flatMap(
  (f) =>
    (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { features: ParkFeature[] }).features,
);
const byId = new Map(features.map((f) => [f.id, f]));

describe('nearby', () => {
  it('from 医疗器械机电产业园: the accelerator inside it first, all at ~0 km (zone precision)', () => {
    const origin = byId.get('heze-medical-device-park')!;
    const hits = nearby(features, { at: originOf(origin)!, feature: origin }, 5, byId);
    expect(hits[0]?.id).toBe('heze-tus-star-accelerator');
    expect(hits[0]).toMatchObject({ km: 0, approx: 'zone', inside: true });
    expect(hits.some((h) => h.id === 'heze-medical-device-park')).toBe(false);
    // Its own zone is not a neighbour; other zones' points are far beyond 5 km.
    expect(hits.some((h) => h.id === 'heze-hitech' || h.id.startsWith('jining'))).toBe(false);
  });

  it('from a point: only what is within the radius, nearest first', () => {
    const at = [116.0, 35.3];
    const hits = nearby(features, { at, feature: null }, 50, byId);
    for (const h of hits) expect(h.km).toBeLessThanOrEqual(50);
    const kms = hits.map((h) => h.km);
    expect(kms).toEqual([...kms].sort((a, b) => a - b));
  });

  it('a point inside a zone is 0 km from it; outside, the distance to its outline', () => {
    const zone = byId.get('heze-hitech')!;
    expect(distanceToGeometryKm([115.37879, 35.23006], zone.geometry)).toBe(0);
    expect(distanceToGeometryKm([115.0, 35.23], zone.geometry)).toBeGreaterThan(5);
  });

  it('the nearest of some places', () => {
    const places = [
      { name: 'a', at: [115, 35] },
      { name: 'b', at: [115.4, 35.2] },
    ];
    expect(nearestPlace([115.37879, 35.23006], places)?.place.name).toBe('b');
    expect(nearestPlace([0, 0], [])).toBeNull();
  });
});
