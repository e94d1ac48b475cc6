import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatDate,
  formatNumber,
  formatPeriod,
  formatQuantity,
  hasChinese,
  precisionNoteKey,
  unitLabel,
  unitTranslation,
} from '../../../src/lib/format/figures.ts';
import { en } from '../../../src/lib/i18n/en.ts';
import { zh } from '../../../src/lib/i18n/zh.ts';

describe('formatNumber', () => {
  it('groups thousands in both languages', () => {
    expect(formatNumber(17000, 'en')).toBe('17,000');
    expect(formatNumber(17000, 'zh')).toBe('17,000');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
  });

  it('keeps the decimals as written instead of rounding a quoted figure', () => {
    expect(formatNumber(63.2, 'zh')).toBe('63.2');
    expect(formatNumber(0.125, 'en')).toBe('0.125');
    expect(formatNumber(3.14159, 'en')).toBe('3.14159');
  });

  it('leaves small whole numbers and zero alone', () => {
    expect(formatNumber(6, 'zh')).toBe('6');
    expect(formatNumber(0, 'en')).toBe('0');
    expect(formatNumber(-12.5, 'en')).toBe('-12.5');
  });
});

describe('unit labels', () => {
  it('shows units as written in Chinese', () => {
    expect(unitLabel('亿元', 'zh')).toBe('亿元');
    expect(unitLabel('家', 'zh')).toBe('家');
  });

  it('explains 亿元 and 万元 in English and keeps the original for matching the quote', () => {
    expect(unitLabel('亿元', 'en')).toBe('100 million CNY (亿元)');
    expect(unitLabel('万元', 'en')).toBe('10,000 CNY (万元)');
    expect(unitLabel('平方米', 'en')).toBe('m² (平方米)');
  });

  it('leaves counters, percent and unknown units as written', () => {
    expect(unitLabel('个', 'en')).toBe('个');
    expect(unitLabel('%', 'en')).toBe('%');
    expect(unitLabel('furlongs', 'en')).toBe('furlongs');
    expect(unitTranslation('个')).toBeNull();
  });

  it('does not mistake Object.prototype members for units', () => {
    expect(unitTranslation('constructor')).toBeNull();
    expect(unitLabel('toString', 'en')).toBe('toString');
  });

  it('detects Chinese text so it can carry lang="zh"', () => {
    expect(hasChinese('亿元')).toBe(true);
    expect(hasChinese('%')).toBe(false);
    expect(hasChinese('m²')).toBe(false);
  });
});

describe('formatQuantity', () => {
  it('writes value and unit together', () => {
    expect(formatQuantity(63.2, '亿元', 'zh')).toBe('63.2亿元');
    expect(formatQuantity(91.8, '%', 'en')).toBe('91.8%');
    expect(formatQuantity(17000, '平方米', 'en')).toBe('17,000 m²');
    expect(formatQuantity(63.2, '亿元', 'en')).toBe('63.2 × 100 million CNY');
    // A counter in English: the count alone (#15 point 20).
    expect(formatQuantity(24, '个', 'en')).toBe('24');
    expect(formatQuantity(3, 'furlongs', 'en')).toBe('3 furlongs');
  });
});

describe('formatPeriod', () => {
  it('reads a period within one year', () => {
    expect(formatPeriod(null, '2015-01/2015-11', 'en')).toBe('Jan–Nov 2015');
    expect(formatPeriod(null, '2015-01/2015-11', 'zh')).toBe('2015年1–11月');
  });

  it('prefers the period over the year when both are given', () => {
    expect(formatPeriod(2015, '2015-01/2015-11', 'en')).toBe('Jan–Nov 2015');
  });

  it('reads a period across years and a one-month period', () => {
    expect(formatPeriod(null, '2014-12/2015-11', 'en')).toBe('Dec 2014 – Nov 2015');
    expect(formatPeriod(null, '2014-12/2015-11', 'zh')).toBe('2014年12月–2015年11月');
    expect(formatPeriod(null, '2015-11/2015-11', 'en')).toBe('Nov 2015');
    expect(formatPeriod(null, '2015-11/2015-11', 'zh')).toBe('2015年11月');
  });

  it('shows a year alone, and nothing when neither is known', () => {
    expect(formatPeriod(2017, null, 'en')).toBe('2017');
    expect(formatPeriod(2017, null, 'zh')).toBe('2017年');
    expect(formatPeriod(null, null, 'en')).toBeNull();
    expect(formatPeriod(null, null, 'zh')).toBeNull();
  });

  it('returns an unparseable period as written', () => {
    expect(formatPeriod(null, 'spring 2015', 'en')).toBe('spring 2015');
  });
});

