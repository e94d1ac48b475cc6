import type { MessageKey } from '../lib/i18n/index.ts';
import type { Lang } from '../lib/state/view.ts';

/** The page's language (for screen readers and fonts) and title, in the page's language. */
export function labelDocument(doc: Document, lang: Lang, t: (key: MessageKey) => string): void {
  doc.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  doc.title = `${t('appName')} · ${t('appNameLatin')}`;
}
