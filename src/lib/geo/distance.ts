/**
 * Straight-line distances on the sphere: between two points (haversine), and from a point to any
 * GeoJSON geometry (0 inside a polygon, else to the nearest outline, line or point). Plain
 * TypeScript: the toolkit uses it on the page, the import worker over imported layers.
 */
import type { Geometry, Position } from 'geojson';

const EARTH_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;

/** Km per degree of latitude on the mean Earth radius (a box around a point, before haversine). */
export const KM_PER_DEGREE = (EARTH_KM * Math.PI) / 180;

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

/** To the nearest segment of a line (a single position: to it). */
function lineKm(p: Position, line: Position[]): number {
  if (line.length === 1) return haversineKm(p, line[0] ?? []);
  let best = Infinity;
  for (let i = 1; i < line.length; i++)
    best = Math.min(best, segmentKm(p, line[i - 1] ?? [], line[i] ?? []));
  return best;
}

/** The least of a function over some parts (Infinity for none). */
function least<T>(parts: readonly T[], km: (part: T) => number): number {
  let best = Infinity;
  for (const part of parts) best = Math.min(best, km(part));
  return best;
}

function polygonKm(p: Position, rings: Position[][]): number {
  const [outer = [], ...holes] = rings;
  if (inRing(p, outer) && !holes.some((h) => inRing(p, h))) return 0;
  return least(rings, (ring) => lineKm(p, ring));
}

/** From a point to a geometry: to a polygon 0 inside it, else to its outline; lines by segment. */
export function distanceToGeometryKm(p: Position, g: Geometry): number {
  switch (g.type) {
    case 'Point':
      return haversineKm(p, g.coordinates);
    case 'MultiPoint':
      return least(g.coordinates, (c) => haversineKm(p, c));
    case 'LineString':
      return lineKm(p, g.coordinates);
    case 'MultiLineString':
      return least(g.coordinates, (line) => lineKm(p, line));
    case 'Polygon':
      return polygonKm(p, g.coordinates);
    case 'MultiPolygon':
      return least(g.coordinates, (rings) => polygonKm(p, rings));
    case 'GeometryCollection':
      return least(g.geometries, (member) => distanceToGeometryKm(p, member));
  }
}