describe('formatDate', () => {
  it('keeps the precision the data has', () => {
    expect(formatDate('2017', 'en')).toBe('2017');
    expect(formatDate('2017', 'zh')).toBe('2017年');
    expect(formatDate('2021-03', 'en')).toBe('Mar 2021');
    expect(formatDate('2021-03', 'zh')).toBe('2021年3月');
    expect(formatDate('2021-03-05', 'en')).toBe('5 Mar 2021');
    expect(formatDate('2021-03-05', 'zh')).toBe('2021年3月5日');
  });

  it('returns anything else as written', () => {
    expect(formatDate('March 2021', 'en')).toBe('March 2021');
    expect(formatDate('', 'zh')).toBe('');
  });
});

describe('precisionNoteKey', () => {
  it('explains approximate points by how they were placed', () => {
    expect(precisionNoteKey('town', 'town', null)).toBe('detailsPrecisionTown');
    expect(precisionNoteKey('zone', 'zone', null)).toBe('detailsPrecisionZone');
  });

  it('says an address inside an approximately placed parent is schematic too', () => {
    expect(precisionNoteKey('address', 'zone', null)).toBe('detailsPrecisionParent');
    expect(precisionNoteKey('town', 'zone', null)).toBe('detailsPrecisionParent');
  });

  it('explains an approximate zone outline, and not an official one', () => {
    expect(precisionNoteKey('zone', 'zone', { outline: 'approximate' })).toBe(
      'detailsPrecisionOutline',
    );
    expect(precisionNoteKey('zone', 'zone', {})).toBe('detailsPrecisionOutline');
    expect(precisionNoteKey('zone', 'zone', { outline: 'official' })).toBeNull();
  });

  it('has nothing to explain for an address', () => {
    expect(precisionNoteKey('address', 'address', null)).toBeNull();
  });

  it('only returns keys with text in both dictionaries', () => {
    const ps = ['address', 'town', 'zone'] as const;
    for (const p of ps)
      for (const e of ps)
        for (const area of [null, {}, { outline: 'approximate' as const }]) {
          const key = precisionNoteKey(p, e, area);
          if (key === null) continue;
          expect(zh[key]).toBeTruthy();
          expect(en[key]).toBeTruthy();
        }
  });
});

describe('formatAmount: the qualifier the text writes, in both languages', () => {
  it('keeps 余 and its kin after the number in Chinese, and says "over" in English', () => {
    expect(formatAmount(17000, '余', 'zh')).toBe('17,000余');
    expect(formatAmount(17000, '余', 'en')).toBe('over 17,000');
    expect(formatAmount(600, '超过', 'zh')).toBe('超过600');
    expect(formatAmount(600, '超过', 'en')).toBe('over 600');
    expect(formatAmount(5, '以上', 'en')).toBe('5 or more');
    expect(formatAmount(600, '左右', 'en')).toBe('about 600');
    expect(formatAmount(9, '近', 'en')).toBe('nearly 9');
    expect(formatAmount(63.2, undefined, 'en')).toBe('63.2');
  });
});

describe('formatPeriod: figures that run to a date', () => {
  it('says "as of" for to_date and "since" for since_YYYY', () => {
    expect(formatPeriod(null, 'to_date', 'en', '2021-03')).toBe('as of Mar 2021');
    expect(formatPeriod(null, 'to_date', 'zh', '2021-03')).toBe('截至2021年3月');
    expect(formatPeriod(null, 'since_2017', 'en', '2018-10-08')).toBe('since 2017 (to 8 Oct 2018)');
    expect(formatPeriod(null, 'since_2017', 'zh', '2018-10-08')).toBe(
      '2017年以来（截至2018年10月8日）',
    );
  });
});
