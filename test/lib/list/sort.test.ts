import { describe, expect, it } from 'vitest';
import { sortItems } from '../../../src/lib/list/sort.ts';

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
