/**
 * The online basemap setting (issue 13, point 4): an XYZ raster tile template the user or the
 * operator gives, drawn under the data and over the offline basemap. Plain functions, so the
 * link codec, the form and the tests share one reading of a template.
 */

/** Why a link's or the stored template cannot be used; null when it can. */
export type BasicProblem = 'url' | 'scheme' | 'placeholders';

/**
 * The check a link and the stored setting need: an absolute http(s) URL with `{z}`, `{x}` and
 * `{y}`. The form says more (basemap-advice.ts), in its own chunk.
 */
export function templateProblem(template: string): BasicProblem | null {
  let url: URL;
  try {
    url = new URL(template);
  } catch {
    return 'url';
  }
  if (!/^https?:$/.test(url.protocol)) return 'scheme';
  return /\{z\}/.test(template) && /\{x\}/.test(template) && /\{y\}/.test(template)
    ? null
    : 'placeholders';
}

/**
 * Query parameters that carry a user's key: such a template is never put in a shared link
 * (天地图 `tk`, Amap/Google `key`, Mapbox `access_token`, Baidu `ak`, generic `token`/`apikey`).
 */
const SECRET_PARAMS = /[?&](tk|key|apikey|api_key|token|access_token|ak|sk|secret|signature)=/i;

/** The template carries a key or token (in its query), so it stays on this device. */
export const hasSecret = (template: string): boolean => SECRET_PARAMS.test(template);

/**
 * Kept on this device: the template drawn, under ON_KEY (absent = off), and the last one used,
 * under LAST_KEY, so the form offers it again after the switch was turned off. Plain strings:
 * the main chunk reads them with no parsing.
 */
const ON_KEY = 'park-atlas:online-basemap';
const LAST_KEY = 'park-atlas:online-basemap-last';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;

/** The page's localStorage, or null where reading it throws (sandboxed frames, some privacy modes). */
export function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Reads a key; null when absent or refused. */
function read(storage: Pick<Storage, 'getItem'> | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** The stored template if it is on and still readable as one; null = offline only. */
export function storedBasemap(storage: Pick<Storage, 'getItem'> | null): string | null {
  const t = read(storage, ON_KEY);
  return t !== null && templateProblem(t) === null ? t : null;
}

/** The last template used, on or off: what the form starts from. */
export const lastBasemap = (storage: Pick<Storage, 'getItem'> | null): string =>
  read(storage, LAST_KEY) ?? '';

/** Keeps the setting: the template drawn now (also as the last one used), or off. */
export function rememberBasemap(storage: Store, template: string | null): void {
  try {
    if (template === null) storage?.removeItem(ON_KEY);
    else {
      storage?.setItem(ON_KEY, template);
      storage?.setItem(LAST_KEY, template);
    }
  } catch {
    // Storage full or refused: the setting lasts for this visit only.
  }
}
