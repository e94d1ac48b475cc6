import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { fieldProp, industryProp } from '../names.ts';
import { figureValue, type NumericField } from './dataset.ts';
import type { ParkFeature } from './schema.ts';
import type { FeatureTable } from './table.ts';

export type MapProperties = Record<string, string | number | boolean>;

/** The scalar properties every flat feature has, before industries and values. */
function scalarProperties(p: ParkFeature['properties']): MapProperties {
  return {
    id: p.id,
    kind: p.kind,
    name_zh: p.name_zh,
    name_en: p.name_en,
    zone: p.zone,
    status: p.status,
    precision: p.precision,
  };
}

/**
 * Flat properties for MapLibre: scalar values only, so filter and paint expressions stay simple
 * and survive tiling (vector tiles turn arrays and objects into strings). Industries become one
 * boolean each — membership is `has`, never a substring test on a joined list. This form, one
 * feature at a time, is the tiler's (scripts/tiles/), which streams a million features.
 */
export function mapProperties(f: ParkFeature, fields: readonly NumericField[]): MapProperties {
  const p = f.properties;
  const out = scalarProperties(p);
  for (const code of p.industries) out[industryProp(code)] = true;
  for (const field of fields) {
    const value = figureValue(p.figures, field.key, field.unit);
    if (value !== undefined) out[fieldProp(field.key)] = value;
  }
  return out;
}

/** The same flat properties for rows of a feature table, values read from its columns. */
export function toMapCollection(table: FeatureTable, rows: Iterable<number>): FeatureCollection {
  const columns = table.fields.map(
    (field) => [fieldProp(field.key), table.values(field.key)] as const,
  );
  const features: Feature[] = [];
  for (const row of rows) {
    const f = table.features[row] as ParkFeature;
    const out = scalarProperties(f.properties);
    for (const code of table.industriesOf(f)) out[industryProp(code)] = true;
    for (const [prop, values] of columns) {
      const v = values[row] as number;
      if (!Number.isNaN(v)) out[prop] = v;
    }
    features.push({ type: 'Feature', id: f.id, geometry: f.geometry as Geometry, properties: out });
  }
  return { type: 'FeatureCollection', features };
}
