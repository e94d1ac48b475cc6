import { pointOnFeature } from '@turf/point-on-feature';
import type { Feature, FeatureCollection, Point } from 'geojson';

/**
 * One label point per polygon feature, guaranteed inside it (a centroid can fall outside a
 * concave zone). Computed once at load, not per frame.
 */
export function polygonLabelPoints(collection: FeatureCollection): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const f of collection.features) {
    if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') continue;
    const p = pointOnFeature(f);
    features.push({ type: 'Feature', geometry: p.geometry, properties: f.properties ?? {} });
  }
  return { type: 'FeatureCollection', features };
}
