import type { Lang } from '../state/view.ts';
import { zh } from './zh.ts';

/** Every UI string key; a key missing from a dictionary fails the type check. */
export type MessageKey = keyof typeof zh;
export type Dictionary = Record<MessageKey, string>;

/**
 * Chinese ships with the app; English is a chunk of its own, loaded when asked for (a link with
 * `lang=en` is opened only once it is here, the language switch as soon as it arrives), so
 * every visit does not load both (the JS each visit loads has a budget).
 */
const dictionaries: Partial<Record<Lang, Dictionary>> = { zh };
const loaders: Record<Lang, () => Promise<Dictionary>> = {
  zh: async () => zh,
  en: async () => (await import('./en.ts')).en,
};

export function hasLanguage(lang: Lang): boolean {
  return dictionaries[lang] !== undefined;
}

export async function loadLanguage(lang: Lang): Promise<void> {
  dictionaries[lang] ??= await loaders[lang]();
}

/** The translator for a language (Chinese until that language has loaded): `t('loading')`. */
export function translator(lang: Lang): (key: MessageKey) => string {
  const dict = dictionaries[lang] ?? zh;
  return (key) => dict[key];
}
