import { describe, expect, it } from 'vitest';
import { dedupePoints, inViewItems, type RenderedFeature } from '../../../src/lib/list/in-view.ts';
import { buildSearchIndex, search } from '../../../src/lib/search/index.ts';
import { pinyinOf } from '../../../src/lib/search/pinyin.ts';

const point = (id: string, name_zh: string, value?: number, lng = 116): RenderedFeature => ({
  properties: {
    id,
    kind: 'park',
    name_zh,
    name_en: `Park ${id}`,
    ...(value === undefined ? {} : { fig_total_investment: value }),
  },
  geometry: { type: 'Point', coordinates: [lng, 36] },
});

// The same point drawn from two tiles (one's buffer), as queryRenderedFeatures returns it.
const rendered = [
  point('b', '菏泽园区', 5),
  point('a', '德州园区', 50),
  point('b', '菏泽园区', 5, 116.0001),
  point('c', '济宁园区'),
];
const options = {
  sort: 'name' as const,
  lang: 'zh' as const,
  field: null,
  limit: 300,
  kindLabel: () => '园区',
  formatValue: (v: number) => `${v} 亿元`,
};

describe('points in view', () => {
  it('keeps each point once, the first time it is drawn, with where it was drawn', () => {
    const points = dedupePoints(rendered);
    expect(points.map((p) => p.id)).toEqual(['b', 'a', 'c']);
    expect(points[0]?.at).toEqual([116, 36]);
  });

  it('sorts with the list’s rules: by pinyin, or by value with missing values last', () => {
    const points = dedupePoints(rendered);
    expect(inViewItems(points, options).map((i) => i.name)).toEqual([
      '德州园区',
      '菏泽园区',
      '济宁园区',
    ]);
    const byValue = inViewItems(points, { ...options, sort: 'value', field: 'total_investment' });
    expect(byValue.map((i) => [i.id, i.valueLabel])).toEqual([
      ['a', '50 亿元'],
      ['b', '5 亿元'],
      ['c', null],
    ]);
  });

  it('cuts the list to its limit', () => {
    const many = dedupePoints(Array.from({ length: 500 }, (_, i) => point(`p${i}`, `园区${i}`)));
    expect(inViewItems(many, options)).toHaveLength(300);
  });

  it('the points in view are search entries: Chinese, English and pinyin find them', () => {
    const points = dedupePoints(rendered);
    const index = buildSearchIndex(points, pinyinOf);
    const ids = (q: string) => search(index, q, 10).map((r) => r.id);
    expect(ids('菏泽')).toEqual(['b']);
    expect(ids('park a')).toEqual(['a']);
    expect(ids('heze')).toEqual(['b']);
    expect(ids('  ')).toEqual([]);
  });
});
