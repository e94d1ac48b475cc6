/**
 * The one Web Mercator of the app and its tools, in MapLibre's and geojson-vt's units: the world
 * is [0, 1] × [0, 1], x east from the antimeridian, y south from the north edge. The formula is
 * geojson-vt's, so a point falls in the same tile whether the tiler or the app asks.
 */

export function mercatorX(lng: number): number {
  return lng / 360 + 0.5;
}

/** y of a latitude; past ±85.05° it is clamped to the world's edge. */
export function mercatorY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return y < 0 ? 0 : y > 1 ? 1 : y;
}

export function toMercator(lng: number, lat: number): [number, number] {
  return [mercatorX(lng), mercatorY(lat)];
}

/** Back to [lng, lat] in degrees. */
export function fromMercator(x: number, y: number): [number, number] {
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return [x * 360 - 180, lat];
}

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** The tile of zoom `z` containing a position. */
export function tileAt(lng: number, lat: number, z: number): TileAddress {
  const n = 2 ** z;
  const clamp = (t: number) => Math.min(n - 1, Math.max(0, Math.floor(t * n)));
  return { z, x: clamp(mercatorX(lng)), y: clamp(mercatorY(lat)) };
}

/** The middle of a tile, in [lng, lat]. */
export function tileCenter(t: TileAddress): [number, number] {
  const n = 2 ** t.z;
  return fromMercator((t.x + 0.5) / n, (t.y + 0.5) / n);
}
