/**
 * Pinyin for the search index, from pinyin-pro. A module of its own because pinyin-pro carries a
 * dictionary (≈140 kB gzipped): the app loads it with `import()` when search is first used.
 */
import { pinyin } from 'pinyin-pro';
import type { PinyinFn } from './index.ts';

/**
 * `full`: syllables without tones, separated by spaces ("shi mo xi chan ye yuan"); `initials`: one
 * letter per syllable ("smxcyy"). Characters that are not Chinese pass through as they are, as one
 * run in `full` and in `initials` (ZHU梦工厂 → "ZHU meng gong chang", "ZHUmgc"); the index splits
 * such runs into words and drops their punctuation. Polyphonic characters get the reading pinyin-pro
 * picks from context (重庆 → chong qing).
 */
export const pinyinOf: PinyinFn = (zh) => {
  const words: string[] = [];
  let initials = '';
  let other = '';
  // type 'all' gives reading and initial in one pass, and says which characters are Chinese.
  for (const c of pinyin(zh, { toneType: 'none', type: 'all' })) {
    if (c.isZh) {
      words.push(other, c.pinyin);
      initials += c.first;
      other = '';
    } else {
      other += c.origin;
      initials += c.origin;
    }
  }
  words.push(other);
  return { full: words.filter((w) => w !== '').join(' '), initials };
};
