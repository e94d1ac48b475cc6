import { boundsOf } from './bounds.ts';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { pointInPolygon } from './point-in-polygon.ts';

export interface DistrictAggregate {
  count: number;
  /** Sum of each field over the points inside that carry it. */
  sums: Record<string, number>;
}

export interface AggregateInput {
  point: [number, number];
  values: Record<string, number>;
}

/**
 * Counts points and sums their values per district (point-in-polygon, with a bounding-box test
 * first). Run once at load: the choropleth then only recolours.
 */
export function aggregateToDistricts(
  districts: FeatureCollection<Polygon | MultiPolygon>,
  points: readonly AggregateInput[],
  key: (district: Feature<Polygon | MultiPolygon>) => string,
): Map<string, DistrictAggregate> {
  const boxes = districts.features.map((d) => ({ d, box: boundsOf(d) }));
  const out = new Map<string, DistrictAggregate>();
  for (const { d } of boxes) out.set(key(d), { count: 0, sums: {} });
  for (const p of points) {
    const [x, y] = p.point;
    const hit = boxes.find(
      ({ d, box }) =>
        x >= box[0] &&
        x <= box[2] &&
        y >= box[1] &&
        y <= box[3] &&
        pointInPolygon(p.point, d.geometry),
    );
    if (!hit) continue;
    const agg = out.get(key(hit.d));
    if (!agg) continue;
    agg.count++;
    for (const [field, value] of Object.entries(p.values))
      agg.sums[field] = (agg.sums[field] ?? 0) + value;
  }
  return out;
}
