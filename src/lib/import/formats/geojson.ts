/**
 * GeoJSON in any of the shapes files really have: a FeatureCollection, one Feature, a bare
 * geometry, a GeometryCollection (one feature per member). Items that are not features are
 * reported with their index; geometry is checked later, after the coordinates are converted.
 */
import type { Feature, Geometry } from 'geojson';
import { isRecord } from '../../data/record.ts';
import { fatal, rejectedAt, say } from '../messages.ts';
import { POSITION_DEPTH } from '../positions.ts';
import type { ImportIssue, ReadResult } from '../types.ts';

type RawFeature = Feature<Geometry | null, Record<string, unknown>>;

const asFeature = (geometry: unknown, properties: Record<string, unknown> = {}): RawFeature => ({
  type: 'Feature',
  geometry: geometry as Geometry,
  properties,
});

/** One item of `features`: the feature, or why it is not one. */
function readFeature(item: unknown, file: string, where: string): RawFeature | ImportIssue {
  if (!isRecord(item) || item.type !== 'Feature')
    return rejectedAt(file, where, say.notFeature(isRecord(item) ? item.type : item));
  const props = item.properties;
  if (props !== undefined && props !== null && !isRecord(props))
    return rejectedAt(file, `${where}.properties`, say.propertiesNotObject(props));
  const properties: Record<string, unknown> = isRecord(props) ? props : {};
  const feature = asFeature(item.geometry ?? null, properties);
  if (typeof item.id === 'string' || typeof item.id === 'number') feature.id = item.id;
  return feature;
}

export function readGeojson(json: unknown, file: string): ReadResult {
  const result: ReadResult = { format: 'geojson', features: [], places: [], issues: [] };
  const keep = (f: RawFeature, where: string) => {
    result.features.push(f);
    result.places?.push(where);
  };
  if (!isRecord(json)) return { ...result, fatal: fatal(file, say.notGeojson(json)) };
  const type = json.type;
  if (type === 'FeatureCollection') {
    if (!Array.isArray(json.features))
      return { ...result, fatal: fatal(file, say.featuresNotArray(), 'features') };
    json.features.forEach((item: unknown, i: number) => {
      const f = readFeature(item, file, `features[${i}]`);
      if ('type' in f && f.type === 'Feature') keep(f as RawFeature, `features[${i}]`);
      else result.issues.push(f as ImportIssue);
    });
  } else if (type === 'Feature') {
    const f = readFeature(json, file, 'feature');
    if ('code' in f) return { ...result, fatal: f };
    keep(f, 'feature');
  } else if (type === 'GeometryCollection' && Array.isArray(json.geometries)) {
    json.geometries.forEach((g: unknown, i: number) => keep(asFeature(g), `geometries[${i}]`));
  } else if (typeof type === 'string' && type in POSITION_DEPTH) {
    keep(asFeature(json), 'geometry');
  } else return { ...result, fatal: fatal(file, say.notGeojson(type ?? json), 'type') };
  if ('crs' in json) result.crsMember = json.crs;
  return result;
}
