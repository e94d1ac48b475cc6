import { describe, expect, it } from 'vitest';
import { firstShown, sortItems, sortedOrder } from '../../../src/lib/list/sort.ts';

type Row = { id: string; name: string; value: number | null };
const row = (id: string, name: string, value: number | null = null): Row => ({ id, name, value });
const ids = (rows: Row[]): string[] => rows.map((r) => r.id);

describe('sortItems by name', () => {
  it('orders Chinese names by pinyin, not by code point', () => {
    const rows = [
      row('jiaozhou', '胶州市'),
      row('jining', '济宁高新区'),
      row('heze', '菏泽高新区'),
      row('dezhou', '德州经济技术开发区'),
    ];
    // Code-point order would be 德 (5FB7) < 济 (6D4E) < 胶 (80F6) < 菏 (83CF).
    expect(ids(sortItems(rows, 'name', 'zh'))).toEqual(['dezhou', 'heze', 'jining', 'jiaozhou']);
  });

  it('orders English names alphabetically, ignoring case, with numbers in numeric order', () => {
    const rows = [
      row('b', 'graphene park'),
      row('a', 'Biomedicine Park'),
      row('d', 'Building 10'),
      row('c', 'Building 2'),
    ];
    expect(ids(sortItems(rows, 'name', 'en'))).toEqual(['a', 'c', 'd', 'b']);
  });

  it('breaks ties by id so the order does not depend on the input order', () => {
    const a = [row('y', '园区'), row('x', '园区')];
    const b = [row('x', '园区'), row('y', '园区')];
    expect(ids(sortItems(a, 'name', 'zh'))).toEqual(['x', 'y']);
    expect(ids(sortItems(b, 'name', 'zh'))).toEqual(['x', 'y']);
  });

  it('returns a copy and leaves the input alone', () => {
    const rows = [row('b', 'B'), row('a', 'A')];
    const sorted = sortItems(rows, 'name', 'en');
    expect(ids(rows)).toEqual(['b', 'a']);
    expect(sorted).not.toBe(rows);
  });

  it('handles an empty list', () => {
    expect(sortItems([], 'name', 'zh')).toEqual([]);
    expect(sortItems([], 'value', 'en')).toEqual([]);
  });
});

describe('sortItems by value', () => {
  it('puts the largest first and items without a value last', () => {
    const rows = [
      row('none', 'Alpha'),
      row('small', 'Beta', 1.5),
      row('big', 'Gamma', 427.5),
      row('mid', 'Delta', 63.2),
    ];
    expect(ids(sortItems(rows, 'value', 'en'))).toEqual(['big', 'mid', 'small', 'none']);
  });

  it('orders the items without a value by name among themselves', () => {
    const rows = [row('z', '张'), row('a', '阿'), row('v', '值', 0)];
    expect(ids(sortItems(rows, 'value', 'zh'))).toEqual(['v', 'a', 'z']);
  });

  it('treats NaN and infinities as missing', () => {
    const rows = [row('nan', 'A', Number.NaN), row('inf', 'B', Infinity), row('one', 'C', 1)];
    expect(ids(sortItems(rows, 'value', 'en'))).toEqual(['one', 'nan', 'inf']);
  });

  it('breaks equal values by name, and keeps negative values above missing ones', () => {
    const rows = [row('n', 'None'), row('b', 'B', 5), row('a', 'A', 5), row('neg', 'Neg', -3)];
    expect(ids(sortItems(rows, 'value', 'en'))).toEqual(['a', 'b', 'neg', 'n']);
  });

  it('keeps the extra fields of the items it sorts', () => {
    const rows = [{ ...row('a', 'A', 1), kindLabel: 'Park' }];
    expect(sortItems(rows, 'value', 'en')[0]?.kindLabel).toBe('Park');
  });
});

describe('sortedOrder and firstShown: the list without a row object per feature', () => {
  const items = [
    { id: 'c', name: 'Cherry', value: 2 },
    { id: 'a', name: 'Apple', value: null },
    { id: 'b', name: 'Banana', value: 9 },
    { id: 'd', name: 'Date', value: 2 },
  ];

  it('orders indices exactly as sortItems orders the items', () => {
    for (const sort of ['name', 'value'] as const) {
      const order = sortedOrder(items, sort, 'en');
      expect([...order].map((i) => items[i]!.id)).toEqual(
        sortItems(items, sort, 'en').map((x) => x.id),
      );
    }
  });

  it('takes the first shown indices in that order, up to the limit', () => {
    const order = sortedOrder(items, 'name', 'en'); // a, b, c, d → 1, 2, 0, 3
    expect(firstShown(order, Uint8Array.from([1, 0, 1, 1]), 10)).toEqual([2, 0, 3]);
    expect(firstShown(order, Uint8Array.from([1, 1, 1, 1]), 2)).toEqual([1, 2]);
    expect(firstShown(order, new Uint8Array(4), 10)).toEqual([]);
  });
});
