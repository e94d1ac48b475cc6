/**
 * A feature's full record from a points archive. Tiles hold flat map properties (filters and
 * colours need nothing more); at the archive's last zoom each feature also carries `detail`, the
 * JSON of its properties as the schema parsed them (scripts/tiles/point-tiles.ts). Details read
 * one tile of that zoom, find the feature by id and check `detail` with the dataset's own schema,
 * so a broken archive shows a message, never half a feature.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import * as v from 'valibot';
import { ParkFeatureSchema, type ParkFeature } from './schema.ts';
import { POINTS_SOURCE_LAYER, TILE_DETAIL_PROP } from '../names.ts';
import type { TileAddress } from '../geo/mercator.ts';

/** A feature of a decoded tile: its flat properties and position. */
export interface TileFeature {
  properties: Record<string, string | number | boolean>;
  coordinates: [number, number];
}

/** Decodes an MVT and returns the point with property `id` equal to `id`, or null. */
export function findInTile(bytes: Uint8Array, tile: TileAddress, id: string): TileFeature | null {
  const layer = new VectorTile(new PbfReader(bytes)).layers[POINTS_SOURCE_LAYER];
  if (!layer) return null;
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    if (f.properties.id !== id) continue;
    const geometry = f.toGeoJSON(tile.x, tile.y, tile.z).geometry;
    if (geometry.type !== 'Point') continue;
    const [lng = NaN, lat = NaN] = geometry.coordinates;
    return { properties: { ...f.properties }, coordinates: [lng, lat] };
  }
  return null;
}

/** Coordinates kept to 6 decimals (~0.1 m): a tile position has float noise beyond that. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * The full feature from a tile feature's `detail`, checked by ParkFeatureSchema; or a sentence
 * saying what is wrong (missing, not JSON, not a valid feature — with the path of the problem).
 */
export function parseDetail(found: TileFeature): { feature: ParkFeature } | { error: string } {
  const raw = found.properties[TILE_DETAIL_PROP];
  const id = String(found.properties.id);
  if (typeof raw !== 'string') return { error: `${id}: the archive holds no details for it` };
  let properties: unknown;
  try {
    properties = JSON.parse(raw);
  } catch (e) {
    return { error: `${id}: its details are not JSON (${e instanceof Error ? e.message : e})` };
  }
  const result = v.safeParse(ParkFeatureSchema, {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: found.coordinates.map(round6) },
    properties,
  });
  if (result.success) return { feature: result.output };
  const first = result.issues[0];
  const path = (first?.path ?? []).map((p) => String(p.key)).join('.');
  return { error: `${id}: ${path ? `${path}: ` : ''}${first?.message ?? 'invalid details'}` };
}
