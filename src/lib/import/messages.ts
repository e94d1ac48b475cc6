/** Issue constructors: every import problem is said in Chinese and English, with where it is. */
import type { ImportIssue } from './types.ts';

export interface IssueText {
  code: string;
  en: string;
  zh: string;
}

/** A problem with one feature or row: it was not loaded. */
export function rejectedAt(file: string, where: string, text: IssueText): ImportIssue {
  return { file, where, ...text, rejected: true };
}

/** A problem that did not stop the feature or row from loading. */
export function warningAt(file: string, where: string, text: IssueText): ImportIssue {
  return { file, where, ...text, rejected: false };
}

/** The file as a whole could not be read: nothing in it loads. */
export function fatal(file: string, text: IssueText, where = ''): ImportIssue {
  return { file, where, ...text, rejected: true };
}

const show = (value: unknown): string => {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
};
const showZh = (value: unknown): string => {
  if (typeof value === 'string') return `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;
  if (Array.isArray(value)) return '数组';
  if (value === null) return 'null';
  return typeof value === 'object' ? '对象' : String(value);
};

export const say = {
  empty: (): IssueText => ({
    code: 'empty',
    en: 'the file is empty: there is nothing to show',
    zh: '文件是空的，没有可显示的内容',
  }),
  webPage: (): IssueText => ({
    code: 'web-page',
    en: 'the server returned a web page, not data (is the address right?)',
    zh: '服务器返回的是网页而不是数据（地址是否正确？）',
  }),
  tooLarge: (mb: number, maxMb: number): IssueText => ({
    code: 'too-large',
    en: `the file is ${mb.toFixed(0)} MB, more than the ${maxMb} MB this browser tab can hold; split it or keep fewer columns`,
    zh: `文件有 ${mb.toFixed(0)} MB，超过本页面可容纳的 ${maxMb} MB；请拆分文件或减少列`,
  }),
  unknownFormat: (name: string): IssueText => ({
    code: 'unknown-format',
    en: `"${name}" is not a format this app reads (GeoJSON, TopoJSON, CSV/TSV, shapefile, KML, GPX)`,
    zh: `无法识别“${name}”的格式（支持 GeoJSON、TopoJSON、CSV/TSV、Shapefile、KML、GPX）`,
  }),
  excel: (): IssueText => ({
    code: 'excel',
    en: 'Excel workbooks are not read here: in Excel choose File → Save As → "CSV UTF-8", then open the .csv',
    zh: '暂不直接读取 Excel 工作簿：请在 Excel 中选择“文件 → 另存为 → CSV UTF-8”，再打开该 .csv 文件',
  }),
  jsonSyntax: (detail: string, line?: number, column?: number): IssueText => ({
    code: 'json-syntax',
    en: `not valid JSON${line ? ` at line ${line}, column ${column}` : ''}: ${detail}`,
    zh: `不是有效的 JSON${line ? `（第 ${line} 行第 ${column} 列）` : ''}：${detail}`,
  }),
  notGeojson: (found: unknown): IssueText => ({
    code: 'not-geojson',
    en: `not GeoJSON: the top level is ${show(found)}, not a FeatureCollection, Feature or geometry`,
    zh: `不是 GeoJSON：顶层是 ${showZh(found)}，而不是 FeatureCollection、Feature 或几何对象`,
  }),
  featuresNotArray: (): IssueText => ({
    code: 'features-not-array',
    en: '"features" must be an array of features',
    zh: '“features”必须是要素数组',
  }),
  notFeature: (found: unknown): IssueText => ({
    code: 'not-feature',
    en: `not a GeoJSON Feature (found ${show(found)})`,
    zh: `不是 GeoJSON 要素（实际为 ${showZh(found)}）`,
  }),
  propertiesNotObject: (found: unknown): IssueText => ({
    code: 'properties-not-object',
    en: `properties must be an object or null, found ${show(found)}`,
    zh: `properties 必须是对象或 null，实际为 ${showZh(found)}`,
  }),
  noGeometry: (): IssueText => ({
    code: 'no-geometry',
    en: 'has no geometry, so it cannot be placed on the map',
    zh: '没有几何信息，无法在地图上显示',
  }),
  geometryType: (type: unknown): IssueText => ({
    code: 'geometry-type',
    en: `unsupported geometry type ${show(type)}`,
    zh: `不支持的几何类型 ${showZh(type)}`,
  }),
  nesting: (expected: string): IssueText => ({
    code: 'wrong-nesting',
    en: `coordinates are nested wrongly: expected ${expected}`,
    zh: `坐标嵌套层级不对：应为${expected === 'a position [longitude, latitude]' ? '一个坐标 [经度, 纬度]' : '数组'}`,
  }),
  positionLength: (n: number): IssueText => ({
    code: 'position-length',
    en: `a position needs 2 numbers (longitude, latitude; a third for elevation is fine), has ${n}`,
    zh: `一个坐标需要 2 个数（经度、纬度；可再加一个高程），这里有 ${n} 个`,
  }),
  notNumber: (axis: 'longitude' | 'latitude', value: unknown): IssueText => ({
    code: 'coordinate-not-number',
    en: `${axis} ${show(value)} is not a number`,
    zh: `${axis === 'longitude' ? '经度' : '纬度'} ${showZh(value)} 不是数字`,
  }),
  swapped: (lng: number, lat: number): IssueText => ({
    code: 'swapped',
    en: `longitude ${lng} and latitude ${lat} look swapped (latitude cannot exceed 90)`,
    zh: `经度 ${lng} 与纬度 ${lat} 似乎写反了（纬度不能超过 90）`,
  }),
  outOfRange: (axis: 'longitude' | 'latitude', value: number): IssueText => ({
    code: 'out-of-range',
    en: `${axis} ${value} is outside ${axis === 'latitude' ? '−90…90' : '−180…180'}`,
    zh: `${axis === 'longitude' ? '经度' : '纬度'} ${value} 超出 ${axis === 'latitude' ? '−90…90' : '−180…180'} 的范围`,
  }),
  ringTooShort: (n: number): IssueText => ({
    code: 'ring-too-short',
    en: `a polygon ring needs at least 4 positions (3 corners and the first again), has ${n}`,
    zh: `多边形的环至少需要 4 个坐标（3 个角点并回到起点），这里有 ${n} 个`,
  }),
  ringClosed: (): IssueText => ({
    code: 'ring-not-closed',
    en: 'a polygon ring did not end where it starts; it was closed',
    zh: '多边形的环没有回到起点，已自动闭合',
  }),
  lineTooShort: (n: number): IssueText => ({
    code: 'line-too-short',
    en: `a line needs at least 2 positions, has ${n}`,
    zh: `线至少需要 2 个坐标，这里有 ${n} 个`,
  }),
  farFromChina: (lng: number, lat: number): IssueText => ({
    code: 'far-from-china',
    en: `(${lng}, ${lat}) is far outside China: is the coordinate system right?`,
    zh: `（${lng}, ${lat}）远在中国境外：坐标系是否正确？`,
  }),
  duplicateId: (id: string, first: number): IssueText => ({
    code: 'duplicate-id',
    en: `id ${show(id)} is also used by feature ${first + 1}; this one gets its own id`,
    zh: `编号 ${showZh(id)} 与第 ${first + 1} 个要素重复；已为本要素另编编号`,
  }),
  nestedValue: (key: string): IssueText => ({
    code: 'nested-too-deep',
    en: `property ${show(key)} is nested too deeply to keep; it was left out`,
    zh: `属性 ${showZh(key)} 嵌套过深，无法保留，已略去`,
  }),
};
