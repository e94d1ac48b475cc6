import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import { crossesAt, eachEdge } from './point-in-polygon.ts';

function ringArea(ring: Position[]): number {
  let twice = 0;
  eachEdge([ring], ([ax = 0, ay = 0], [bx = 0, by = 0]) => (twice += (ax - bx) * (ay + by)));
  return Math.abs(twice) / 2;
}

function xy(p: Position | undefined): [number, number] | null {
  return p && p.length >= 2 ? [p[0] as number, p[1] as number] : null;
}

/**
 * The point a label or a link centres on: the position of a point, the first position of a line
 * or of a collection,
 * and for a polygon a point inside it (of the largest part of a multipolygon): a centroid would
 * fall outside a concave zone. Null for an empty geometry.
 */
export function labelPoint(geometry: Geometry): [number, number] | null {
  if (geometry.type === 'Polygon')
    return geometry.coordinates[0]?.length ? interiorPoint(geometry.coordinates) : null;
  if (geometry.type !== 'MultiPolygon') return firstPosition(geometry);
  let best: Position[][] | null = null;
  let bestArea = -1;
  for (const polygon of geometry.coordinates) {
    const area = polygon[0] ? ringArea(polygon[0]) : 0;
    if (area > bestArea) [best, bestArea] = [polygon, area];
  }
  return best?.[0]?.length ? interiorPoint(best) : null;
}

/** The first position of a point, a line or a collection's first member. */
function firstPosition(geometry: Geometry): [number, number] | null {
  let v: unknown = geometry;
  while (typeof v === 'object' && v !== null) {
    if (!Array.isArray(v))
      v = 'coordinates' in v ? v.coordinates : (v as { geometries?: unknown }).geometries;
    else if (typeof v[0] === 'number') return xy(v as Position);
    else v = v[0];
  }
  return null;
}

/**
 * The scan-line interior point (as JTS's InteriorPointArea): cross the polygon, holes included,
 * at the middle of its height and take the middle of the widest stretch inside. Inside by
 * construction, with no point-in-polygon test, so no geometry library in the main bundle.
 */
export function interiorPoint(polygon: Position[][]): [number, number] {
  const outer = polygon[0] ?? [];
  const ys = outer.map((p) => p[1] ?? NaN);
  const y = scanY(ys, (Math.min(...ys) + Math.max(...ys)) / 2);
  const xs: number[] = [];
  eachEdge(polygon, (a, b) => {
    const x = crossesAt(a, b, y);
    if (x !== null) xs.push(x);
  });
  xs.sort((p, q) => p - q);
  let best = xy(outer[0]) ?? [NaN, NaN];
  let widest = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const [from = 0, to = 0] = [xs[i], xs[i + 1]];
    if (to - from > widest) [widest, best] = [to - from, [(from + to) / 2, y]];
  }
  return best;
}

/** A scan height that passes through no vertex: the middle, or midway to the nearest vertex. */
function scanY(ys: number[], middle: number): number {
  if (!ys.includes(middle)) return middle;
  const above = Math.min(...ys.filter((y) => y > middle));
  const below = Math.max(...ys.filter((y) => y < middle));
  return Number.isFinite(above) ? (middle + above) / 2 : (middle + below) / 2;
}

/** One label point per polygon feature, inside it. Computed once at load, not per frame. */
export function polygonLabelPoints(collection: FeatureCollection): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const f of collection.features) {
    if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') continue;
    const p = labelPoint(f.geometry);
    if (!p) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: p },
      properties: f.properties ?? {},
    });
  }
  return { type: 'FeatureCollection', features };
}
