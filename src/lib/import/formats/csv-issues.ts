/**
 * What the CSV reader says, in both languages. Each message names the row (the header is row 1,
 * as in Excel) and quotes the value, so a person can find and fix it in the spreadsheet.
 */
import type { ImportIssue } from '../types.ts';
import { LAT_WORDS, LNG_WORDS, PAIR_WORDS } from './csv-columns.ts';

export type Axis = 'lng' | 'lat';

const AXIS = { lng: { en: 'longitude', zh: '经度' }, lat: { en: 'latitude', zh: '纬度' } };
const RANGE = { lng: 180, lat: 90 };

/** A row's issue: rejected, since a row without a usable point has nothing to draw. */
function rowIssue(file: string, row: number, code: string, en: string, zh: string): ImportIssue {
  return {
    file,
    where: `row ${row}`,
    code,
    en: `row ${row}: ${en}`,
    zh: `第 ${row} 行：${zh}`,
    rejected: true,
  };
}

export function missingCoordinate(file: string, row: number, axes: Axis[]): ImportIssue {
  const en = axes.map((a) => AXIS[a].en).join(' and ');
  const zh = axes.map((a) => AXIS[a].zh).join('和');
  return rowIssue(
    file,
    row,
    'missing-coordinate',
    `${en} ${axes.length > 1 ? 'are' : 'is'} empty`,
    `缺少${zh}`,
  );
}

export function notANumber(file: string, row: number, axis: Axis, raw: string): ImportIssue {
  const { en, zh } = AXIS[axis];
  return rowIssue(
    file,
    row,
    'coordinate-not-a-number',
    `${en} "${raw}" is not a number`,
    `${zh}“${raw}”不是数字`,
  );
}

export function notAPair(file: string, row: number, raw: string): ImportIssue {
  return rowIssue(
    file,
    row,
    'coordinate-not-a-number',
    `coordinates "${raw}" are not a longitude and a latitude (like "117.12,36.65")`,
    `坐标“${raw}”不是经度和纬度（应形如“117.12,36.65”）`,
  );
}

export function outOfRange(file: string, row: number, axis: Axis, raw: string): ImportIssue {
  const { en, zh } = AXIS[axis];
  const r = RANGE[axis];
  return rowIssue(
    file,
    row,
    `${AXIS[axis].en}-out-of-range`,
    `${en} ${raw.trim()} is outside −${r}…${r}`,
    `${zh} ${raw.trim()} 超出 −${r} 至 ${r} 的范围`,
  );
}

export function swapped(file: string, row: number, lng: string, lat: string): ImportIssue {
  return rowIssue(
    file,
    row,
    'coordinates-swapped',
    `longitude and latitude look swapped (longitude ${lng.trim()}, latitude ${lat.trim()}): check which column is which`,
    `经度和纬度似乎填反了（经度 ${lng.trim()}，纬度 ${lat.trim()}），请检查这两列`,
  );
}

/** A name for the separator in a sentence: a tab is invisible when quoted. */
function delimiterName(d: string): { en: string; zh: string } {
  if (d === '\t') return { en: 'tab', zh: '制表符' };
  return { en: `"${d}"`, zh: `“${d}”` };
}

export function columnCount(
  file: string,
  row: number,
  fields: number,
  expected: number,
  delimiter: string,
): ImportIssue {
  const d = delimiterName(delimiter);
  const more = fields > expected;
  return rowIssue(
    file,
    row,
    'wrong-column-count',
    `${fields} fields, but the header has ${expected}` +
      (more ? ` (is a ${d.en} inside a value not quoted?)` : ''),
    `有 ${fields} 个字段，但表头有 ${expected} 个` +
      (more ? `（值里的${d.zh}是否没有加引号？）` : ''),
  );
}

/** Papaparse's quote errors, said so that the cause is clear. */
export function quoteProblem(file: string, row: number, code: string): ImportIssue {
  return code === 'MissingQuotes'
    ? rowIssue(
        file,
        row,
        'csv-syntax',
        'a quote opened in this row is never closed, so the rest of the file was read as one value',
        '这一行的引号没有闭合，文件的其余部分被当作了一个值',
      )
    : rowIssue(
        file,
        row,
        'csv-syntax',
        'a value has text after its closing quote',
        '某个值在右引号之后还有字符',
      );
}

/** The file as a whole has no longitude/latitude columns: what was looked for, what is there. */
export function noCoordinateColumns(file: string, names: readonly string[]): ImportIssue {
  const list = (words: readonly string[], or: string, sep: string) =>
    `${words.slice(0, -1).join(sep)}${or}${words.at(-1) ?? ''}`;
  const has = names.map((n) => `"${n}"`).join(', ');
  const hasZh = names.map((n) => `“${n}”`).join('、');
  return {
    file,
    where: '',
    code: 'no-coordinate-columns',
    en:
      `no longitude and latitude columns: looked for a longitude column named ` +
      `${list(LNG_WORDS, ' or ', ', ')} and a latitude column named ${list(LAT_WORDS, ' or ', ', ')}` +
      ` (or one column named ${list(PAIR_WORDS, ' or ', ', ')} holding both)` +
      `; the file's columns are ${has}`,
    zh:
      `找不到经度和纬度列：经度列应名为 ${list(LNG_WORDS, ' 或 ', '、')}，` +
      `纬度列应名为 ${list(LAT_WORDS, ' 或 ', '、')}（或一列名为 ${list(PAIR_WORDS, ' 或 ', '、')}，` +
      `同时包含经纬度）；文件中的列是 ${hasZh}`,
    rejected: true,
  };
}

export function emptyFile(file: string): ImportIssue {
  return {
    file,
    where: '',
    code: 'empty',
    en: 'the file is empty',
    zh: '文件是空的',
    rejected: true,
  };
}

/** A warning, not a rejection: the points load, but they are not in degrees. */
export function notDegrees(file: string, row: number, lng: string, lat: string): ImportIssue {
  const pair = `${lng.trim()}, ${lat.trim()}`;
  return {
    file,
    where: '',
    code: 'coordinates-not-degrees',
    en: `the coordinates are not longitude and latitude in degrees (${pair} on row ${row}): they look projected, in metres; say which coordinate system they are in`,
    zh: `坐标不是以度为单位的经纬度（第 ${row} 行为 ${pair}），像是以米为单位的投影坐标；请指定数据所用的坐标系`,
    rejected: false,
  };
}
