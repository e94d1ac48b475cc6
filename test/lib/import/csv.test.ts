import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/lib/import/decode.ts';
import { parseNumber, readCsv } from '../../../src/lib/import/formats/csv.ts';
import { fixtureBytes } from './fixture.ts';

const readFixture = (name: string) => readCsv(decodeText(fixtureBytes(name)).text, name);
const coordinates = (r: ReturnType<typeof readCsv>) =>
  r.features.map((f) => (f.geometry?.type === 'Point' ? f.geometry.coordinates : null));

describe('readCsv: files as they come', () => {
  it('reads a GBK file from Chinese Excel: Chinese headers and values survive', () => {
    const r = readFixture('parks-gbk.csv');
    expect(r.format).toBe('csv');
    expect(r.fatal).toBeUndefined();
    expect(r.issues).toEqual([]);
    expect(coordinates(r)).toEqual([
      [117.1283, 36.6812],
      [120.1917, 35.9602],
      [121.4479, 37.4638],
    ]);
    expect(r.features[0]?.properties).toEqual({
      名称: '济南高新技术产业开发区',
      经度: '117.1283',
      纬度: '36.6812',
      类型: '国家级',
    });
  });

  it('reads a UTF-16 tab-separated export with CRLF line ends', () => {
    const r = readFixture('parks-utf16.csv');
    expect(r.issues).toEqual([]);
    expect(coordinates(r)).toEqual([
      [118.0549, 36.8131],
      [119.1619, 36.7069],
    ]);
    expect(r.features[1]?.properties['纬度']).toBe('36.7069');
  });

  it('reads decimal commas in a semicolon file, and headers with a unit after the word', () => {
    const r = readFixture('parks-semicolon.csv');
    expect(r.issues).toEqual([]);
    expect(coordinates(r)).toEqual([
      [117.1283, 36.6812],
      [120.1917, 35.9602],
    ]);
    // Values stay as written: field types are inferred later, from the strings.
    expect(r.features[0]?.properties['Area (ha)']).toBe('1.234,5');
  });

  it('reads a .tsv, keeps a quoted value with a comma whole, and notes a GCJ-02 header', () => {
    const r = readFixture('parks-tsv.tsv');
    expect(r.issues).toEqual([]);
    expect(coordinates(r)).toEqual([
      [119.5269, 35.4164],
      [122.1204, 37.5131],
    ]);
    expect(r.features[0]?.properties['note']).toBe('deep, water');
    expect(r.declaredCrs).toEqual({ text: 'GCJ-02', from: 'column "lng_gcj02"' });
  });

  it('detects a pipe-separated file', () => {
    const r = readCsv('name|lon|lat\nA|117.1|36.6\n', 'a.txt');
    expect(coordinates(r)).toEqual([[117.1, 36.6]]);
  });
});

describe('readCsv: finding the coordinate columns', () => {
  it('accepts English and Chinese names, any case, padded, with units or a CRS after them', () => {
    for (const header of [
      'lng,lat',
      ' LONGITUDE , Latitude ',
      'X,Y',
      '经度,纬度',
      '东经,北纬',
      '经度(E),纬度(N)',
      'Longitude (°),Latitude (°)',
      'lng_gcj02,lat_gcj02',
      '中心点经度,中心点纬度',
    ]) {
      expect(readCsv(`${header}\n`, 'h.csv').fatal, header).toBeUndefined();
    }
  });

  it('does not take a word that only begins like one (year, latency, longname)', () => {
    const r = readCsv('year,latency,longname\n2020,5,x\n', 'h.csv');
    expect(r.fatal?.code).toBe('no-coordinate-columns');
  });

  it('prefers an exact name over a prefix: "lat" over "lat_note"', () => {
    const r = readCsv('lat_note,lng,lat\n99,117,36\n', 'h.csv');
    expect(coordinates(r)).toEqual([[117, 36]]);
  });

  it('says which columns it looked for and which the file has, in both languages', () => {
    const r = readFixture('no-coords.csv');
    expect(r.features).toEqual([]);
    expect(r.fatal).toMatchObject({ code: 'no-coordinate-columns', file: 'no-coords.csv' });
    expect(r.fatal?.en).toMatch(
      /longitude column named lng, .*经度.*latitude column named lat, .*纬度/,
    );
    expect(r.fatal?.en).toContain('"名称", "地址", "面积"');
    expect(r.fatal?.zh).toMatch(/经度列应名为 lng、.*纬度列应名为 lat、/);
    expect(r.fatal?.zh).toContain('“名称”、“地址”、“面积”');
  });
});

