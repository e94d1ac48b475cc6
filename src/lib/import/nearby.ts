/**
 * The toolkit's nearby over imported layers (#17), in the worker that holds them: each feature's
 * distance from a point (0 inside a polygon), those within a radius, nearest first, the first
 * `limit` of them with how many there are in all. One pass over every feature; a point outside
 * the radius's box costs four comparisons and allocates nothing, so a 592,000-point layer takes
 * milliseconds (test/lib/import/nearby.test.ts).
 */
import type { Position } from 'geojson';
import { distanceToGeometryKm, haversineKm, KM_PER_DEGREE } from '../geo/distance.ts';
import type { ImportedLayer } from './layer.ts';
import { nameOf } from './style.ts';

export interface ImportedNearbyHit {
  layer: string;
  /** The layer's title, as the layer panel shows it. */
  title: string;
  id: string;
  /** As the layer's name field gives it (else the feature's id). */
  name: string;
  km: number;
}

export interface ImportedNearby {
  /** The nearest `limit`, nearest first (equal distances: in layer and file order). */
  hits: ImportedNearbyHit[];
  /** How many lie within the radius in all. */
  total: number;
}

/** At most this many hits in one answer, whatever is asked. */
export const NEARBY_LIMIT_MAX = 500;

/** [west, south, east, north] around a point holding every place within `km` (generous). */
function boxAround([lng = 0, lat = 0]: Position, km: number): [number, number, number, number] {
  const dLat = (km / KM_PER_DEGREE) * 1.001 + 1e-9;
  const north = Math.min(90, lat + dLat);
  const south = Math.max(-90, lat - dLat);
  const widest = Math.cos((Math.max(Math.abs(north), Math.abs(south)) * Math.PI) / 180);
  const dLng = widest > 1e-6 ? dLat / widest : 360;
  // Near a pole or across the antimeridian the box is every longitude.
  return dLng >= 180 || Math.abs(lng) + dLng > 180
    ? [-Infinity, south, Infinity, north]
    : [lng - dLng, south, lng + dLng, north];
}

const overlaps = (a: readonly number[], b: readonly number[]) =>
  (a[0] ?? 0) <= (b[2] ?? 0) &&
  (b[0] ?? 0) <= (a[2] ?? 0) &&
  (a[1] ?? 0) <= (b[3] ?? 0) &&
  (b[1] ?? 0) <= (a[3] ?? 0);

/** Imported features within `radiusKm` of `at` in `layers` (the visible ones), nearest first. */
export function nearbyImported(
  layers: readonly ImportedLayer[],
  at: Position,
  radiusKm: number,
  limit: number,
): ImportedNearby {
  const cap = Math.max(0, Math.min(NEARBY_LIMIT_MAX, Math.floor(limit)));
  const box = boxAround(at, radiusKm);
  const [west, south, east, north] = box;
  // The nearest `cap` so far, in order: parallel arrays, so a hit allocates nothing new.
  const kms: number[] = [];
  const layerOf: number[] = [];
  const rowOf: number[] = [];
  let total = 0;
  const keep = (km: number, l: number, row: number) => {
    total++;
    if (kms.length === cap && !(km < (kms[cap - 1] ?? Infinity))) return;
    let i = kms.length;
    while (i > 0 && (kms[i - 1] ?? 0) > km) i--;
    kms.splice(i, 0, km);
    layerOf.splice(i, 0, l);
    rowOf.splice(i, 0, row);
    if (kms.length > cap) {
      kms.pop();
      layerOf.pop();
      rowOf.pop();
    }
  };
  layers.forEach((layer, l) => {
    if (!layer.bbox || !overlaps(layer.bbox, box)) return;
    const features = layer.features;
    for (let row = 0; row < features.length; row++) {
      const g = features[row]?.geometry;
      if (!g) continue;
      if (g.type === 'Point') {
        const lng = g.coordinates[0] ?? NaN;
        const lat = g.coordinates[1] ?? NaN;
        if (!(lat >= south && lat <= north && lng >= west && lng <= east)) continue;
        const km = haversineKm(at, g.coordinates);
        if (km <= radiusKm) keep(km, l, row);
      } else {
        const km = distanceToGeometryKm(at, g);
        if (km <= radiusKm) keep(km, l, row);
      }
    }
  });
  const hits = kms.map((km, i): ImportedNearbyHit => {
    const layer = layers[layerOf[i] ?? 0] as ImportedLayer;
    const f = layer.features[rowOf[i] ?? 0];
    const id = f?.id ?? '';
    return { layer: layer.id, title: layer.title, id, name: f ? nameOf(layer, f) : id, km };
  });
  return { hits, total };
}
