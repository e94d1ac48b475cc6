/**
 * What is shown, taken out again: features as GeoJSON, or as a CSV table with longitude and
 * latitude columns for points (and the geometry as GeoJSON text for other shapes), so the file
 * opens in Excel and comes back in through the importer.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { labelPoint } from '../geo/labels.ts';
import { toCsv } from './csv.ts';

export type ExportFeature = Feature<Geometry, Record<string, unknown>> & { id?: string | number };

export function toGeojson(features: readonly ExportFeature[]): string {
  const collection: FeatureCollection = { type: 'FeatureCollection', features: [...features] };
  return JSON.stringify(collection);
}

/** One row per feature: id, longitude, latitude (a point inside for areas), every property. */
export function featuresToCsv(features: readonly ExportFeature[]): string {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const f of features) {
    for (const k of Object.keys(f.properties ?? {})) {
      if (!seen.has(k)) keys.push(k);
      seen.add(k);
    }
  }
  const header = ['id', 'longitude', 'latitude', ...keys, 'geometry'];
  const rows = features.map((f) => {
    const p = f.geometry.type === 'Point' ? f.geometry.coordinates : labelPoint(f.geometry);
    const props = f.properties ?? {};
    const shape = f.geometry.type === 'Point' ? '' : JSON.stringify(f.geometry);
    return [f.id ?? '', p?.[0] ?? '', p?.[1] ?? '', ...keys.map((k) => props[k]), shape];
  });
  return toCsv(header, rows);
}

/** A file name safe on every system, from a layer's title. */
export function exportName(title: string, ext: string): string {
  const base = title.replace(/\.[a-z0-9]+$/i, '').replace(/[\\/:*?"<>|\s]+/g, '_') || 'park-atlas';
  return `${base}.${ext}`;
}
