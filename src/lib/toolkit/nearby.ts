/** Features within a radius of a feature or a point, nearest first. */
import type { Position } from 'geojson';
import type { ParkFeature, Precision } from '../data/schema.ts';
import { labelPoint } from '../geo/labels.ts';
import { approximation, distanceToGeometryKm, weakest } from './distance.ts';

export interface NearbyHit {
  id: string;
  km: number;
  /** The weaker end's approximation, when either is approximate. */
  approx: Precision | 'outline' | null;
  /** Inside the origin feature (its child, grandchild …): listed first among equals. */
  inside: boolean;
}

export interface Origin {
  at: Position;
  /** The feature measured from, if any: left out of the list, its approximation counted. */
  feature: ParkFeature | null;
}

/** Where a feature is measured from: its point, or a polygon's label point. */
export function originOf(f: ParkFeature): Position | null {
  return labelPoint(f.geometry);
}

function isInside(f: ParkFeature, originId: string, byId: Map<string, ParkFeature>): boolean {
  const seen = new Set<string>();
  for (let p = f.properties.parent; p !== null && !seen.has(p);) {
    if (p === originId) return true;
    seen.add(p);
    p = byId.get(p)?.properties.parent ?? null;
  }
  return false;
}

/**
 * Features within `radiusKm`, nearest first; among equal distances (points placed at the same
 * zone centre) those inside the origin come first, then by name.
 */
export function nearby(
  features: readonly ParkFeature[],
  origin: Origin,
  radiusKm: number,
  byId: Map<string, ParkFeature>,
): NearbyHit[] {
  const from = origin.feature;
  const fromApprox = from ? approximation(from, byId) : null;
  const hits: (NearbyHit & { name: string })[] = [];
  for (const f of features) {
    if (from && f.id === from.id) continue;
    // A zone containing the origin is at 0 km: it is the zone, not a neighbour.
    if (from && f.id === from.properties.zone && f.geometry.type === 'Polygon') continue;
    const km = distanceToGeometryKm(origin.at, f.geometry);
    if (!(km <= radiusKm)) continue;
    hits.push({
      id: f.id,
      km,
      approx: weakest(fromApprox, approximation(f, byId)),
      inside: from ? isInside(f, from.id, byId) : false,
      name: f.properties.name_zh,
    });
  }
  hits.sort(
    (a, b) =>
      a.km - b.km ||
      Number(b.inside) - Number(a.inside) ||
      a.name.localeCompare(b.name, 'zh-Hans-CN'),
  );
  return hits.map((h) => ({ id: h.id, km: h.km, approx: h.approx, inside: h.inside }));
}

/** The nearest of some named places (basemap seats) to a position. */
export function nearestPlace<P extends { name: string; at: Position }>(
  at: Position,
  places: readonly P[],
): { place: P; km: number } | null {
  let best: { place: P; km: number } | null = null;
  for (const place of places) {
    const km = distanceToGeometryKm(at, { type: 'Point', coordinates: place.at });
    if (!best || km < best.km) best = { place, km };
  }
  return best;
}
