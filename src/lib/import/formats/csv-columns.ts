/**
 * A CSV's header: the property names its columns get, and which columns hold the longitude
 * and latitude. Headers are whatever people typed in Excel, in English or Chinese, often with
 * a unit or a coordinate system attached (`经度(E)`, `Longitude (°)`, `lng_gcj02`).
 */
import type { DeclaredCrs } from '../types.ts';

/** The words a coordinate header starts with, in the order they are preferred. */
export const LNG_WORDS = ['lng', 'lon', 'long', 'longitude', 'x', '经度', '东经'] as const;
export const LAT_WORDS = ['lat', 'latitude', 'y', '纬度', '北纬'] as const;
/** One column holding both, `116.3,36.6`: what map pickers copy and some portals export. */
export const PAIR_WORDS = ['坐标', '经纬度', 'coordinates', 'coords', 'lnglat', 'lonlat'] as const;

/**
 * Property names for the header cells: trimmed, `column_N` for an empty one, `_2`, `_3`… for a
 * repeat, so no column's values are lost by a later one of the same name.
 */
export function propertyNames(header: readonly string[]): string[] {
  const used = new Set<string>();
  return header.map((cell, i) => {
    const base = cell.replace(/^\uFEFF/, '').trim() || `column_${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  });
}

/**
 * How well a header names one of the words: 2 exactly, 1 when it starts with it and goes on
 * with something that is not a Latin letter (`lng_gcj02`, `Longitude (°)`; not `year`, not
 * `latency`), 0 otherwise. Chinese words also count anywhere (`中心点经度`).
 */
function matchScore(header: string, words: readonly string[]): number {
  const h = header.trim().toLowerCase();
  if (words.includes(h)) return 2;
  // 经纬度 is both at once (a pair column), though it contains 纬度.
  if (h.includes('经纬')) return 0;
  for (const word of words) {
    const isLatin = /^[a-z]+$/.test(word);
    if (isLatin ? h.startsWith(word) && !/^[a-z]/.test(h.slice(word.length)) : h.includes(word)) {
      return 1;
    }
  }
  return 0;
}

/** The index of the column that best matches the words (the first one on a tie), or -1. */
function bestColumn(names: readonly string[], words: readonly string[], skip = -1): number {
  let best = -1;
  let bestScore = 0;
  names.forEach((name, i) => {
    const score = i === skip ? 0 : matchScore(name, words);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/** Where the coordinates are: two columns, or one holding `longitude,latitude`. */
export type CoordinateColumns = { lng: number; lat: number } | { pair: number };

/**
 * The longitude and latitude columns, else a column holding both, else null. Two columns come
 * first: `X坐标`/`Y坐标` are two columns, though each also says 坐标.
 */
export function findCoordinateColumns(names: readonly string[]): CoordinateColumns | null {
  const lng = bestColumn(names, LNG_WORDS);
  const lat = bestColumn(names, LAT_WORDS, lng);
  if (lng >= 0 && lat >= 0) return { lng, lat };
  const pair = bestColumn(names, PAIR_WORDS);
  return pair >= 0 ? { pair } : null;
}

/** The header cells the coordinates come from, for a declared CRS in their names. */
export function coordinateHeaders(names: readonly string[], columns: CoordinateColumns): string[] {
  const at = (i: number) => names[i] ?? '';
  return 'pair' in columns ? [at(columns.pair)] : [at(columns.lng), at(columns.lat)];
}

/**
 * The two halves of a `longitude,latitude` cell (`116.3,36.6`, `116.3 36.6`, `[116.3, 36.6]`,
 * a full-width `，`), or null when it is not two parts. With decimal commas only spaces and
 * semicolons can separate them.
 */
export function splitPair(value: string, decimalComma: boolean): [string, string] | null {
  const inner = value.trim().replace(/^[[(（]\s*|\s*[\])）]$/g, '');
  const parts = inner.split(decimalComma ? /\s*[;；]\s*|\s+/ : /\s*[,，;；]\s*|\s+/);
  const [lng, lat] = parts;
  return parts.length === 2 && lng !== undefined && lat !== undefined ? [lng, lat] : null;
}

/** Coordinate systems a header can name after the word, as Chinese map exports do. */
const HEADER_CRS: { pattern: RegExp; crs: Omit<DeclaredCrs, 'from'> }[] = [
  { pattern: /gcj[-_ ]?0?2|火星/i, crs: { text: 'GCJ-02' } },
  { pattern: /bd[-_ ]?0?9|百度/i, crs: { text: 'BD-09' } },
  { pattern: /wgs[-_ ]?84/i, crs: { text: 'WGS 84', epsg: 4326 } },
  { pattern: /cgcs[-_ ]?2000/i, crs: { text: 'CGCS2000', epsg: 4490 } },
];

/** The coordinate system the longitude header names (`lng_gcj02`, `经度(BD09)`), if any. */
export function headerCrs(header: string): DeclaredCrs | undefined {
  const found = HEADER_CRS.find(({ pattern }) => pattern.test(header));
  return found ? { ...found.crs, from: `column "${header}"` } : undefined;
}
