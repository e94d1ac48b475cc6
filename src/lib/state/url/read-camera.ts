/**
 * Reading the camera of a link, `zoom/lat/lng[/bearing[/pitch]]`, with ranges checked. Apart from
 * camera.ts because only the link reader (a chunk of its own) needs it.
 */
import type { Camera } from '../view.ts';
import { wrapAngle } from './camera.ts';
import { MAX_LATITUDE, MAX_PITCH, MAX_ZOOM } from './format.ts';
import { parseNumber, q, type Dropped } from './values.ts';

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
