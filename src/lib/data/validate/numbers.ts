/** Reading numbers out of quotes, Arabic and Chinese numerals alike, for the figure checks. */

/**
 * The numbers written in a text, for "is this figure's value in its quote?".
 *
 * - Arabic numerals are whole tokens: "227" gives 227, and 27 does not match it; "346.4" gives
 *   346.4; "17000余" gives 17000 (余 "more than" qualifies the value, as written); "80+" gives 80.
 * - ASCII commas between groups of three digits are thousands separators ("17,000" → 17000). The
 *   full-width comma ，/, is never one: the documents use it as sentence punctuation, where
 *   "5个,22家" must stay two numbers. Full-width digits are read as ASCII digits.
 * - Chinese numerals are read too ("三大" → 3, "六大" → 6, "十多个" → 10, "二〇一七" → 2017). A
 *   unit alone ("过亿元", "超万家", "每万人") is not a number: it states an order of magnitude,
 *   not a value, and the contract stores values as written without unit conversion.
 */
export function numbersIn(text: string): number[] {
  const ascii = text.replace(/[\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  const out: number[] = [];
  for (const m of ascii.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)) {
    out.push(Number(m[0].replaceAll(',', '')));
  }
  for (const m of ascii.matchAll(/[〇零一二两三四五六七八九十百千万亿]+/g)) {
    const n = parseChineseNumeral(m[0]);
    if (n !== null) out.push(n);
  }
  return out;
}

/** True when `value` is one of the numbers written in `quote` (see numbersIn). */
export function quoteHasValue(quote: string, value: number): boolean {
  return numbersIn(quote).some((n) => Math.abs(n - value) < 1e-9);
}

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Parses a run of Chinese numeral characters; null for a run without any digit (e.g. "万"). */
export function parseChineseNumeral(run: string): number | null {
  const chars = [...run];
  if (!chars.some((c) => c in CN_DIGITS || c === '十')) return null;
  // Digit-by-digit form, as in years: 二〇一七 → 2017.
  if (chars.length > 1 && chars.every((c) => c in CN_DIGITS)) {
    return Number(chars.map((c) => CN_DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of chars) {
    const d = CN_DIGITS[c];
    const small = CN_SMALL_UNITS[c];
    const big = CN_BIG_UNITS[c];
    if (d !== undefined) {
      digit = d;
    } else if (small !== undefined) {
      section += (digit || 1) * small; // 十 alone means 10
      digit = 0;
    } else if (big !== undefined) {
      total += (section + digit || 1) * big;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}
