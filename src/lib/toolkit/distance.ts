/**
 * Straight-line distances between features, honest about how well each end is placed: a point
 * placed only to its zone (data/precision.ts) makes any distance from it approximate.
 */
import type { ParkFeature, Precision } from '../data/schema.ts';
import { effectivePrecision } from '../data/precision.ts';

// The geometry of it is plain geometry (lib/geo), shared with the import worker.
export { distanceToGeometryKm, haversineKm } from '../geo/distance.ts';

/** How well a feature's position is known, as far as distances go; null = exactly enough. */
export function approximation(
  f: ParkFeature,
  byId: { get(id: string): ParkFeature | null | undefined },
): Precision | 'outline' | null {
  if (f.geometry.type === 'Polygon') return f.properties.outline === 'official' ? null : 'outline';
  const p = effectivePrecision(f, byId);
  return p === 'address' ? null : p;
}

/** The weaker of two ends' approximations (null when both are exact). */
export function weakest<T extends string>(a: T | null, b: T | null): T | null {
  const order = ['address', 'town', 'outline', 'zone'];
  if (a === null) return b;
  if (b === null) return a;
  return order.indexOf(a) >= order.indexOf(b) ? a : b;
}

/** "1.2 km", "850 m", "~3.4 km": metres under 1 km, one decimal under 10 km. */
export function formatKm(km: number, approximate: boolean): string {
  const s =
    km < 1 ? `${Math.round(km * 1000)} m` : `${km < 10 ? km.toFixed(1) : Math.round(km)} km`;
  return approximate ? `~${s}` : s;
}
