import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Whether the edge a→b crosses the horizontal line at y (half-open, so a vertex counts once). */
export function crossesAt(a: Position, b: Position, y: number): number | null {
  const [ax = NaN, ay = NaN] = a;
  const [bx = NaN, by = NaN] = b;
  if (ay > y === by > y) return null;
  return ax + ((y - ay) * (bx - ax)) / (by - ay);
}

/** Calls visit for each edge of each ring, closing rings that are not closed. */
export function eachEdge(rings: Position[][], visit: (a: Position, b: Position) => void): void {
  for (const ring of rings) {
    let prev = ring[ring.length - 1];
    for (const p of ring) {
      if (prev) visit(prev, p);
      prev = p;
    }
  }
}

/**
 * Even-odd ray casting over every ring, holes included. A point exactly on an edge may land on
 * either side: for counting parks per district that is harmless, and it keeps a geometry
 * library (with its exact predicates) out of the main bundle.
 */
export function pointInPolygon(point: Position, geometry: Polygon | MultiPolygon): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const [x = NaN, y = NaN] = point;
  let inside = false;
  for (const polygon of polygons) {
    eachEdge(polygon, (a, b) => {
      const cx = crossesAt(a, b, y);
      if (cx !== null && x < cx) inside = !inside;
    });
  }
  return inside;
}
