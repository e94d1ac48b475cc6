/**
 * Straight-line distances between features, honest about how well each end is placed: a point
 * placed only to its zone (data/precision.ts) makes any distance from it approximate.
 */
import type { Geometry, Position } from 'geojson';
import type { ParkFeature, Precision } from '../data/schema.ts';
import { effectivePrecision } from '../data/precision.ts';
import { labelPoint } from '../geo/labels.ts';

const EARTH_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in km between two [lng, lat] positions (haversine, mean Earth radius). */
export function haversineKm(a: Position, b: Position): number {
  const [lng1 = 0, lat1 = 0] = a;
  const [lng2 = 0, lat2 = 0] = b;
  const h =
    Math.sin(rad(lat2 - lat1) / 2) ** 2 +
    Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lng2 - lng1) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function inRing(p: Position, ring: Position[]): boolean {
  const [x = 0, y = 0] = p;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance in km from a point to a segment, in a local flat projection (fine under ~100 km). */
function segmentKm(p: Position, a: Position, b: Position): number {
  const k = Math.cos(rad(p[1] ?? 0));
  const [px, py] = [(p[0] ?? 0) * k, p[1] ?? 0];
  const [ax, ay, bx, by] = [(a[0] ?? 0) * k, a[1] ?? 0, (b[0] ?? 0) * k, b[1] ?? 0];
  const [dx, dy] = [bx - ax, by - ay];
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
  return haversineKm(p, [(ax + t * dx) / k, ay + t * dy]);
}

/** From a point to a geometry: to a polygon 0 inside it, else to its outline. */
export function distanceToGeometryKm(p: Position, g: Geometry): number {
  if (g.type === 'Point') return haversineKm(p, g.coordinates);
  if (g.type === 'Polygon') {
    const [outer = [], ...holes] = g.coordinates;
    if (inRing(p, outer) && !holes.some((h) => inRing(p, h))) return 0;
    let best = Infinity;
    for (const ring of g.coordinates)
      for (let i = 1; i < ring.length; i++)
        best = Math.min(best, segmentKm(p, ring[i - 1] ?? [], ring[i] ?? []));
    return best;
  }
  const at = labelPoint(g);
  return at ? haversineKm(p, at) : Infinity;
}

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
