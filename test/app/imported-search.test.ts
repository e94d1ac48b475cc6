import { describe, expect, it } from 'vitest';
import { hitOf, ImportedSearch } from '../../src/app/imported-search.ts';
import { nameCodes } from '../../src/lib/import/name-text.ts';

/** A layer of 30,000 points: past NAMES_SENT_UP_TO, so its names come as one text (code units). */
const big = {
  summary: {
    id: 'L1',
    names: null,
    nameText: nameCodes(
      Array.from(
        { length: 30_000 },
        (_, i) => [`p${i}`, i === 29_999 ? '石墨烯产业园' : `企业 ${i}`] as const,
      ),
    ),
  },
  settings: { visible: true, title: 'enterprises.csv' },
};

describe('search over imported layers', () => {
  it('finds names in a layer too big for the pinyin index, with no engine needed', () => {
    const options = new ImportedSearch().options([big], '石墨烯', null, 'imported');
    expect(options).toEqual([
      { id: options[0]!.id, label: '石墨烯产业园', secondary: 'enterprises.csv', kind: 'imported' },
    ]);
    expect(hitOf(options[0]!.id)).toEqual({ layer: 'L1', id: 'p29999' });
  });

  it('lists at most `limit`, and nothing from a hidden layer', () => {
    const search = new ImportedSearch();
    expect(search.options([big], '企业 1', null, 'x', 5)).toHaveLength(5);
    const hidden = { ...big, settings: { ...big.settings, visible: false } };
    expect(search.options([hidden], '石墨烯', null, 'x')).toEqual([]);
  });
});
