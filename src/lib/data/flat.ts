import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { fieldProp, industryProp } from '../names.ts';
import { figureValue, type NumericField } from './dataset.ts';
import type { ParkFeature } from './schema.ts';

export type MapProperties = Record<string, string | number | boolean>;

/**
 * Flat properties for MapLibre: scalar values only, so filter and paint expressions stay simple
 * and survive tiling (vector tiles turn arrays and objects into strings). Industries become one
 * boolean each — membership is `has`, never a substring test on a joined list.
 */
export function mapProperties(f: ParkFeature, fields: readonly NumericField[]): MapProperties {
  const p = f.properties;
  const out: MapProperties = {
    id: p.id,
    kind: p.kind,
    name_zh: p.name_zh,
    name_en: p.name_en,
    zone: p.zone,
    status: p.status,
    precision: p.precision,
  };
  for (const code of p.industries) out[industryProp(code)] = true;
  for (const field of fields) {
    const value = figureValue(p.figures, field.key, field.unit);
    if (value !== undefined) out[fieldProp(field.key)] = value;
  }
  return out;
}

export function toMapCollection(
  features: readonly ParkFeature[],
  fields: readonly NumericField[],
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.map((f): Feature => ({
      type: 'Feature',
      id: f.id,
      geometry: f.geometry as Geometry,
      properties: mapProperties(f, fields),
    })),
  };
}
