/**
 * Folding and tokenising names and queries alike: case, width and accents folded, words split at
 * punctuation, Han characters one token each.
 */

const SEPARATORS = /[^\p{L}\p{N}]+/u;
/** A Han character alone, or a run of anything else. */
const HAN_OR_RUN = /\p{Script=Han}|[^\p{Script=Han}]+/gu;
const MARKS = /\p{M}+/gu;

/** u + combining diaeresis, i.e. ü in NFD, whatever tone mark follows (ǖ ǘ ǚ ǜ). */
const U_UMLAUT = /u\u0308/g;

/**
 * Case-, width- and accent-folded text before separators are dropped. NFKC turns full-width forms
 * into ASCII. ü becomes v, as in pinyin input methods ("lv"), so "lü" and "lv" both find 铝; then
 * accents go so that tone marks ("shí") and "é" match plain letters.
 */
function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(U_UMLAUT, 'v')
    .replace(MARKS, '')
    .normalize('NFC');
}

/** Tokens of a string: words split at anything not a letter or digit, Han characters one by one. */
export function tokenize(s: string): string[] {
  if (typeof s !== 'string') return [];
  const out: string[] = [];
  for (const word of fold(s).split(SEPARATORS)) {
    if (word === '') continue;
    for (const part of word.match(HAN_OR_RUN) ?? []) out.push(part);
  }
  return out;
}

/**
 * NFKC, lower case, no accents, no whitespace or punctuation; letters (CJK included) and digits
 * stay. Both the index and queries go through it, so "  ShiMo Xi " and "shimoxi" are one query.
 */
export function normalize(s: string): string {
  return tokenize(s).join('');
}
