/**
 * Converting raw features to WGS-84. A declaration (.prj, `crs` member) is checked against what
 * the numbers look like before it is trusted, and projected metres with no declaration are
 * refused: either mistake would draw the data far from where it is.
 */
import type { Feature, Geometry, Position } from 'geojson';
import gcoord from 'gcoord';
import proj4 from 'proj4';
import { knownCrs, type KnownCrs } from './crs-codes.ts';
import { describeProjected, detectProjected, groupDigits, type Detected } from './crs-detect.ts';
import { mapPositions } from './positions.ts';
import type { Bilingual, CrsChoice, DeclaredCrs, ImportIssue } from './types.ts';

export interface CrsSource {
  choice: CrsChoice;
  declared?: DeclaredCrs;
  /** The file the features came from, for the issues' `file`. */
  file?: string;
}

/** The system the data was read in, to show the user. */
export interface UsedCrs {
  code: string;
  en: string;
  zh: string;
}

export interface Converted<P> {
  features: Feature<Geometry | null, P>[];
  used: UsedCrs;
  issues: ImportIssue[];
  /** Set when nothing could be converted; `features` is then empty. */
  fatal?: ImportIssue;
}

type Convert = (x: number, y: number) => [number, number];
type Note = Bilingual & { code: string };
interface Plan {
  convert: Convert | null;
  used: UsedCrs;
  notes: Note[];
}
type Refusal = { refuse: Note; used: UsedCrs };

const gcoordTo84 =
  (from: typeof gcoord.GCJ02 | typeof gcoord.BD09): Convert =>
  (x, y) =>
    gcoord.transform([x, y], from, gcoord.WGS84) as [number, number];

const CHOICES: Record<Exclude<CrsChoice, 'auto'>, Omit<Plan, 'notes'>> = {
  wgs84: { convert: null, used: { code: 'EPSG:4326', en: 'WGS-84', zh: 'WGS-84' } },
  cgcs2000: {
    convert: null,
    used: {
      code: 'EPSG:4490',
      en: 'CGCS2000, drawn as WGS-84 (the two differ by centimetres)',
      zh: 'CGCS2000，按 WGS-84 绘制（两者仅差厘米级）',
    },
  },
  gcj02: {
    convert: gcoordTo84(gcoord.GCJ02),
    used: {
      code: 'GCJ-02',
      en: 'GCJ-02 (Amap, Tencent and other Chinese web maps), converted to WGS-84',
      zh: 'GCJ-02（高德、腾讯等国内网络地图），已转换为 WGS-84',
    },
  },
  bd09: {
    convert: gcoordTo84(gcoord.BD09),
    used: {
      code: 'BD-09',
      en: 'BD-09 (Baidu), converted to WGS-84',
      zh: 'BD-09（百度），已转换为 WGS-84',
    },
  },
};

const ASSUMED: UsedCrs = {
  code: 'EPSG:4326',
  en: 'WGS-84 (assumed: no coordinate system is declared)',
  zh: 'WGS-84（未声明坐标系，按 WGS-84 读取）',
};

const UNCONVERTED: UsedCrs = { code: '', en: 'none (not converted)', zh: '无（未转换）' };

function refuse(code: string, en: string, zh: string): Refusal {
  return { refuse: { code, en, zh }, used: UNCONVERTED };
}

