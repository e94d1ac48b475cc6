import { describe, expect, it } from 'vitest';
import { describePart, linkNotice } from '../../../src/lib/i18n/link-notice.ts';
import {
  decodeView,
  type DroppedPart,
  type KnownValues,
} from '../../../src/lib/state/url/index.ts';

const known: KnownValues = {
  ids: new Set(['jiaozhou', 'a', 'b', 'c', 'd']),
  industries: new Set(['graphene']),
  fields: new Set(['area']),
};

/** Every kind of problem the link reader reports, from real links. */
const LINKS = [
  'v=2',
  'v=abc',
  'foo=bar',
  'lang=en&lang=zh',
  'sel=nope',
  'ind=steel',
  'ind=graphene,graphene',
  'ch=population',
  'cm=kmeans',
  'lyr=-roads',
  'cb=10,5',
  'cn=x',
  'cn=12',
  'map=8/95/115',
  'map=5/1/2/x',
  'yr=2014',
  'doc=../x.txt',
  'q=1-2',
  'nb=80/jiaozhou',
  'nb=x',
  'embed=yes',
  'bm=http://x',
  'cmp=jiaozhou,nope,a,b,c,d',
  `sel=${'x'.repeat(20_000)}`,
  Array.from({ length: 15 }, (_, i) => `k${i}=1`).join('&'),
];
const parts: DroppedPart[] = [
  ...LINKS.flatMap((hash) => decodeView(hash, known).dropped),
  // Said by the app, not the reader: a field the data cannot sum into districts; a reader crash.
  { key: 'cby', problem: 'not-aggregated', value: 'area', to: '', detail: '' },
  { key: '', problem: 'unreadable', value: '', to: '', detail: '' },
];

/** Latin words of two or more letters, left after taking out the link's own values. */
function latinWords(text: string, values: string[]): string[] {
  let rest = text;
  for (const v of values.filter((x) => x !== '').sort((a, b) => b.length - a.length))
    rest = rest.split(v).join(' ');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

describe('the notice for dropped link parts', () => {
  it('covers every kind of problem in the test links', () => {
    expect(new Set(parts.map((p) => p.problem))).toEqual(
      new Set([
        'newer-version',
        'unknown-key',
        'repeated-key',
        'unknown-feature',
        'unknown-industry',
        'unknown-field',
        'unknown-value',
        'repeated-value',
        'bad-value',
        'changed',
        'too-many',
        'too-long',
        'not-aggregated',
        'unreadable',
        'more',
      ]),
    );
  });

  it('is Chinese only in Chinese: no Latin word but the link’s own values', () => {
    for (const p of parts) {
      const text = describePart(p, 'zh');
      expect(latinWords(text, [p.value, p.to]), text).toEqual([]);
      expect(text).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('is English only in English: no Chinese character', () => {
    for (const p of parts) {
      const text = describePart(p, 'en');
      expect(text, text).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
      expect(text).toMatch(/^[A-Z"…]/);
    }
  });

  it('names the part of the view and the value', () => {
    const [sel] = decodeView('sel=nope', known).dropped;
    expect(sel && describePart(sel, 'zh')).toBe('选中的地点：未找到“nope”。');
    expect(sel && describePart(sel, 'en')).toBe('Selected place: "nope" was not found.');
    const [cn] = decodeView('cn=12', known).dropped;
    expect(cn && describePart(cn, 'en')).toBe(
      'Number of classes: "12" is out of range or unreadable; 9 is used instead.',
    );
  });

  it('says what a usable value looks like', () => {
    const [yr] = decodeView('yr=2014', known).dropped;
    expect(yr && describePart(yr, 'zh')).toBe('年份：“2014”无法使用：应为 2015–2021 年。');
    expect(yr && describePart(yr, 'en')).toBe(
      'Year: "2014" cannot be used: expected a year from 2015 to 2021.',
    );
  });

  it('says first, apart from the list, that a link is from a newer version', () => {
    const { dropped } = decodeView('v=2&sel=nope', known);
    expect(linkNotice(dropped, 'zh')).toEqual({
      newer: '此链接来自更新版本的园区地图，可能无法完全按分享时的样子打开。',
      items: ['选中的地点：未找到“nope”。'],
    });
    expect(linkNotice(dropped, 'en')).toEqual({
      newer:
        'This link is from a newer version of Park Atlas and may not open exactly as it was shared.',
      items: ['Selected place: "nope" was not found.'],
    });
    expect(linkNotice(decodeView('v=1&sel=nope', known).dropped, 'en').newer).toBeNull();
  });
});