describe('readCsv: problem rows', () => {
  const r = readFixture('bad-rows.csv');
  const byRow = Object.fromEntries(r.issues.map((i) => [i.where, i]));

  it('loads the good rows, including one after a value spanning two lines', () => {
    expect(r.features.map((f) => f.properties['name'])).toEqual([
      'ok one',
      'multi\nline',
      'ok two',
    ]);
    expect(coordinates(r)).toEqual([
      [117.1, 36.6],
      [117.8, 36.8],
      [117.9, 36.9],
    ]);
  });

  it('numbers rows as the file does (header is row 1), skipping blank lines silently', () => {
    expect(r.issues.map((i) => i.where)).toEqual([
      'row 4',
      'row 5',
      'row 6',
      'row 7',
      'row 8',
      'row 9',
      'row 10',
      'row 15',
    ]);
    expect(r.issues.every((i) => i.rejected && i.file === 'bad-rows.csv')).toBe(true);
  });

  it('says what is wrong with each row, quoting the value, in both languages', () => {
    expect(byRow['row 4']).toMatchObject({
      code: 'missing-coordinate',
      en: 'row 4: latitude is empty',
      zh: '第 4 行：缺少纬度',
    });
    expect(byRow['row 5']).toMatchObject({
      code: 'coordinate-not-a-number',
      en: 'row 5: latitude "abc" is not a number',
      zh: '第 5 行：纬度“abc”不是数字',
    });
    expect(byRow['row 6']?.code).toBe('latitude-out-of-range');
    expect(byRow['row 6']?.en).toContain('95.5');
    expect(byRow['row 6']?.zh).toMatch(/^第 6 行：纬度 95\.5 超出/);
    expect(byRow['row 7']?.code).toBe('longitude-out-of-range');
    expect(byRow['row 7']?.en).toContain('longitude 190.25');
    expect(byRow['row 8']?.code).toBe('coordinates-swapped');
    expect(byRow['row 8']?.en).toContain('swapped');
    expect(byRow['row 8']?.zh).toContain('填反');
    expect(byRow['row 9']).toMatchObject({ code: 'wrong-column-count' });
    expect(byRow['row 9']?.en).toBe(
      'row 9: 5 fields, but the header has 4 (is a "," inside a value not quoted?)',
    );
    expect(byRow['row 10']?.en).toBe('row 10: 2 fields, but the header has 4');
    expect(byRow['row 15']?.code).toBe('csv-syntax');
    expect(byRow['row 15']?.en).toContain('quote');
  });

  it('says out of range, not swapped, for points that are far off but not swapped China', () => {
    const r2 = readCsv('lng,lat\n10,100\n117,36\n117,36\n', 'x.csv');
    expect(r2.issues.map((i) => i.code)).toEqual(['latitude-out-of-range']);
  });

  it('numbers rows the same in Windows (CRLF) and old Mac (CR) files', () => {
    for (const eol of ['\r\n', '\r']) {
      const r = readCsv(['lng,lat', '117,36', '', 'x,36', ''].join(eol), 'w.csv');
      expect(r.issues.map((i) => i.where)).toEqual(['row 4']);
      expect(r.features[0]?.properties['lat']).toBe('36');
    }
  });

  it('names both coordinates when both are empty', () => {
    const r2 = readCsv('name,lng,lat\nA,,\n', 'x.csv');
    expect(r2.issues[0]?.en).toBe('row 2: longitude and latitude are empty');
    expect(r2.issues[0]?.zh).toBe('第 2 行：缺少经度和纬度');
  });

  it('keeps projected metres for the pipeline to convert, with one warning, not a rejection each', () => {
    const r2 = readCsv('name,x,y\nA,39512345.6,4056789.1\nB,39512400,4056800\n', 'gk.csv');
    expect(r2.features).toHaveLength(2);
    expect(r2.issues).toHaveLength(1);
    expect(r2.issues[0]).toMatchObject({ code: 'coordinates-not-degrees', rejected: false });
    expect(r2.issues[0]?.en).toContain('39512345.6');
  });
});

describe('readCsv: properties', () => {
  it('names empty headers column_N and repeated ones name_2, keeping every value', () => {
    const r = readCsv('name,,lng,lat,name,name_2\nA,b,117,36,C,D\n', 'x.csv');
    expect(r.features[0]?.properties).toEqual({
      name: 'A',
      column_2: 'b',
      lng: '117',
      lat: '36',
      name_2: 'C',
      name_2_2: 'D',
    });
  });

  it('keeps __proto__, constructor and prototype columns as data without polluting objects', () => {
    const r = readFixture('proto.csv');
    const props = r.features[0]?.properties ?? {};
    expect(Object.keys(props)).toEqual(['__proto__', 'constructor', 'prototype', 'lng', 'lat']);
    expect(Object.getOwnPropertyDescriptor(props, '__proto__')?.value).toBe('polluted');
    expect(props['constructor']).toBe('yes');
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(JSON.parse(JSON.stringify(props))).toEqual(
      JSON.parse(
        '{"__proto__":"polluted","constructor":"yes","prototype":"also","lng":"117.0","lat":"36.0"}',
      ),
    );
  });
});

