/**
 * Coordinate systems: what a file declares (a .prj's WKT, a GeoJSON 2008 `crs` member), what its
 * numbers look like when it declares nothing, and the conversion to WGS-84 the map draws in.
 */
import { gaussKrugerCmCode, gaussKrugerZoneCode } from './crs-codes.ts';
import type { DeclaredCrs } from './types.ts';

export { detectProjected, farOutsideChina, type Detected } from './crs-detect.ts';
export { toWgs84, type Converted, type CrsSource, type UsedCrs } from './crs-convert.ts';
export { knownCrs, type KnownCrs } from './crs-codes.ts';

/** Lower case, accents and punctuation gone: "Gauss-Krüger_CM_117E" → "gauss kruger cm 117e". */
function simplify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const CGCS2000 = /\bcgcs ?2000\b|china geodetic coordinate system 2000|\bchina 2000\b/;
const GAUSS_KRUGER = /\bgk\b|gauss kruger|gauss kr ger/;

function gaussKrugerFromName(n: string): number | undefined {
  const zone = /\bzone (\d+)\b/.exec(n);
  if (zone) return gaussKrugerZoneCode(Number(zone[1]));
  const cm = /\bcm (\d+) ?e\b/.exec(n);
  if (cm) return gaussKrugerCmCode(Number(cm[1]), /\b3 degree\b/.test(n) ? 3 : 6);
  return undefined;
}

/**
 * The EPSG code a CRS name stands for, in Esri's spelling ("CGCS2000_3_Degree_GK_Zone_39",
 * "WGS_1984_Web_Mercator_Auxiliary_Sphere") or EPSG's ("CGCS2000 / 3-degree Gauss-Kruger CM
 * 117E", "WGS 84 / Pseudo-Mercator"). `projected` says whether the name is of a projection.
 */
export function epsgFromName(name: string, projected: boolean): number | undefined {
  const n = simplify(name);
  if (/web mercator|pseudo mercator|popular visuali[sz]ation|google maps global mercator/.test(n)) {
    return 3857;
  }
  if (CGCS2000.test(n)) {
    if (GAUSS_KRUGER.test(n)) return gaussKrugerFromName(n);
    return projected ? undefined : 4490;
  }
  if (!projected && /\bwgs ?(1984|84)\b|\bcrs ?84\b/.test(n)) return 4326;
  return undefined;
}

/** The root's EPSG authority: WKT1 puts it last (`AUTHORITY["EPSG","4527"]]`), WKT2 as `ID[…]`. */
function rootAuthority(wkt: string): number | undefined {
  const all = [...wkt.matchAll(/(?:AUTHORITY|ID)\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  const last = all.at(-1);
  if (!last || !/^\s*\]\s*$/.test(wkt.slice(last.index + last[0].length))) return undefined;
  return Number(last[1]);
}

/** What a .prj's WKT declares; the EPSG code is set when the import recognises the system. */
export function crsFromPrj(wkt: string, from = '.prj'): DeclaredCrs {
  const text = wkt.trim();
  const root = /^\s*([A-Z]+)\s*\[\s*"([^"]*)"/i.exec(text);
  const projected = /^PROJ/i.test(root?.[1] ?? '');
  const epsg = rootAuthority(text) ?? (root ? epsgFromName(root[2] ?? '', projected) : undefined);
  return epsg === undefined ? { text, from } : { epsg, text, from };
}

/** The code in "EPSG:4490", "urn:ogc:def:crs:EPSG::3857", ".../def/crs/EPSG/0/4326", "CRS84". */
function epsgFromIdentifier(name: string): number | undefined {
  if (/\bcrs ?84\b/i.test(name)) return 4326;
  const code = /epsg\b.*?(\d+)\s*$/i.exec(name);
  if (code) return Number(code[1]);
  return epsgFromName(name, /gk|gauss|mercator|\//i.test(name));
}

const record = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;

/**
 * What a GeoJSON `crs` member (RFC 7946 dropped it, but GeoJSON 2008 files and many exporters
 * still write it) declares. Null when there is none; an unrecognised one keeps its text, so the
 * conversion can refuse it by name rather than draw the data in the wrong place.
 */
export function crsFromMember(crs: unknown, from = 'crs member'): DeclaredCrs | null {
  if (crs === undefined || crs === null) return null;
  const member = record(crs);
  const props = record(member?.properties);
  const name = props?.name;
  if (member?.type === 'name' && typeof name === 'string') {
    const epsg = epsgFromIdentifier(name);
    return epsg === undefined ? { text: name, from } : { epsg, text: name, from };
  }
  // The 2008 draft's `{type: 'EPSG', properties: {code: 4326}}`.
  const code = props?.code;
  if (member?.type === 'EPSG' && (typeof code === 'number' || typeof code === 'string')) {
    return { epsg: Number(code), text: `EPSG:${code}`, from };
  }
  const href = props?.href;
  return { text: typeof href === 'string' ? href : JSON.stringify(crs).slice(0, 200), from };
}
