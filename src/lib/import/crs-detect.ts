/**
 * What units coordinates are in when nothing says so. Only used to refuse or to check a
 * declaration: projected metres are never converted on a guess, because a wrong guess draws the
 * parks hundreds of kilometres away, and a message naming the likely system helps more.
 */
import type { Feature, Geometry } from 'geojson';
import { gaussKrugerZoneCode } from './crs-codes.ts';
import { samplePositions } from './positions.ts';
import type { Bilingual } from './types.ts';

export interface Detected {
  kind: 'geographic' | 'webmercator' | 'gauss-kruger' | 'unknown-projected';
  /** Gauss-Krüger zone read from the easting's leading digits; absent when it has none. */
  zone?: number;
  /** Set when the values fit Web Mercator over China as well as the Gauss-Krüger zone. */
  orWebMercator?: boolean;
  /** One sampled coordinate, to quote in a message. */
  example?: [number, number];
}

const R = 6378137;
/** Web Mercator's half-world in metres. */
const HALF_WORLD = Math.PI * R;

/** China's rough extent, generous on every side (the mainland, Hainan and the islands). */
export function farOutsideChina(lng: number, lat: number): boolean {
  return !(lng >= 73 && lng <= 135.5 && lat >= 3 && lat <= 54);
}

/** Northings of anywhere in China, in a transverse Mercator (metres from the equator). */
const inChinaNorthing = (y: number) => y >= 2e5 && y <= 6.2e6;

function fitsWebMercatorChina([x, y]: [number, number]): boolean {
  if (Math.abs(x) > HALF_WORLD || Math.abs(y) > HALF_WORLD) return false;
  const lng = (x / R) * (180 / Math.PI);
  const lat = Math.atan(Math.sinh(y / R)) * (180 / Math.PI);
  return !farOutsideChina(lng, lat);
}

/** The zone of an easting with its zone number in front (39 512 345 → 39), if it has one. */
function prefixZone([x, y]: [number, number]): number | undefined {
  const zone = Math.floor(x / 1e6);
  const offset = x - zone * 1e6;
  // Within a zone an easting stays within ~350 km of the 500 km false easting.
  if (offset < 1.5e5 || offset > 8.5e5 || !inChinaNorthing(y)) return undefined;
  return gaussKrugerZoneCode(zone) === undefined ? undefined : zone;
}

/** An easting without zone number: 500 km ± a zone's half width, as in UTM or GK by meridian. */
const isBareTransverse = ([x, y]: [number, number]) =>
  x >= 1.5e5 && x <= 8.5e5 && inChinaNorthing(y);

/** Whether coordinates are degrees or, if not, which projected metres they look like. */
export function detectProjected(features: Feature<Geometry | null, unknown>[]): Detected {
  const sample = samplePositions(features.map((f) => f.geometry));
  // Degrees out of range or swapped are the validator's to report, not a projection.
  const metres = sample.filter(([x, y]) => Math.abs(x) > 180 || Math.abs(y) > 180);
  const example = metres[0];
  if (!example || metres.length < sample.length * 0.1) return { kind: 'geographic' };
  const zones = new Set(metres.map(prefixZone));
  const zone = zones.size === 1 ? [...zones][0] : undefined;
  const mercator = metres.every(fitsWebMercatorChina);
  if (zone !== undefined) {
    return { kind: 'gauss-kruger', zone, example, ...(mercator ? { orWebMercator: true } : {}) };
  }
  if (mercator) return { kind: 'webmercator', example };
  if (metres.every(isBareTransverse)) return { kind: 'gauss-kruger', example };
  return { kind: 'unknown-projected', example };
}

/** 39512345 → "39 512 345": metres a person can compare with their data. */
export function groupDigits(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

const ADD_PRJ: Bilingual = {
  en: 'add the .prj file (or a crs member naming the system), or convert the data to WGS-84',
  zh: '请一并提供 .prj 文件（或在 crs 成员中写明坐标系），或先将数据转换为 WGS-84',
};

/** Why projected coordinates without a declaration are refused, naming what they look like. */
export function describeProjected(d: Detected): Bilingual {
  const [x, y] = d.example ?? [0, 0];
  const at = `x = ${groupDigits(x)}, y = ${groupDigits(y)}`;
  let en: string;
  let zh: string;
  if (d.kind === 'gauss-kruger' && d.zone !== undefined) {
    const width = d.zone >= 25 ? 3 : 6;
    const code = gaussKrugerZoneCode(d.zone);
    const merc = d.orWebMercator ? ' or Web Mercator (EPSG:3857)' : '';
    const zhMerc = d.orWebMercator ? '或 Web 墨卡托（EPSG:3857）' : '';
    en = `coordinates look like metres in a Gauss-Krüger ${width}° zone ${d.zone} (EPSG:${code})${merc} (${at})`;
    zh = `坐标看起来是高斯-克吕格${width}度带第${d.zone}带（EPSG:${code}）${zhMerc}的米制坐标（${at}）`;
  } else if (d.kind === 'gauss-kruger') {
    en = `coordinates look like metres in a transverse Mercator without a zone number (Gauss-Krüger by central meridian, or UTM) (${at})`;
    zh = `坐标看起来是不带带号的横轴墨卡托米制坐标（按中央经线的高斯-克吕格，或 UTM）（${at}）`;
  } else if (d.kind === 'webmercator') {
    en = `coordinates look like Web Mercator metres (EPSG:3857) (${at}), not degrees`;
    zh = `坐标看起来是 Web 墨卡托（EPSG:3857）米制坐标（${at}），不是经纬度`;
  } else {
    en = `coordinates are not longitude/latitude degrees (${at})`;
    zh = `坐标不是经纬度（${at}）`;
  }
  return {
    en: `${en}, and no coordinate system is declared: ${ADD_PRJ.en}`,
    zh: `${zh}，且未声明坐标系：${ADD_PRJ.zh}`,
  };
}
