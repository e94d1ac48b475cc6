/**
 * KML and GPX, through @tmcw/togeojson. Workers have no DOMParser, so the XML is parsed with
 * @xmldom/xmldom, told to stop at the first error and report it located, not on the console.
 */
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser, type Document } from '@xmldom/xmldom';
import type { Feature, Geometry } from 'geojson';
import type { FormatName, ImportIssue, ReadResult } from '../types.ts';

type Features = Feature<Geometry | null, Record<string, unknown>>[];

interface Located {
  message: string;
  line?: number;
  column?: number;
}

/** xmldom's message without its "Reporting fatalError … caused Error:" wrapping. */
function located(message: string, locator: unknown): Located {
  const at = locator as { lineNumber?: unknown; columnNumber?: unknown } | undefined;
  const line = typeof at?.lineNumber === 'number' && at.lineNumber > 0 ? at.lineNumber : undefined;
  const column = typeof at?.columnNumber === 'number' ? at.columnNumber : undefined;
  return { message, ...(line ? { line } : {}), ...(line && column ? { column } : {}) };
}

/** Parses XML, or says where and why it is not XML. */
export function parseXml(text: string): { doc: Document } | { error: Located } {
  let first: Located | undefined;
  const parser = new DOMParser({
    onError: (level, message, context: { locator?: unknown } | undefined) => {
      // Warnings (a stray character, an unknown entity) still give a usable document.
      if (level === 'warning') return;
      first ??= located(message, context?.locator);
      throw new Error(message);
    },
  });
  try {
    return { doc: parser.parseFromString(text.replace(/^\uFEFF/, ''), 'text/xml') };
  } catch (e) {
    return { error: first ?? { message: e instanceof Error ? e.message : String(e) } };
  }
}

function fatal(file: string, where: string, code: string, en: string, zh: string): ImportIssue {
  return { file, where, code, en, zh, rejected: true };
}

function syntaxIssue(file: string, format: 'KML' | 'GPX', error: Located): ImportIssue {
  const where = error.line
    ? `line ${error.line}${error.column ? `, column ${error.column}` : ''}`
    : '';
  const reason = /missing root element/.test(error.message)
    ? 'the file is empty or has no XML element'
    : error.message;
  return fatal(
    file,
    where,
    'xml-syntax',
    `not valid ${format} (XML): ${reason}`,
    `不是有效的 ${format}（XML）文件：${reason}`,
  );
}

/** Parse, check the root element, convert: the part KML and GPX share. */
function readXml(
  text: string,
  file: string,
  format: Extract<FormatName, 'kml' | 'gpx'>,
  convert: (doc: Document) => { features: Feature<Geometry | null>[] },
): ReadResult {
  const label = format === 'kml' ? 'KML' : 'GPX';
  const parsed = parseXml(text);
  if ('error' in parsed) {
    const issue = syntaxIssue(file, label, parsed.error);
    return { format, features: [], issues: [], fatal: issue };
  }
  const root = parsed.doc.documentElement?.localName ?? '';
  if (root.toLowerCase() !== format) {
    const issue = fatal(
      file,
      '',
      `${format}-root`,
      `not a ${label} file: its root element is <${root}>, not <${format}>`,
      `不是 ${label} 文件：根元素是 <${root}>，不是 <${format}>`,
    );
    return { format, features: [], issues: [], fatal: issue };
  }
  const features = convert(parsed.doc).features as Features;
  const issues: ImportIssue[] = [];
  if (format === 'kml' && parsed.doc.getElementsByTagName('NetworkLink').length > 0) {
    issues.push({
      file,
      where: '',
      code: 'kml-network-link',
      en: 'the KML links to other files (NetworkLink); they are not loaded',
      zh: 'KML 中链接了其他文件（NetworkLink），这些文件不会被加载',
      rejected: false,
    });
  }
  // Both formats are WGS-84 by definition; declaring it lets the converter check the numbers.
  const declaredCrs = { epsg: 4326, text: `${label} (WGS-84 by definition)`, from: file };
  return { format, features, issues, declaredCrs };
}

/** A KML document's placemarks as GeoJSON features (folders flattened, styles as properties). */
export function readKml(text: string, file: string): ReadResult {
  return readXml(text, file, 'kml', (doc) => kml(doc));
}

/** A GPX file's waypoints, routes and tracks as GeoJSON features. */
export function readGpx(text: string, file: string): ReadResult {
  return readXml(text, file, 'gpx', (doc) => gpx(doc));
}
