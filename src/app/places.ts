/** Districts as search results: their ids, and the outline and prefecture an id names. */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Basemap } from '../lib/source/basemap.ts';

/** A district found by search: its outline, to fly to, and its prefecture. */
export interface Place {
  geometry: Polygon | MultiPolygon;
  city: string;
}

/** Search ids of districts: `place:` and the district's code, never a feature id (no colon). */
export const PLACE_PREFIX = 'place:';

/** The district a search id names, or null for a feature. */
export function placeOf(basemap: Basemap, id: string): Place | null {
  if (!id.startsWith(PLACE_PREFIX)) return null;
  const code = id.slice(PLACE_PREFIX.length);
  const d = basemap.layers.districts.features.find((f) => f.properties.code === code);
  return d ? { geometry: d.geometry, city: d.properties.city } : null;
}
