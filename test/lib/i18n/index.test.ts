import { describe, expect, it } from 'vitest';
import { hasLanguage, loadLanguage, translator } from '../../../src/lib/i18n/index.ts';
import { en } from '../../../src/lib/i18n/en.ts';
import { zh } from '../../../src/lib/i18n/zh.ts';

describe('translator', () => {
  it('has Chinese at once, and English once it has been loaded', async () => {
    expect(hasLanguage('zh')).toBe(true);
    expect(translator('zh')('share')).toBe(zh.share);
    if (!hasLanguage('en')) {
      // Until then Chinese stands in, never a missing string.
      expect(translator('en')('share')).toBe(zh.share);
    }
    await loadLanguage('en');
    expect(hasLanguage('en')).toBe(true);
    expect(translator('en')('share')).toBe(en.share);
    expect(en.share).not.toBe(zh.share);
  });
});
