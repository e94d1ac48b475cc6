/**
 * The camera in a link, `zoom/lat/lng[/bearing[/pitch]]` as in MapLibre's own hash: rounded for
 * writing, and read back with ranges checked.
 */
import type { Camera } from '../view.ts';
import { MAX_LATITUDE, MAX_PITCH, MAX_ZOOM } from './format.ts';
import { parseNumber, q, type Dropped } from './values.ts';

const round = (x: number, decimals: number): number => {
  const f = 10 ** decimals;
  // `+ 0` turns -0 into 0, so "-0" is never written and round trips compare equal.
  return Math.round(x * f) / f + 0;
};

/** Into (-180, 180]. Values already there are returned as they are, free of float noise. */
function wrapAngle(deg: number): number {
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

export function parseCamera(s: string, out: Dropped, key = 'map'): Camera | null {
  const parts = s.split('/');
  if (parts.length < 3 || parts.length > 5) {
    out.add(key, 'bad-value', s, `${key}: expected zoom/lat/lng, got ${q(s)}`);
    return null;
  }
  const [zs = '', lats = '', lngs = '', bs, ps] = parts;
  const zoom = parseNumber(zs);
  const lat = parseNumber(lats);
  const lng = parseNumber(lngs);
  if (zoom === null) return fail(`zoom ${q(zs)} is not a number`);
  if (lat === null) return fail(`latitude ${q(lats)} is not a number`);
  if (lng === null) return fail(`longitude ${q(lngs)} is not a number`);
  if (zoom < 0 || zoom > MAX_ZOOM) return fail(`zoom ${zoom} out of range 0–${MAX_ZOOM}`);
  if (Math.abs(lat) > MAX_LATITUDE) return fail(`latitude ${lat} out of range`);

  const angle = (name: string, v: string | undefined): number => {
    if (v === undefined) return 0;
    const n = parseNumber(v);
    if (n === null)
      out.add(key, 'changed', v, `${key}: ${name} ${q(v)} is not a number, 0 used`, '0');
    return n ?? 0;
  };
  const bearing = wrapAngle(angle('bearing', bs));
  let pitch = angle('pitch', ps);
  if (pitch < 0 || pitch > MAX_PITCH) {
    const clamped = Math.min(MAX_PITCH, Math.max(0, pitch));
    out.add(key, 'changed', pitch, `${key}: pitch ${pitch} clamped to ${clamped}`, `${clamped}`);
    pitch = clamped;
  }
  return {
    zoom,
    lat,
    // Other apps may write an unwrapped longitude after panning across the antimeridian.
    lng: Math.abs(lng) <= 180 ? lng : wrapAngle(lng),
    bearing,
    pitch,
  };

  function fail(why: string): null {
    out.add(key, 'bad-value', s, `${key}: ${why}`);
    return null;
  }
}
