/**
 * The one choice of a bilingual value by language: names (`name_zh`/`name_en`), labels
 * (`label_zh`/`label_en`) and `zh`/`en` pairs, and the other language of a page.
 */
import type { Lang } from '../state/view.ts';

export const otherLang = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');

/** A thing's name in `lang`. */
export const nameIn = (x: { name_zh: string; name_en: string }, lang: Lang): string =>
  lang === 'zh' ? x.name_zh : x.name_en;

/** A field's or figure's label in `lang`. */
export const labelIn = (x: { label_zh: string; label_en: string }, lang: Lang): string =>
  lang === 'zh' ? x.label_zh : x.label_en;

/** A `{ zh, en }` pair's text in `lang`. */
export const textIn = (x: { zh: string; en: string }, lang: Lang): string => x[lang];
