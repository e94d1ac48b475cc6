/**
 * The camera in a link, `zoom/lat/lng[/bearing[/pitch]]` as in MapLibre's own hash: rounded for
 * writing (here) and read back with ranges checked (read-camera.ts, with the link reader).
 */
import type { Camera } from '../view.ts';

const round = (x: number, decimals: number): number => {
  const f = 10 ** decimals;
  // `+ 0` turns -0 into 0, so "-0" is never written and round trips compare equal.
  return Math.round(x * f) / f + 0;
};

/** Into (-180, 180]. Values already there are returned as they are, free of float noise. */
export function wrapAngle(deg: number): number {
  if (deg > -180 && deg <= 180) return deg + 0;
  // `%` is exact for doubles, so even 1e300 lands in range.
  const d = deg % 360;
  return d > 180 ? d - 360 : d <= -180 ? d + 360 : d + 0;
}

/** The camera as the link stores it: what a round trip through the URL gives back. */
export function roundCamera(c: Camera): Camera {
  return {
    zoom: round(c.zoom, 2),
    lat: round(c.lat, 5),
    lng: round(c.lng, 5),
    // Rounding may give -180 (from -179.96), which the range (-180, 180] spells 180.
    bearing: wrapAngle(round(wrapAngle(c.bearing), 1)),
    pitch: round(c.pitch, 1),
  };
}

export function formatCamera(camera: Camera): string {
  const c = roundCamera(camera);
  const parts = [c.zoom, c.lat, c.lng];
  if (c.bearing !== 0 || c.pitch !== 0) parts.push(c.bearing);
  if (c.pitch !== 0) parts.push(c.pitch);
  return parts.map(String).join('/');
}
