/**
 * The names of a layer too big to index with pinyin (more than NAMES_SENT_UP_TO features), as one
 * string: the worker builds it, the page scans it. One string is one cheap structured clone, and
 * a scan of 100,000 names takes a few milliseconds, with no index to build.
 *
 * Layout: each record is `\u0000name\u0001id`; a separator inside a name or an id becomes a space.
 */
const RECORD = '\u0000';
const FIELD = '\u0001';

const [RECORD_CODE, FIELD_CODE, SPACE] = [0, 1, 32];

const clean = (s: string) => s.replaceAll(RECORD, ' ').replaceAll(FIELD, ' ');

/** [id, name] pairs as one scannable string. */
export function nameText(pairs: Iterable<readonly [string, string]>): string {
  let out = '';
  for (const [id, name] of pairs) out += RECORD + clean(name) + FIELD + clean(id);
  return out;
}

/**
 * The same text as UTF-16 code units (this platform's byte order; page and worker share it):
 * a buffer the worker transfers, where 592,000 names as a string were a 22 MB clone the page
 * spent ~90 ms on in the task receiving them (#16). The page decodes it when first searched.
 */
export function nameCodes(pairs: Iterable<readonly [string, string]>): Uint16Array {
  // Written straight into the buffer as nameText lays it out: no string of it is built.
  let codes = new Uint16Array(1 << 16);
  let n = 0;
  /** `separator`, then `s` with any separator in it as a space. */
  const put = (separator: number, s: string) => {
    if (n + s.length + 1 > codes.length) {
      const grown = new Uint16Array(Math.max(codes.length * 2, n + s.length + 1));
      grown.set(codes);
      codes = grown;
    }
    codes[n++] = separator;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      codes[n++] = c === RECORD_CODE || c === FIELD_CODE ? SPACE : c;
    }
  };
  for (const [id, name] of pairs) {
    put(RECORD_CODE, name);
    put(FIELD_CODE, id);
  }
  return codes.slice(0, n);
}

/** The text of nameCodes back. */
export const textOfCodes = (codes: Uint16Array): string =>
  new TextDecoder('utf-16le').decode(codes);

/**
 * Up to `limit` [id, name] of names containing `query`, case-insensitively, in layer order.
 * `folded` is `text.toLowerCase()`, passed in so that a caller scanning on every keystroke folds
 * the text once (lower-casing keeps each UTF-16 offset for the scripts names use here).
 */
export function scanNames(
  text: string,
  folded: string,
  query: string,
  limit: number,
): [string, string][] {
  const q = query.trim().toLowerCase();
  if (!q || q.includes(RECORD) || q.includes(FIELD)) return [];
  // Lower-casing that changed a length (rare letters such as İ) would shift offsets: match as is.
  const foldable = folded.length === text.length;
  const hay = foldable ? folded : text;
  const needle = foldable ? q : query.trim();
  const out: [string, string][] = [];
  let from = 0;
  while (out.length < limit) {
    const at = hay.indexOf(needle, from);
    if (at < 0) break;
    const start = text.lastIndexOf(RECORD, at) + 1;
    const field = text.indexOf(FIELD, start);
    const next = text.indexOf(RECORD, at);
    const end = next < 0 ? text.length : next;
    // A match in the id part is not a name match: go on after this record.
    if (field >= 0 && at + needle.length <= field)
      out.push([text.slice(field + 1, end), text.slice(start, field)]);
    from = end;
  }
  return out;
}