/** When the declared system disagrees with the zone number written in the eastings. */
function zoneMismatch(known: KnownCrs, d: Detected, from: string): Refusal | undefined {
  const x = groupDigits(d.example?.[0] ?? 0);
  if (known.kind === 'webmercator' && d.zone !== undefined && !d.orWebMercator) {
    // 8-digit eastings past Web Mercator's edge: Gauss-Krüger mislabelled (3857 is a common default).
    return refuse(
      'crs-mismatch',
      `${from} declares Web Mercator (EPSG:3857), but x = ${x} is beyond its range and looks like Gauss-Krüger zone ${d.zone}: fix the declaration`,
      `${from} 声明为 Web 墨卡托（EPSG:3857），但 x = ${x} 超出其范围，看起来是高斯-克吕格第${d.zone}带：请修正该声明`,
    );
  }
  if (known.kind !== 'gauss-kruger' || d.kind !== 'gauss-kruger') return undefined;
  if (known.zone !== undefined && d.zone !== known.zone) {
    const got = d.zone === undefined ? 'has no zone number' : `begins with zone ${d.zone}`;
    const zhGot = d.zone === undefined ? '不带带号' : `以带号 ${d.zone} 开头`;
    return refuse(
      'crs-mismatch',
      `${from} declares ${known.en} (EPSG:${known.epsg}), whose eastings begin with ${known.zone}, but x = ${x} ${got}: fix the .prj or the coordinates`,
      `${from} 声明为 ${known.zh}（EPSG:${known.epsg}），横坐标应以 ${known.zone} 开头，但 x = ${x} ${zhGot}：请修正 .prj 或坐标`,
    );
  }
  if (known.zone === undefined && d.zone !== undefined) {
    return refuse(
      'crs-mismatch',
      `${from} declares ${known.en} (EPSG:${known.epsg}), without zone numbers, but x = ${x} begins with zone ${d.zone}: fix the .prj`,
      `${from} 声明为 ${known.zh}（EPSG:${known.epsg}，不带带号），但 x = ${x} 以带号 ${d.zone} 开头：请修正 .prj`,
    );
  }
  return undefined;
}

function proj4Convert(definition: string): Convert {
  const converter = proj4(definition, 'WGS84');
  return (x, y) => converter.forward([x, y]) as [number, number];
}

/** A declared projection (or a declaration the import has no table entry for). */
function planDeclared(
  d: Detected,
  declared: DeclaredCrs,
  known: KnownCrs | undefined,
): Plan | Refusal {
  const name = known ? `${known.en} (EPSG:${known.epsg})` : `"${declared.text.slice(0, 80)}"`;
  const zhName = known ? `${known.zh}（EPSG:${known.epsg}）` : `"${declared.text.slice(0, 80)}"`;
  if (d.kind === 'geographic' && (known || /^\s*PROJ/i.test(declared.text))) {
    return refuse(
      'crs-mismatch',
      `${declared.from} declares ${name}, in metres, but the coordinates look like longitude/latitude degrees: remove or fix the declaration`,
      `${declared.from} 声明为 ${zhName}（米制），但坐标看起来是经纬度：请删除或修正该声明`,
    );
  }
  const mismatch = known && zoneMismatch(known, d, declared.from);
  if (mismatch) return mismatch;
  let convert: Convert;
  try {
    convert = proj4Convert(known?.proj4 ?? declared.text);
  } catch {
    return refuse(
      'crs-unsupported',
      `${declared.from} declares a coordinate system this app cannot convert (${name}): convert the data to WGS-84 or CGCS2000 (EPSG:4490) first`,
      `${declared.from} 声明的坐标系无法转换（${zhName}）：请先转换为 WGS-84 或 CGCS2000（EPSG:4490）`,
    );
  }
  const code = known ? `EPSG:${known.epsg}` : declared.text.slice(0, 80);
  return {
    convert,
    used: {
      code,
      en: `${name}, declared in ${declared.from}, converted to WGS-84`,
      zh: `${zhName}（${declared.from} 中声明），已转换为 WGS-84`,
    },
    notes: [],
  };
}

/** A geographic declaration (WGS-84, CGCS2000) or none: the user's choice decides. */
function planGeographic(
  choice: CrsChoice,
  declared: DeclaredCrs | undefined,
  known: KnownCrs | undefined,
): Plan {
  if (choice === 'auto') {
    if (!declared || !known) return { convert: null, used: ASSUMED, notes: [] };
    return { ...CHOICES[known.epsg === 4490 ? 'cgcs2000' : 'wgs84'], notes: [] };
  }
  const notes: Note[] = [];
  if (declared && (choice === 'gcj02' || choice === 'bd09')) {
    // Chinese exports often label GCJ-02 data "WGS 84"; the user knows their source better.
    notes.push({
      code: 'crs-choice-overrides',
      en: `${declared.from} declares ${known?.en ?? declared.text}, but the chosen ${CHOICES[choice].used.code} is used`,
      zh: `${declared.from} 声明为 ${known?.zh ?? declared.text}，但按所选的 ${CHOICES[choice].used.code} 转换`,
    });
  }
  return { ...CHOICES[choice], notes };
}

