/**
 * A place the comparison or the route holds that is not a feature of the dataset — a feature of
 * a layer the user imported. It lives in the same id lists (`app.compare`, `app.route`, and so in
 * `cmp=` and `route=`) as a token `lat/lng/name`: dataset ids are kebab-case and never hold '/'.
 * The name escapes '%', ',' and '/', so the token survives the lists and the link unchanged.
 */
export interface Place {
  name: string;
  /** [lng, lat] */
  at: [number, number];
}

export const MAX_PLACE_NAME = 200;

export const isPlace = (id: string): boolean => id.includes('/');

/** About a metre: enough for a stop, and the link stays short. */
const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

const escapeName = (s: string) =>
  s.replace(/[%,/]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function placeToken(p: Place): string {
  const name = p.name.trim().slice(0, MAX_PLACE_NAME) || '?';
  return `${round5(p.at[1])}/${round5(p.at[0])}/${escapeName(name)}`;
}

/** The place a token names, or null when it is not one (a dataset id, or a mangled token). */
export function parsePlace(token: string): Place | null {
  const m = /^(-?\d{1,2}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)\/([^/,]+)$/.exec(token);
  if (!m) return null;
  const [lat, lng] = [Number(m[1]), Number(m[2])];
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  let name: string;
  try {
    name = decodeURIComponent(m[3] ?? '');
  } catch {
    return null;
  }
  if (name.trim() === '' || name.length > MAX_PLACE_NAME) return null;
  return { name, at: [lng, lat] };
}
