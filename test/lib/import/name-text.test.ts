import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nameCodes, nameText, scanNames, textOfCodes } from '../../../src/lib/import/name-text.ts';

const scan = (pairs: [string, string][], q: string, limit = 10) => {
  const text = nameText(pairs);
  return scanNames(text, text.toLowerCase(), q, limit);
};

describe('names of a big layer as one scannable string', () => {
  const pairs: [string, string][] = [
    ['f1', '菏泽高新区医疗器械园'],
    ['f2', 'Graphene Park'],
    ['graphene-id', '石墨烯产业园'],
    ['f4', 'another graphene site'],
  ];

  it('crosses as UTF-16 code units, to be transferred, and decodes to the same text', () => {
    const codes = nameCodes(pairs);
    expect(codes).toBeInstanceOf(Uint16Array);
    expect(textOfCodes(codes)).toBe(nameText(pairs));
    // Any names and ids, separators in them and past the first buffer's 65,536 units included.
    const text = fc.string({ unit: fc.constantFrom('a', '园', '\u0000', '\u0001', ' ') });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 40 }), fc.nat(70_000), (p, pad) => {
        const all: [string, string][] = [...p, ['long', 'x'.repeat(pad)]];
        expect(textOfCodes(nameCodes(all))).toBe(nameText(all));
      }),
      { numRuns: 50 },
    );
  });

  it('finds names containing the query, any case, in layer order, up to the limit', () => {
    expect(scan(pairs, 'graphene')).toEqual([
      ['f2', 'Graphene Park'],
      ['f4', 'another graphene site'],
    ]);
    expect(scan(pairs, '医疗')).toEqual([['f1', '菏泽高新区医疗器械园']]);
    expect(scan(pairs, 'GRAPHENE', 1)).toEqual([['f2', 'Graphene Park']]);
  });

  it('an upper-case query finds an all-lower-case layer (the property test found it)', () => {
    expect(scan([['id0', 'n']], 'N')).toEqual([['id0', 'n']]);
  });

  it('a match in an id is no match; an empty query finds nothing', () => {
    expect(scan(pairs, 'graphene-id')).toEqual([]);
    expect(scan(pairs, '  ')).toEqual([]);
  });

  it('separators inside names or ids cannot break the records apart', () => {
    expect(
      scan(
        [
          ['a\u0000b', 'x\u0001y'],
          ['c', 'z'],
        ],
        'z',
      ),
    ).toEqual([['c', 'z']]);
    expect(scan([['a\u0000b', 'x\u0001y']], 'x y')).toEqual([['a b', 'x y']]);
  });

  it('finds exactly the names a plain filter finds, for any names and query', () => {
    const name = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(name, { maxLength: 30 }),
        fc.string({ minLength: 1, maxLength: 3 }),
        (names, q) => {
          const list = names.map((n, i): [string, string] => [`id${i}`, n]);
          const needle = q.trim().toLowerCase();
          fc.pre(needle.length > 0 && !(q + names.join('')).includes('\u0000'));
          fc.pre(!(q + names.join('')).includes('\u0001'));
          fc.pre(names.every((n) => n.toLowerCase().length === n.length));
          const expected = list.filter(([, n]) => n.toLowerCase().includes(needle));
          expect(scan(list, q, 1000)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
