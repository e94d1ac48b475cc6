/** Web Mercator's latitude limit: the world is square. */
const MAX_LAT = 85.0511287798;

/**
 * Web Mercator in MapLibre's units: the world is [0, 1] × [0, 1], x east from the antimeridian,
 * y south from the north edge. Latitudes past ±85.05° are clamped to the edge.
 */
export function toMercator(lng: number, lat: number): [number, number] {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  const x = (lng + 180) / 360;
  const y = 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI);
  return [x, y];
}
