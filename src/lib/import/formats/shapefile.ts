/**
 * Shapefiles: one .zip, or a .shp with its .dbf (and .prj, .cpg) matched by base name. shpjs
 * parses the geometry and attributes; coordinates are returned as stored, with the .prj as the
 * declared CRS, so the pipeline converts every format in one place (crs.ts).
 *
 * A .shp without its .dbf still loads, as shapes without attributes and with a warning: drawing
 * them shows the user what they have, and the warning says what to add for names.
 */
import type { Feature, Geometry } from 'geojson';
import { parseDbf, parseShp } from 'shpjs';
import { crsFromPrj } from '../crs.ts';
import type { DeclaredCrs, ImportFile, ImportIssue, ReadResult } from '../types.ts';
import { dbfEncoding } from './dbf-encoding.ts';
import { LAYER_PROPERTY } from './topojson.ts';
import { readZip, ZipError } from './zip.ts';

interface Group {
  /** The name without its extension, folders kept: "data/parks". */
  base: string;
  shp?: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
}

type Features = ReadResult['features'];
type Layer = { features: Features; issues: ImportIssue[] } | { fatal: ImportIssue };

const PARTS = new Set(['shp', 'dbf', 'prj', 'cpg']);
const extension = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();
const withoutExtension = (name: string) => name.slice(0, name.lastIndexOf('.'));
/** macOS zips carry "__MACOSX/…" and "._name" resource forks that look like shapefile parts. */
const isJunk = (name: string) => /(^|\/)__MACOSX\//.test(name) || /(^|\/)\._/.test(name);
const isPart = (name: string) => !isJunk(name) && PARTS.has(extension(name));

function issue(file: string, where: string, code: string, en: string, zh: string, rejected = true) {
  return { file, where, code, en, zh, rejected } satisfies ImportIssue;
}

/** Parts grouped by base name, case-insensitively ("PARKS.SHP" goes with "parks.dbf"). */
function groupParts(entries: Iterable<[string, Uint8Array]>): Group[] {
  const groups = new Map<string, Group>();
  const text = new TextDecoder();
  for (const [name, bytes] of entries) {
    if (!isPart(name)) continue;
    const base = withoutExtension(name);
    const group = groups.get(base.toLowerCase()) ?? { base };
    groups.set(base.toLowerCase(), group);
    const ext = extension(name) as 'shp' | 'dbf' | 'prj' | 'cpg';
    if (ext === 'prj' || ext === 'cpg') group[ext] = text.decode(bytes);
    else group[ext] = bytes;
  }
  return [...groups.values()];
}

/** The attributes of a layer, or why they are missing; never fatal. */
function readAttributes(g: Group, file: string, count: number) {
  const issues: ImportIssue[] = [];
  if (!g.dbf) {
    issues.push(
      issue(
        file,
        `${g.base}.shp`,
        'shapefile-no-dbf',
        `${g.base}.dbf is missing: the shapes load without names or attributes; add the .dbf with the same name to get them`,
        `缺少 ${g.base}.dbf：图形可以加载，但没有名称和属性；请一并提供同名的 .dbf 文件`,
        false,
      ),
    );
    return { rows: undefined, issues };
  }
  const encoding = dbfEncoding(g.dbf, g.cpg);
  let rows: Record<string, unknown>[] | undefined;
  try {
    rows = parseDbf(g.dbf, encoding.label);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const en = `${g.base}.dbf could not be read (${reason}): the shapes load without attributes`;
    const zh = `无法读取 ${g.base}.dbf（${reason}）：图形将不带属性加载`;
    issues.push(issue(file, `${g.base}.dbf`, 'dbf-corrupt', en, zh, false));
    return { rows: undefined, issues };
  }
  if (encoding.from === 'guess' && encoding.label !== 'utf-8') {
    const en = `${g.base}.dbf has no .cpg and is not UTF-8: its text was read as ${encoding.label.toUpperCase()}`;
    const zh = `${g.base}.dbf 没有 .cpg 且不是 UTF-8：已按 ${encoding.label.toUpperCase()} 读取文字`;
    issues.push(issue(file, `${g.base}.dbf`, 'dbf-encoding-guessed', en, zh, false));
  }
  if (rows.length !== count) {
    const en = `${g.base}.dbf has ${rows.length} rows but ${g.base}.shp has ${count} shapes: attributes may be on the wrong shapes`;
    const zh = `${g.base}.dbf 有 ${rows.length} 行，而 ${g.base}.shp 有 ${count} 个图形：属性可能错位`;
    issues.push(issue(file, `${g.base}.dbf`, 'dbf-count', en, zh, false));
  }
  return { rows, issues };
}

