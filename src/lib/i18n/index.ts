import type { Lang } from '../state/view.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';

/** Every UI string key; a key missing from a dictionary fails the type check. */
export type MessageKey = keyof typeof zh;
export type Dictionary = Record<MessageKey, string>;

const dictionaries: Record<Lang, Dictionary> = { zh, en };

/** The translator for a language: `t('loading')`. */
export function translator(lang: Lang): (key: MessageKey) => string {
  const dict = dictionaries[lang];
  return (key) => dict[key];
}
