/**
 * Bytes to text for the text formats (CSV, GeoJSON, KML…). Files come from Excel and government
 * portals as often as from GIS tools, so UTF-8 is tried first and GB18030 (a superset of GBK,
 * what Chinese Excel saves "CSV" as) is the fallback; UTF-16 is what Excel's "Unicode text" is.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** How many leading bytes the BOM-less UTF-16 guess looks at: enough, and fast on big files. */
const SNIFF_BYTES = 4096;

/** The encoding a byte-order mark names, and its length, or null without one. */
function bomOf(b: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a BOM: text that is mostly ASCII (digits, commas, Latin headers) has a NUL in
 * every other byte, at odd offsets in little-endian and at even ones in big-endian. No real
 * UTF-8 or GBK text has NULs at all, so a third of one parity being NUL is a safe sign.
 */
function utf16Guess(b: Uint8Array): TextEncoding | null {
  const n = Math.min(b.length, SNIFF_BYTES);
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (b[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const half = n / 2;
  if (odd > half / 3 && even < half / 20) return 'utf-16le';
  if (even > half / 3 && odd < half / 20) return 'utf-16be';
  return null;
}

/** Decodes a file's bytes, saying which encoding it turned out to be. The BOM is never kept. */
export function decodeText(bytes: ArrayBuffer): DecodedText {
  const b = new Uint8Array(bytes);
  const bom = bomOf(b);
  if (bom) {
    const text = new TextDecoder(bom.encoding).decode(b.subarray(bom.length));
    return { text, encoding: bom.encoding };
  }
  const utf16 = utf16Guess(b);
  if (utf16) return { text: new TextDecoder(utf16).decode(b), encoding: utf16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: GB18030 decodes any byte sequence, so this never throws.
    return { text: new TextDecoder('gb18030').decode(b), encoding: 'gb18030' };
  }
}

/**
 * True when text is an HTML page: a URL that answered with a login or error page instead of
 * the data, which would otherwise be reported as a baffling syntax error.
 */
export function looksLikeHtml(text: string): boolean {
  return /^\uFEFF?\s*<(!doctype\s+html|html)[\s>]/i.test(text);
}
