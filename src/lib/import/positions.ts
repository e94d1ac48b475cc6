/**
 * Walking the positions of raw geometries. Nothing has been validated yet when coordinates are
 * converted, so these tolerate any shape: what is not an array of the expected depth is skipped
 * (or kept as it is) and left for the validator to report with its location.
 */
import type { Geometry, Position } from 'geojson';

/** How deeply each geometry type nests its positions. */
export const POSITION_DEPTH: Readonly<Record<string, number>> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

function walk(coords: unknown, depth: number, visit: (p: Position) => void): void {
  if (!Array.isArray(coords)) return;
  if (depth === 0) visit(coords as Position);
  else for (const c of coords) walk(c, depth - 1, visit);
}

function remap(coords: unknown, depth: number, f: (p: Position) => Position): unknown {
  if (!Array.isArray(coords)) return coords;
  if (depth === 0) return f(coords as Position);
  return coords.map((c: unknown) => remap(c, depth - 1, f));
}

/** Calls `visit` for every position of a geometry, collections included. */
export function eachPosition(geometry: Geometry | null, visit: (p: Position) => void): void {
  if (!geometry || typeof geometry !== 'object') return;
  if (geometry.type === 'GeometryCollection') {
    if (Array.isArray(geometry.geometries)) {
      for (const g of geometry.geometries) eachPosition(g, visit);
    }
    return;
  }
  const depth = POSITION_DEPTH[geometry.type];
  if (depth !== undefined) walk(geometry.coordinates, depth, visit);
}

/** A copy of a geometry with every position replaced by `f` of it. */
export function mapPositions<G extends Geometry>(geometry: G, f: (p: Position) => Position): G {
  if (geometry.type === 'GeometryCollection') {
    if (!Array.isArray(geometry.geometries)) return geometry;
    return { ...geometry, geometries: geometry.geometries.map((g) => mapPositions(g, f)) };
  }
  const depth = POSITION_DEPTH[geometry.type];
  if (depth === undefined) return geometry;
  return { ...geometry, coordinates: remap(geometry.coordinates, depth, f) };
}

/** Up to `max` positions spread evenly over the geometries, for guessing what units they are in. */
export function samplePositions(geometries: (Geometry | null)[], max = 500): [number, number][] {
  // Counted first, so a million-vertex file is not copied just to look at 500 of its points.
  let total = 0;
  for (const g of geometries) eachPosition(g, () => total++);
  const step = Math.max(1, total / max);
  const out: [number, number][] = [];
  let i = 0;
  let next = 0;
  for (const g of geometries) {
    eachPosition(g, ([x, y]) => {
      if (i++ < next) return;
      next += step;
      if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x + y))
        out.push([x, y]);
    });
  }
  return out;
}
