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

/** What is kept on this device: the last template, and whether it is on. */
export interface BasemapSetting {
  template: string;
  on: boolean;
}

export const BASEMAP_STORAGE_KEY = 'park-atlas:online-basemap';

/** The stored setting; off and empty when there is none or it cannot be read. */
export function loadBasemapSetting(storage: Pick<Storage, 'getItem'> | null): BasemapSetting {
  try {
    const v: unknown = JSON.parse(storage?.getItem(BASEMAP_STORAGE_KEY) ?? 'null');
    if (v && typeof v === 'object' && 'template' in v && typeof v.template === 'string') {
      return { template: v.template, on: 'on' in v && v.on === true };
    }
  } catch {
    // Private mode or a hand-edited value: start off.
  }
  return { template: '', on: false };
}

export function saveBasemapSetting(
  storage: Pick<Storage, 'setItem'> | null,
  setting: BasemapSetting,
): void {
  try {
    storage?.setItem(BASEMAP_STORAGE_KEY, JSON.stringify(setting));
  } catch {
    // Storage full or refused: the setting lasts for this visit only.
  }
}

/** The page's localStorage, or null where reading it throws (sandboxed frames, some privacy modes). */
export function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The stored template if it is on and still readable as one; null = offline only. */
export function storedBasemap(storage: Pick<Storage, 'getItem'> | null): string | null {
  const s = loadBasemapSetting(storage);
  return s.on && templateProblem(s.template) === null ? s.template : null;
}

/** Keeps the setting: the template drawn now, or off with the last template remembered. */
export function rememberBasemap(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
  template: string | null,
): void {
  const last = loadBasemapSetting(storage).template;
  saveBasemapSetting(storage, { template: template ?? last, on: template !== null });
}
