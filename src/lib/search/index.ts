/**
 * Name search over features: Chinese, English, pinyin (full, initials, and mixes such as "shimx").
 * Pure and synchronous; the pinyin converter is injected so that tests and the app decide how the
 * (large) pinyin-pro library is loaded — see ./pinyin.ts and ./load.ts.
 *
 * Every name is turned into tokens (a syllable, an English word, a single Han character), so that
 * a match can be ranked by where it starts: the whole name, the name's start, the start of a token,
 * or (English only) inside a word.
 *
 * This module is the public face; the work is in text.ts (normalizing, tokenizing), build.ts
 * (the index), match.ts (one query against one text) and query.ts (scoring and ranking).
 */
export { buildSearchIndex, type PinyinFn, type SearchEntry, type SearchIndex } from './build.ts';
export { search, type MatchedField, type SearchResult } from './query.ts';
export { normalize, tokenize } from './text.ts';
