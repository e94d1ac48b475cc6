/**
 * How figures, units, periods and dates read in each UI language. Pure functions, no Svelte: the
 * details panel renders with them and other panels (list values, legends) can reuse them.
 *
 * Values are shown as stored, never converted (data/README.md, "Figures"): 63.2 亿元 stays 63.2 with
 * its unit explained in English, not 6.32 billion.
 */
import type { Precision, Qualifier } from '../data/schema.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { Lang } from '../state/view.ts';

/** BCP 47 locale for number formatting; zh-CN and en both group thousands with a comma. */
export function numberLocale(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();

/**
 * A number with thousands separators in the language's locale: 17000 → "17,000". Decimals are kept
 * as written (up to 6), because rounding a quoted figure would make it disagree with its quote.
 */
export function formatNumber(value: number, lang: Lang): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(numberLocale(lang), { maximumFractionDigits: 6 });
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

/** Qualifiers the text writes before its number (超过600); the others follow it (17000余, 5个以上). */
const BEFORE_ZH = new Set<Qualifier>(['超过', '突破', '约', '近']);
const QUALIFIER_EN: Readonly<Record<Qualifier, [string, string]>> = {
  余: ['over ', ''],
  多: ['over ', ''],
  超过: ['over ', ''],
  突破: ['over ', ''],
  以上: ['', ' or more'],
  约: ['about ', ''],
  左右: ['about ', ''],
  近: ['nearly ', ''],
};

/**
 * A number with its qualifier as the text writes it: "17,000余" / "over 17,000", "超过600" /
 * "over 600", "5以上" / "5 or more". No qualifier: the number alone.
 */
export function formatAmount(value: number, qualifier: Qualifier | undefined, lang: Lang): string {
  const n = formatNumber(value, lang);
  if (qualifier === undefined) return n;
  if (lang === 'zh') return BEFORE_ZH.has(qualifier) ? `${qualifier}${n}` : `${n}${qualifier}`;
  const [before, after] = QUALIFIER_EN[qualifier];
  return `${before}${n}${after}`;
}

/**
 * English explanations of the units the documents write (data/README.md lists them). Counters such
 * as 个, 家 and 件 are left out: their meaning is in the figure's label, so they stay as written.
 */
const UNIT_EN: Readonly<Record<string, string>> = {
  亿元: '100 million CNY',
  万元: '10,000 CNY',
  元: 'CNY',
  亿美元: '100 million USD',
  万美元: '10,000 USD',
  平方米: 'm²',
  万平方米: '10,000 m²',
  平方公里: 'km²',
  亩: 'mu',
  米: 'm',
};

/** The English explanation of a unit, or null when it is shown as written. */
export function unitTranslation(unit: string): string | null {
  return Object.hasOwn(UNIT_EN, unit) ? (UNIT_EN[unit] ?? null) : null;
}

/**
 * Chinese counters (个, 家, 类, …): in English a count stands alone, since the figure's or
 * field's label already says what is counted ("National-level innovation platforms: 8").
 */
const COUNTERS = new Set(['个', '所', '家', '件', '人', '户', '类', '条', '名', '项', '支', '场']);

/**
 * A unit in one language only, for menus, legends and lists (no quote beside them to match):
 * Chinese as written; English its explanation ("100 million CNY"), '' for a counter, else as
 * written. The details panel keeps "100 million CNY (亿元)" (unitLabel) next to its quote.
 */
export function unitIn(unit: string, lang: Lang): string {
  if (lang === 'zh') return unit;
  if (COUNTERS.has(unit)) return '';
  return unitTranslation(unit) ?? unit;
}

/** "Label (unit)" in one language: the label alone when the unit reads as nothing (a count). */
export function withUnit(label: string, unit: string, lang: Lang): string {
  const u = unitIn(unit, lang);
  return u === '' ? label : `${label} (${u})`;
}

/**
 * A unit as plain text: as written in Chinese; in English "100 million CNY (亿元)" so the reader
 * both understands it and can match it against the quote. Units with no explanation stay as written.
 */
export function unitLabel(unit: string, lang: Lang): string {
  const en = lang === 'en' ? unitTranslation(unit) : null;
  return en === null ? unit : `${en} (${unit})`;
}

/** Whether a text holds Chinese characters, so it can be marked `lang="zh"` for screen readers. */
export function hasChinese(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/**
 * Value and unit as one string, for places with no room for two columns (list rows, comparison
 * cells): "63.2亿元" and "91.8%" in Chinese; in English one language only (unitIn), "63.2 × 100
 * million CNY", "17,000 m²", and a count alone ("24") since the label says what is counted.
 */
export function formatQuantity(value: number, unit: string, lang: Lang): string {
  const number = formatNumber(value, lang);
  if (unit === '%' || lang === 'zh') return `${number}${unit}`;
  const u = unitIn(unit, lang);
  if (u === '') return number;
  // "× 100 million CNY": a unit that starts with a number multiplies, it does not follow.
  return /^\d/.test(u) ? `${number} × ${u}` : `${number} ${u}`;
}

const MONTHS_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** "Mar" for 3; the month number itself when out of range, so bad data still shows something. */
function monthEn(month: number): string {
  return MONTHS_EN[month - 1] ?? String(month);
}

const PERIOD = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/;

/**
 * The year or period a figure refers to: `2015-01/2015-11` → "Jan–Nov 2015" / "2015年1–11月";
 * `to_date` → "as of Mar 2021" / "截至2021年3月"; `since_2017` → "since 2017 (to 8 Oct 2018)" /
 * "2017年以来（截至2018年10月8日）";
 * a year alone → "2017" / "2017年"; neither → null (show nothing rather than guess).
 * A period string that does not parse is returned as written.
 */
export function formatPeriod(
  year: number | null,
  period: string | null,
  lang: Lang,
  asOf?: string,
): string | null {
  if (period === 'to_date') {
    if (asOf === undefined) return lang === 'zh' ? '截至目前' : 'to date';
    return lang === 'zh' ? `截至${formatDate(asOf, lang)}` : `as of ${formatDate(asOf, lang)}`;
  }
  const since = /^since_(\d{4})$/.exec(period ?? '');
  if (since) {
    const to = asOf === undefined ? '' : formatDate(asOf, lang);
    if (lang === 'zh') return `${since[1]}年以来${to ? `（截至${to}）` : ''}`;
    return `since ${since[1]}${to ? ` (to ${to})` : ''}`;
  }
  if (period !== null) {
    const m = PERIOD.exec(period);
    if (!m) return period;
    const [y1, m1, y2, m2] = [m[1], m[2], m[3], m[4]].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    if (y1 === y2 && m1 === m2) return formatDate(`${y1}-${m[2]}`, lang);
    if (y1 === y2) {
      return lang === 'zh' ? `${y1}年${m1}–${m2}月` : `${monthEn(m1)}–${monthEn(m2)} ${y1}`;
    }
    return lang === 'zh'
      ? `${y1}年${m1}月–${y2}年${m2}月`
      : `${monthEn(m1)} ${y1} – ${monthEn(m2)} ${y2}`;
  }
  if (year !== null) return lang === 'zh' ? `${year}年` : String(year);
  return null;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A timeline date as precise as it is stored: `2017` → "2017" / "2017年", `2021-03` → "Mar 2021" /
 * "2021年3月", `2021-03-05` → "5 Mar 2021" / "2021年3月5日". Anything else is returned as written.
 */
export function formatDate(date: string, lang: Lang): string {
  const m = DATE.exec(date);
  if (!m) return date;
  const year = m[1] ?? '';
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (lang === 'zh') {
    return `${year}年${month === null ? '' : `${month}月`}${day === null ? '' : `${day}日`}`;
  }
  if (month === null) return year;
  return `${day === null ? '' : `${day} `}${monthEn(month)} ${year}`;
}

/**
 * Which explanation goes with an approximate location, or null for an exact one. `precision` is
 * the feature's own, `effective` the weakest along its parents (data/precision.ts); `outline`
 * is a zone's: an official boundary needs no note.
 */
export function precisionNoteKey(
  precision: Precision,
  effective: Precision,
  area: { outline?: 'official' | 'approximate' } | null,
): MessageKey | null {
  if (area) return area.outline === 'official' ? null : 'detailsPrecisionOutline';
  if (effective === 'address') return null;
  if (effective !== precision) return 'detailsPrecisionParent';
  return precision === 'town' ? 'detailsPrecisionTown' : 'detailsPrecisionZone';
}
