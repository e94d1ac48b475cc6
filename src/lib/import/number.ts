/**
 * Numbers as people type them into spreadsheets: padded, with thousands separators, with a
 * decimal comma (European CSV, where `;` separates the fields), or in full-width digits from a
 * Chinese input method.
 */

/** The characters halfWidth changes. */
const WIDE = /[\u2212\uFF01-\uFF5E]/;

/** Full-width digits and signs (０-９ ． － ＋ ，) to their ASCII forms; U+2212 minus to `-`. */
function halfWidth(s: string): string {
  // Most cells have none: one test, no copies.
  if (!WIDE.test(s)) return s;
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u2212/g, '-');
}

/** `1,234,567.5`: groups of three after the first, so `116,35` is not read as 11635. */
const GROUPED_POINT = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** `1.234.567,5` or `1 234 567,5`: the decimal-comma world's grouping. */
const GROUPED_COMMA = /^[+-]?\d{1,3}([. ]\d{3})+(,\d+)?$/;
/** A plain decimal number once the separators are settled; no hex, no `Infinity`. */
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The number a cell holds, or null when it is not one (empty, text, `1,2,3`).
 * `decimalComma`: the file's decimal separator is a comma (`116,35` is 116.35), as in a
 * semicolon-separated file; a point is still read as a decimal point there, since coordinates
 * like `116.350` are far more common than `1.200` meaning twelve hundred.
 */
export function parseNumber(raw: string, decimalComma: boolean): number | null {
  // The common cell, a plain number as typed: what the steps below would make of it anyway.
  if (PLAIN.test(raw)) return finite(Number(raw));
  let s = halfWidth(raw).trim();
  if (s === '') return null;
  if (decimalComma) {
    // One point alone stays a decimal point; a comma, spaces or two points make it grouping.
    if (GROUPED_COMMA.test(s) && /[, ]|\..*\./.test(s)) {
      s = s.replace(/[. ]/g, '').replace(',', '.');
    } else if (/^[+-]?\d*,\d+$/.test(s)) {
      s = s.replace(',', '.');
    }
  } else if (GROUPED_POINT.test(s)) {
    s = s.replace(/,/g, '');
  }
  return PLAIN.test(s) ? finite(Number(s)) : null;
}

const finite = (n: number) => (Number.isFinite(n) ? n : null);
