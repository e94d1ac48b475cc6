/**
 * CSV and TSV with a longitude and a latitude column → GeoJSON points, one per row, every
 * column kept as a string property. Rows that cannot become a point are reported by row
 * number (the header is row 1, as Excel numbers them) and left out; the rest load.
 */
import Papa from 'papaparse';
import type { Feature, Point } from 'geojson';
import { parseNumber } from '../number.ts';
import type { ImportIssue, ReadResult } from '../types.ts';
import {
  coordinateHeaders,
  findCoordinateColumns,
  headerCrs,
  propertyNames,
  splitPair,
} from './csv-columns.ts';
import type { CoordinateColumns } from './csv-columns.ts';
import * as say from './csv-issues.ts';

export { parseNumber };

const DELIMITERS = [',', ';', '\t', '|'];

/** One record of the file and the line it starts on. */
interface Row {
  line: number;
  cells: string[];
  errors: Papa.ParseError[];
}

/** A row that parsed to two numbers, not yet checked against the range of degrees. */
interface Candidate {
  line: number;
  lng: number;
  lat: number;
  raw: { lng: string; lat: string };
  properties: Record<string, unknown>;
}

/**
 * The field separator: tab for a .tsv whatever it looks like, else papaparse's guess from the
 * first rows (blank lines skipped, since a trailing one makes it give up on `|`).
 */
function delimiterOf(text: string, file: string): string {
  if (/\.(tsv|tab)$/i.test(file)) return '\t';
  const preview = Papa.parse<string[]>(text, {
    preview: 10,
    skipEmptyLines: true,
    delimitersToGuess: DELIMITERS,
  });
  return preview.meta.delimiter;
}

function newlinesIn(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/**
 * Every non-blank record with the line it starts on. Parsed row by row (papaparse's `step`) so
 * that a quoted value spanning lines still gives the right line numbers for the rows after it.
 */
function records(text: string, delimiter: string): Row[] {
  const rows: Row[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    step: ({ data, errors, meta }) => {
      if (!isBlank(data)) rows.push({ line, cells: data, errors });
      line += newlinesIn(text, start, meta.cursor);
      start = meta.cursor;
    },
  });
  return rows;
}

/** Sets a property so that a `__proto__` column is data, not the object's prototype. */
function setProperty(target: Record<string, unknown>, key: string, value: string): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/** The shape problem of a row (bad quotes, too few or too many fields), if it has one. */
function shapeIssue(row: Row, width: number, file: string, delimiter: string): ImportIssue | null {
  const quote = row.errors.find((e) => e.type === 'Quotes');
  if (quote) return say.quoteProblem(file, row.line, quote.code);
  const extra = row.cells.slice(width);
  // Trailing empty fields are what Excel leaves after a deleted column: harmless.
  if (row.cells.length < width || !isBlank(extra)) {
    return say.columnCount(file, row.line, row.cells.length, width, delimiter);
  }
  return null;
}

interface Context {
  file: string;
  names: string[];
  columns: CoordinateColumns;
  delimiter: string;
}

/** A row's longitude and latitude as written, or the issue of a pair cell that is not two. */
function rawCoordinates(
  row: Row,
  ctx: Context,
  decimalComma: boolean,
): Candidate['raw'] | ImportIssue {
  const { columns } = ctx;
  if (!('pair' in columns)) {
    return { lng: row.cells[columns.lng] ?? '', lat: row.cells[columns.lat] ?? '' };
  }
  const cell = row.cells[columns.pair] ?? '';
  if (cell.trim() === '') return { lng: '', lat: '' };
  const pair = splitPair(cell, decimalComma);
  return pair ? { lng: pair[0], lat: pair[1] } : say.notAPair(ctx.file, row.line, cell);
}

