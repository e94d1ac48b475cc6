/**
 * The coordinate systems the import knows by EPSG code: the two geographic ones Chinese data comes
 * in, Web Mercator, and the 44 CGCS2000 Gauss-Krüger projections. The Gauss-Krüger definitions are
 * built here rather than fetched, so a worker converts offline; the numbering follows the EPSG
 * registry (4491 is the 6° zone 13, central meridian 75°E, and each code after it moves one zone).
 */

export interface KnownCrs {
  epsg: number;
  kind: 'geographic' | 'webmercator' | 'gauss-kruger';
  en: string;
  zh: string;
  /** proj4 definition; absent for geographic systems, which are used as they are. */
  proj4?: string;
  /** The zone number written before the easting (39 in x = 39 512 345), if the system has one. */
  zone?: number;
}

const GEOGRAPHIC: Record<number, KnownCrs> = {
  4326: { epsg: 4326, kind: 'geographic', en: 'WGS-84', zh: 'WGS-84' },
  4490: { epsg: 4490, kind: 'geographic', en: 'CGCS2000', zh: 'CGCS2000（国家2000）' },
};

const WEB_MERCATOR: KnownCrs = {
  epsg: 3857,
  kind: 'webmercator',
  en: 'Web Mercator',
  zh: 'Web 墨卡托',
  proj4:
    '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
};

/** Codes other registries and old software use for Web Mercator. */
const WEB_MERCATOR_ALIASES = [3857, 900913, 102100, 102113, 3785];

function tmerc(lon0: number, x0: number): string {
  return `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

/** The four CGCS2000 Gauss-Krüger series: first code, how many, zone width, first zone. */
const SERIES = [
  { first: 4491, count: 11, width: 6, prefix: true },
  { first: 4502, count: 11, width: 6, prefix: false },
  { first: 4513, count: 21, width: 3, prefix: true },
  { first: 4534, count: 21, width: 3, prefix: false },
] as const;

function gaussKruger(epsg: number): KnownCrs | undefined {
  for (const s of SERIES) {
    const n = epsg - s.first;
    if (n < 0 || n >= s.count) continue;
    const cm = 75 + s.width * n;
    // 6° zone z has its central meridian at 6z − 3; 3° zone z at 3z.
    const zone = s.width === 6 ? (cm + 3) / 6 : cm / 3;
    const deg = s.width === 6 ? '' : '3-degree ';
    const zhDeg = s.width === 6 ? '6度带' : '3度带';
    const en = s.prefix
      ? `CGCS2000 / ${deg}Gauss-Krüger zone ${zone}`
      : `CGCS2000 / ${deg}Gauss-Krüger CM ${cm}°E`;
    const zh = s.prefix
      ? `CGCS2000 高斯-克吕格${zhDeg} 第${zone}带`
      : `CGCS2000 高斯-克吕格${zhDeg} 中央经线 ${cm}°E`;
    const x0 = s.prefix ? zone * 1e6 + 500000 : 500000;
    return {
      epsg,
      kind: 'gauss-kruger',
      en,
      zh,
      proj4: tmerc(cm, x0),
      ...(s.prefix ? { zone } : {}),
    };
  }
  return undefined;
}

/** What an EPSG code is, if the import can convert from it. */
export function knownCrs(epsg: number): KnownCrs | undefined {
  if (WEB_MERCATOR_ALIASES.includes(epsg)) return { ...WEB_MERCATOR, epsg: 3857 };
  return GEOGRAPHIC[epsg] ?? gaussKruger(epsg);
}

/** The EPSG code of a CGCS2000 Gauss-Krüger zone with its number before the easting. */
export function gaussKrugerZoneCode(zone: number): number | undefined {
  if (zone >= 13 && zone <= 23) return 4491 + zone - 13;
  if (zone >= 25 && zone <= 45) return 4513 + zone - 25;
  return undefined;
}

/** The EPSG code of a CGCS2000 Gauss-Krüger projection named by its central meridian. */
export function gaussKrugerCmCode(cm: number, width: 3 | 6): number | undefined {
  const step = (cm - 75) / width;
  const count = width === 6 ? 11 : 21;
  if (!Number.isInteger(step) || step < 0 || step >= count) return undefined;
  return (width === 6 ? 4502 : 4534) + step;
}
