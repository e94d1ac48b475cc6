/**
 * Which reader a file needs, by its name and, when that says nothing, by its first bytes; and
 * which files belong together (a shapefile is a .shp with its .dbf, .prj and .cpg).
 */
import { jsonSyntaxError } from '../data/json-errors.ts';
import { crsFromMember, toWgs84 } from './crs.ts';
import { decodeText, looksLikeHtml } from './decode.ts';
import { readCsv } from './formats/csv.ts';
import { readGeojson } from './formats/geojson.ts';
import { READERS } from './formats/lazy.ts';
import type { Convert } from './layer.ts';
import { fatal, say } from './messages.ts';
import type { CrsChoice, ImportFile, ReadResult } from './types.ts';

export interface ReadOptions {
  /** What the user says the coordinates are in; `auto` trusts the file, else WGS-84. */
  crs: CrsChoice;
}

const SHAPE_PARTS = new Set(['shp', 'dbf', 'prj', 'cpg', 'shx', 'sbn', 'sbx']);
const ext = (name: string): string => /\.([^.]+)$/.exec(name.toLowerCase())?.[1] ?? '';
const base = (name: string): string => name.toLowerCase().replace(/\.[^.]+$/, '');

/** Files in import order; a shapefile's parts (same base name) as one group. */
export function groupFiles(files: readonly ImportFile[]): ImportFile[][] {
  const groups: ImportFile[][] = [];
  const shapes = new Map<string, ImportFile[]>();
  for (const f of files) {
    if (!SHAPE_PARTS.has(ext(f.name))) {
      groups.push([f]);
      continue;
    }
    const key = base(f.name);
    let group = shapes.get(key);
    if (!group) {
      group = [];
      shapes.set(key, group);
      groups.push(group);
    }
    group.push(f);
  }
  return groups;
}

type Read = ReadResult & { convert: Convert };

function failed(file: string, text: Parameters<typeof fatal>[1], where = ''): Read {
  const f = fatal(file, text, where);
  return {
    format: 'geojson',
    features: [],
    issues: [],
    fatal: f,
    convert: (x) => ({ features: x, used: { code: '', en: '', zh: '' }, issues: [] }),
  };
}

/** Adds the conversion to WGS-84 from what the file declares or the user chose. */
function withConvert(read: ReadResult, file: string, options: ReadOptions): Read {
  const declared = read.declaredCrs ?? crsFromMember(read.crsMember) ?? undefined;
  return {
    ...read,
    convert: (features) => toWgs84(features, { choice: options.crs, declared, file }),
  };
}

async function readJson(text: string, file: string): Promise<ReadResult | Read> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const detail = await jsonSyntaxError(text);
    return failed(file, {
      code: 'json-syntax',
      en: detail,
      zh: `不是有效的 JSON：${detail.replace(/^not valid JSON:? ?/, '')}`,
    });
  }
  const isTopology =
    typeof json === 'object' && json !== null && (json as { type?: unknown }).type === 'Topology';
  return isTopology ? (await READERS.topojson())(json, file) : readGeojson(json, file);
}

/** Reads one group of files in its format. */
export async function readGroup(group: readonly ImportFile[], options: ReadOptions): Promise<Read> {
  const main = group[0];
  if (!main) return failed('', say.empty());
  const kind = ext(main.name);
  if (SHAPE_PARTS.has(kind) || kind === 'zip')
    return withConvert(await (await READERS.shapefile())([...group]), main.name, options);
  if (['xlsx', 'xls', 'et', 'ods'].includes(kind)) return failed(main.name, say.excel());
  if (main.bytes.byteLength === 0) return failed(main.name, say.empty());
  const { text } = decodeText(main.bytes);
  if (text.trim() === '') return failed(main.name, say.empty());
  if (looksLikeHtml(text)) return failed(main.name, say.webPage());
  const start = text.trimStart().slice(0, 200).toLowerCase();
  let read: ReadResult;
  if (kind === 'kml' || (kind !== 'gpx' && start.includes('<kml')))
    read = (await READERS.kml())(text, main.name);
  else if (kind === 'gpx' || start.includes('<gpx')) read = (await READERS.gpx())(text, main.name);
  else if (['csv', 'tsv', 'txt'].includes(kind)) read = readCsv(text, main.name);
  else if (
    start.startsWith('{') ||
    start.startsWith('[') ||
    ['json', 'geojson', 'topojson'].includes(kind)
  )
    read = await readJson(text, main.name);
  else if (/[,;\t]/.test(text.slice(0, text.indexOf('\n') >>> 0))) read = readCsv(text, main.name);
  else return failed(main.name, say.unknownFormat(main.name));
  if ('convert' in read) return read as Read;
  return withConvert(read, main.name, options);
}