/** One .shp (and its .dbf) as features. */
function readLayer(g: Group & { shp: Uint8Array }, file: string, multi: boolean): Layer {
  const where = `${g.base}.shp`;
  const view = new DataView(g.shp.buffer, g.shp.byteOffset, g.shp.byteLength);
  // Every .shp starts with the file code 9994, big-endian, in a 100-byte header.
  if (g.shp.byteLength < 100 || view.getInt32(0) !== 9994) {
    const en = `${where} is not a shapefile (its header is missing or damaged)`;
    const zh = `${where} 不是有效的 shapefile（文件头缺失或损坏）`;
    return { fatal: issue(file, where, 'shapefile-corrupt', en, zh) };
  }
  let geometries: (Geometry | null)[];
  try {
    geometries = parseShp(g.shp);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const en = `${where} could not be read: ${reason}`;
    const zh = `无法读取 ${where}：${reason}`;
    return { fatal: issue(file, where, 'shapefile-corrupt', en, zh) };
  }
  const { rows, issues } = readAttributes(g, file, geometries.length);
  const layer = multi ? { [LAYER_PROPERTY]: g.base } : {};
  const features = geometries.map(
    (geometry, i): Feature<Geometry | null, Record<string, unknown>> => ({
      type: 'Feature',
      geometry,
      properties: { ...(rows?.[i] ?? {}), ...layer },
    }),
  );
  return { features, issues };
}

/** The one .prj of all layers; layers in different systems cannot share one conversion. */
function declaredOf(layers: Group[], file: string): DeclaredCrs | ImportIssue | undefined {
  const texts = new Set(layers.map((g) => g.prj?.trim() ?? ''));
  if (texts.size > 1) {
    const names = layers.map((g) => g.base).join(', ');
    const en = `the layers ${names} are in different coordinate systems (or some have no .prj): import them one at a time`;
    const zh = `图层 ${names} 的坐标系不同（或部分缺少 .prj）：请逐个导入`;
    return issue(file, '', 'shapefile-mixed-crs', en, zh);
  }
  const first = layers[0];
  return first?.prj?.trim() ? crsFromPrj(first.prj, `${first.base}.prj`) : undefined;
}

function refuse(fatal: ImportIssue): ReadResult {
  return { format: 'shapefile', features: [], issues: [], fatal };
}

/** The groups of parts as one result: every .shp read, strays and failures reported. */
function readGroups(groups: Group[], file: (g: Group) => string): ReadResult {
  const layers = groups.filter((g): g is Group & { shp: Uint8Array } => g.shp !== undefined);
  const strays = groups.filter((g) => !g.shp);
  const stray = (g: Group) =>
    issue(
      file(g),
      g.dbf ? `${g.base}.dbf` : `${g.base}.prj`,
      'shapefile-no-shp',
      `${g.base}.shp is missing: a .dbf holds only the attributes, a .prj only the coordinate system; add the .shp with the same name`,
      `缺少 ${g.base}.shp：.dbf 只含属性，.prj 只含坐标系；请一并提供同名的 .shp 文件`,
    );
  if (layers.length === 0) {
    const first = strays[0];
    return refuse(
      first ? stray(first) : issue('', '', 'shapefile-no-shp', 'no .shp file', '没有 .shp 文件'),
    );
  }
  const declared = declaredOf(layers, file(layers[0] ?? { base: '' }));
  if (declared && 'code' in declared) return refuse(declared);
  const features: Features = [];
  const issues = strays.map(stray);
  const failures: ImportIssue[] = [];
  for (const g of layers) {
    const layer = readLayer(g, file(g), layers.length > 1);
    if ('fatal' in layer) failures.push(layer.fatal);
    else {
      features.push(...layer.features);
      issues.push(...layer.issues);
    }
  }
  if (failures.length === layers.length && failures[0]) return refuse(failures[0]);
  issues.push(...failures);
  return { format: 'shapefile', features, issues, ...(declared ? { declaredCrs: declared } : {}) };
}

async function readZipped(zip: ImportFile): Promise<ReadResult> {
  let entries: Map<string, Uint8Array>;
  let names: string[];
  try {
    ({ entries, names } = await readZip(zip.bytes, isPart));
  } catch (e) {
    const reason = e instanceof ZipError ? e.message : String(e);
    return refuse(
      issue(
        zip.name,
        '',
        'zip-corrupt',
        `cannot open ${zip.name}: ${reason}`,
        `无法打开 ${zip.name}：${reason}`,
      ),
    );
  }
  const groups = groupParts(entries);
  // A .dbf or .prj without its .shp is reported by name in readGroups.
  if (groups.length > 0) return readGroups(groups, () => zip.name);
  const listed =
    names
      .filter((n) => !isJunk(n))
      .slice(0, 8)
      .join(', ') || 'nothing';
  const en = `${zip.name} holds no shapefile (.shp); it contains: ${listed}`;
  const zh = `${zip.name} 中没有 shapefile（.shp），其中包含：${listed}`;
  return refuse(issue(zip.name, '', 'zip-no-shapefile', en, zh));
}

/** A shapefile from one .zip, or from its parts dropped together. */
export async function readShapefile(files: ImportFile[]): Promise<ReadResult> {
  const zips = files.filter((f) => extension(f.name) === 'zip');
  const [zip, second] = zips;
  if (second) {
    const en = `${zips.length} zip files at once: import them one at a time`;
    const zh = `同时选择了 ${zips.length} 个 zip 文件：请逐个导入`;
    return refuse(issue(second.name, '', 'zip-several', en, zh));
  }
  if (zip) return readZipped(zip);
  const groups = groupParts(files.map((f) => [f.name, new Uint8Array(f.bytes)]));
  const nameOf = (g: Group) => `${g.base}.${g.shp ? 'shp' : g.dbf ? 'dbf' : 'prj'}`;
  return readGroups(groups, nameOf);
}