/** A row's point and properties, or the reason it has none. */
function readRow(row: Row, ctx: Context): Candidate | ImportIssue {
  const { file, names, delimiter } = ctx;
  const shape = shapeIssue(row, names.length, file, delimiter);
  if (shape) return shape;
  const decimalComma = delimiter === ';';
  const raw = rawCoordinates(row, ctx, decimalComma);
  if ('code' in raw) return raw;
  const empty = (['lng', 'lat'] as const).filter((axis) => raw[axis].trim() === '');
  if (empty.length > 0) return say.missingCoordinate(file, row.line, empty);
  const lng = parseNumber(raw.lng, decimalComma);
  if (lng === null) return say.notANumber(file, row.line, 'lng', raw.lng);
  const lat = parseNumber(raw.lat, decimalComma);
  if (lat === null) return say.notANumber(file, row.line, 'lat', raw.lat);
  const properties: Record<string, unknown> = {};
  names.forEach((name, i) => setProperty(properties, name, row.cells[i] ?? ''));
  return { line: row.line, lng, lat, raw, properties };
}

const outside = (c: Candidate) => Math.abs(c.lng) > 180 || Math.abs(c.lat) > 90;
/** Latitude where China's longitudes are and longitude where its latitudes are. */
const looksSwapped = (c: Candidate) => c.lat >= 73 && c.lat <= 135 && c.lng >= 18 && c.lng <= 54;

/** Why a point in degrees is out of range, or null when it is fine. */
function rangeIssue(c: Candidate, file: string): ImportIssue | null {
  if (!outside(c)) return null;
  if (looksSwapped(c)) return say.swapped(file, c.line, c.raw.lng, c.raw.lat);
  if (Math.abs(c.lng) > 180) return say.outOfRange(file, c.line, 'lng', c.raw.lng);
  return say.outOfRange(file, c.line, 'lat', c.raw.lat);
}

/**
 * Projected coordinates (Gauss-Krüger or Web Mercator metres in `x`/`y` columns) are out of
 * range on nearly every row: rejecting them all would hide the one thing wrong, so when most
 * rows are so, the points are kept for the pipeline to convert, with one warning.
 */
function projectedSample(candidates: readonly Candidate[]): Candidate | undefined {
  const far = candidates.filter((c) => outside(c) && !looksSwapped(c));
  return far.length > candidates.length / 2 ? far[0] : undefined;
}

function point(c: Candidate): Feature<Point, Record<string, unknown>> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [c.lng, c.lat] },
    properties: c.properties,
  };
}

/** Reads CSV or TSV text (already decoded) from the file named `file`. */
export function readCsv(text: string, file: string): ReadResult {
  const result: ReadResult = { format: 'csv', features: [], issues: [] };
  // One line end, so counting `\n` gives Excel's row numbers for Windows and old Mac files too.
  const normal = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normal.trim() === '') return { ...result, fatal: say.emptyFile(file) };
  const delimiter = delimiterOf(normal, file);
  const [head, ...rows] = records(normal, delimiter);
  if (!head) return { ...result, fatal: say.emptyFile(file) };
  const names = propertyNames(head.cells);
  const columns = findCoordinateColumns(names);
  if (!columns) return { ...result, fatal: say.noCoordinateColumns(file, names) };
  const declaredCrs = coordinateHeaders(names, columns)
    .map(headerCrs)
    .find((crs) => crs !== undefined);
  if (declaredCrs) result.declaredCrs = declaredCrs;

  const ctx: Context = { file, names, columns, delimiter };
  const candidates: Candidate[] = [];
  for (const row of rows) {
    const read = readRow(row, ctx);
    if ('code' in read) result.issues.push(read);
    else candidates.push(read);
  }
  const projected = projectedSample(candidates);
  if (projected) {
    result.issues.push(say.notDegrees(file, projected.line, projected.raw.lng, projected.raw.lat));
  }
  for (const c of candidates) {
    const issue = projected ? null : rangeIssue(c, file);
    if (issue) result.issues.push(issue);
    else result.features.push(point(c));
  }
  // Issues in file order, as a person reads down the spreadsheet.
  result.issues.sort((a, b) => rowOf(a) - rowOf(b));
  return result;
}

const rowOf = (issue: ImportIssue) => Number(/\d+/.exec(issue.where)?.[0] ?? 0);