/** A declaration naming one of China's offset systems (a CSV column `lng_gcj02`, say). */
function offsetSystem(declared: DeclaredCrs | undefined): 'gcj02' | 'bd09' | null {
  if (!declared || declared.epsg !== undefined) return null;
  if (/gcj/i.test(declared.text)) return 'gcj02';
  return /bd-?09|baidu/i.test(declared.text) ? 'bd09' : null;
}

function plan(features: Feature<Geometry | null, unknown>[], source: CrsSource): Plan | Refusal {
  const { choice, declared } = source;
  const detected = detectProjected(features);
  const offset = offsetSystem(declared);
  if (offset && detected.kind === 'geographic') {
    // The file names it; a different choice by the user still wins (and is said).
    if (choice === 'auto' || choice === offset) return { ...CHOICES[offset], notes: [] };
    return planGeographic(choice, declared, undefined);
  }
  const known = declared?.epsg === undefined ? undefined : knownCrs(declared.epsg);
  if (declared && known?.kind !== 'geographic') return planDeclared(detected, declared, known);
  if (detected.kind === 'geographic') return planGeographic(choice, declared, known);
  if (!declared || !known)
    return {
      refuse: { code: 'projected-undeclared', ...describeProjected(detected) },
      used: UNCONVERTED,
    };
  const [x, y] = (detected.example ?? [0, 0]).map(groupDigits);
  return refuse(
    'crs-mismatch',
    `${declared.from} declares ${known.en}, in degrees, but the coordinates look like metres (x = ${x}, y = ${y}): fix the declaration`,
    `${declared.from} 声明为 ${known.zh}（经纬度），但坐标看起来是米制（x = ${x}, y = ${y}）：请修正该声明`,
  );
}

/**
 * Every position of every geometry in WGS-84 longitude/latitude, a third number (elevation) kept.
 * Positions that are not numbers are left as they are, for the validator to report.
 */
export function toWgs84<P>(
  features: Feature<Geometry | null, P>[],
  source: CrsSource,
): Converted<P> {
  const file = source.file ?? source.declared?.from ?? '';
  const issue = (n: Note, where = '', rejected = true): ImportIssue => ({
    file,
    where,
    ...n,
    rejected,
  });
  const p = plan(features, source);
  if ('refuse' in p) return { features: [], used: p.used, issues: [], fatal: issue(p.refuse) };
  const issues = p.notes.map((n) => issue(n, '', false));
  const convert = p.convert;
  if (!convert) return { features, used: p.used, issues };
  let failed = 0;
  const position = (pos: Position): Position => {
    const [x, y, ...rest] = pos;
    if (typeof x !== 'number' || typeof y !== 'number') return pos;
    const [lng, lat] = convert(x, y);
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) failed++;
    return [lng, lat, ...rest];
  };
  const out = features.map((f, i) => {
    if (!f.geometry) return f;
    failed = 0;
    const geometry = mapPositions(f.geometry, position);
    if (failed === 0) return { ...f, geometry };
    issues.push(issue(convertFailed(failed, p.used), `features[${i}].geometry`));
    return { ...f, geometry: null };
  });
  return { features: out, used: p.used, issues };
}

function convertFailed(count: number, used: UsedCrs): Note {
  return {
    code: 'crs-convert-failed',
    en: `${count} position(s) could not be converted from ${used.code} (outside the system's area?)`,
    zh: `有 ${count} 个坐标无法从 ${used.code} 转换（超出该坐标系范围？）`,
  };
}
