/**
 * The online basemap setting (issue 13, point 4): an XYZ raster tile template the user or the
 * operator gives, drawn under the data and over the offline basemap. Plain functions, so the
 * link codec, the form and the tests share one reading of a template.
 */

/** Why a template cannot be used; null when it can. */
export type TemplateProblem = 'url' | 'scheme' | 'placeholders' | 'style' | 'origin';

/**
 * Checks a template: an absolute http(s) URL with `{z}`, `{x}` and `{y}`. A MapLibre style URL
 * (a `.json`, or a `/styles/` path without placeholders) is named as such: not supported yet.
 * With `allowed`, the template's origin must be one of them (the CSP would block it otherwise).
 */
export function templateProblem(
  template: string,
  allowed?: readonly string[],
): TemplateProblem | null {
  const origin = templateOrigin(template);
  if (origin === null) return 'url';
  if (!/^https?:$/.test(new URL(origin).protocol)) return 'scheme';
  const placeholders = ['{z}', '{x}', '{y}'].every((p) => template.includes(p));
  if (!placeholders) {
    return /\.json($|\?)|\/styles?\//i.test(template) ? 'style' : 'placeholders';
  }
  if (allowed && !allowed.includes(origin)) return 'origin';
  return null;
}

/** The origin of a template (`https://t0.tianditu.gov.cn`), or null if it is not a URL. */
export function templateOrigin(template: string): string | null {
  try {
    // Braces are not URL characters: parse with them replaced, so `{s}` hosts still read.
    const url = new URL(template.trim().replace(/[{}]/g, ''));
    return url.origin === 'null' ? `${url.protocol}//` : url.origin;
  } catch {
    return null;
  }
}

/**
 * Query parameters that carry a user's key: such a template is never put in a shared link
 * (天地图 `tk`, Amap/Google `key`, Mapbox `access_token`, Baidu `ak`, generic `token`/`apikey`).
 */
const SECRET_PARAMS = /[?&](tk|key|apikey|api_key|token|access_token|ak|sk|secret|signature)=/i;

/** The template carries a key or token (in its query), so it stays on this device. */
export const hasSecret = (template: string): boolean => SECRET_PARAMS.test(template);

/**
 * Tile services drawn in GCJ-02 (China's obfuscated datum), hundreds of metres off the WGS-84
 * data: Amap/AutoNavi, Tencent, Baidu (BD-09, offset further).
 */
const GCJ_HOSTS =
  /(^|\.)(amap\.com|autonavi\.com|gtimg\.com|qq\.com|map\.baidu\.com|bdimg\.com|bdstatic\.com|baidu\.com)$/i;

export function isGcjService(template: string): boolean {
  const origin = templateOrigin(template);
  return origin !== null && GCJ_HOSTS.test(new URL(origin).hostname);
}

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