describe('readCsv: empty and header-only files', () => {
  it('calls an empty or whitespace-only file empty', () => {
    for (const text of ['', '\n\n', '\uFEFF  \r\n']) {
      expect(readCsv(text, 'e.csv').fatal).toMatchObject({ code: 'empty', file: 'e.csv' });
    }
  });

  it('reads a header with no rows as no points and no problem', () => {
    const r = readCsv('name,lng,lat\n', 'h.csv');
    expect(r).toEqual({ format: 'csv', features: [], issues: [] });
  });
});

describe('parseNumber', () => {
  it('reads numbers as spreadsheets hold them', () => {
    expect(parseNumber(' 116.35 ', false)).toBe(116.35);
    expect(parseNumber('1,200', false)).toBe(1200);
    expect(parseNumber('-1,234,567.5', false)).toBe(-1234567.5);
    expect(parseNumber('+3', false)).toBe(3);
    expect(parseNumber('１１６．３５', false)).toBe(116.35);
    expect(parseNumber('116,35', true)).toBe(116.35);
    expect(parseNumber('1.234,5', true)).toBe(1234.5);
    expect(parseNumber('116.350', true)).toBe(116.35);
  });

  it('refuses what is not one number', () => {
    for (const raw of [
      '',
      '  ',
      'abc',
      '116,35',
      '1,2,3',
      '12,34,567',
      '0x1F',
      'Infinity',
      '1e999',
    ]) {
      expect(parseNumber(raw, false), raw).toBeNull();
    }
    expect(parseNumber('1,2,3', true)).toBeNull();
  });

  /** A number written with `digits` decimals, grouped in thousands, in either convention. */
  function written(int: number, digits: number, decimalComma: boolean): string {
    const [group, point] = decimalComma ? ['.', ','] : [',', '.'];
    const abs = String(Math.abs(int)).padStart(digits + 1, '0');
    const whole = abs.slice(0, abs.length - digits).replace(/\B(?=(\d{3})+$)/g, group);
    const frac = digits > 0 ? point + abs.slice(abs.length - digits) : '';
    return (int < 0 ? '-' : '') + whole + frac;
  }

  it('reads back any number written with thousands separators, in both conventions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        (int, digits, decimalComma) => {
          const s = written(int, digits, decimalComma);
          // One point alone is read as a decimal point in a decimal-comma file (see parseNumber).
          fc.pre(!(decimalComma && digits === 0 && /^-?\d{1,3}\.\d{3}$/.test(s)));
          expect(parseNumber(s, decimalComma)).toBe(int / 10 ** digits);
        },
      ),
    );
  });

  it('reads back any double as JavaScript prints it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), (n, dc) => {
        expect(parseNumber(String(n), dc)).toBe(Object.is(n, -0) ? 0 : n); // String(-0) is '0'
      }),
    );
  });
});

describe('readCsv: one column holding both coordinates', () => {
  it('reads "lng,lat" pairs however they are separated or bracketed', () => {
    const text = [
      '名称\t坐标(GCJ02)',
      'A\t117.1,36.6',
      'B\t117.2 36.7',
      'C\t117.3，36.8',
      'D\t[117.4, 36.9]',
    ].join('\n');
    const r = readCsv(text, 'pairs.tsv');
    expect(r.issues).toEqual([]);
    expect(coordinates(r)).toEqual([
      [117.1, 36.6],
      [117.2, 36.7],
      [117.3, 36.8],
      [117.4, 36.9],
    ]);
    expect(r.declaredCrs).toEqual({ text: 'GCJ-02', from: 'column "坐标(GCJ02)"' });
  });

  it('prefers two columns (X坐标, Y坐标) and does not take 经纬度 for a latitude column', () => {
    expect(coordinates(readCsv('X坐标,Y坐标\n117,36\n', 'xy.csv'))).toEqual([[117, 36]]);
    const r = readCsv('x,经纬度\n1,"117.5,36.5"\n', 'p.csv');
    expect(r.fatal).toBeUndefined();
    expect(coordinates(r)).toEqual([[117.5, 36.5]]);
  });

  it('says which row holds something that is not a pair, and flags a pair in the wrong order', () => {
    const r = readCsv('name,coordinates\nA,"117.1"\nB,"36.6,117.1"\nC,\n', 'p.csv');
    expect(r.issues.map((i) => [i.where, i.code])).toEqual([
      ['row 2', 'coordinate-not-a-number'],
      ['row 3', 'coordinates-swapped'],
      ['row 4', 'missing-coordinate'],
    ]);
    expect(r.issues[0]?.en).toBe(
      'row 2: coordinates "117.1" are not a longitude and a latitude (like "117.12,36.65")',
    );
    expect(r.issues[0]?.zh).toContain('第 2 行：坐标“117.1”');
  });
});
