/**
 * What visitors type that is not a name as written (#15 point 19): words in another order or
 * apart, one typo, a zone's division name today. On the committed dataset with real pinyin.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ParkFeature } from '../../../src/lib/data/schema.ts';
import { entriesFromFeatures } from '../../../src/lib/search/load.ts';
import { buildSearchIndex, search } from '../../../src/lib/search/index.ts';
import { fuzzyMatch } from '../../../src/lib/search/fuzzy.ts';
import { divisionNames, withAliases } from '../../../src/lib/search/aliases.ts';
import { pinyinOf } from '../../../src/lib/search/pinyin.ts';

const zonesDir = fileURLToPath(new URL('../../../data/zones/', import.meta.url));
const features = readdirSync(zonesDir)
  .filter((f) => f.endsWith('.geojson'))
  .flatMap(
    (f) => (JSON.parse(readFileSync(zonesDir + f, 'utf8')) as { features: ParkFeature[] }).features,
  );
const index = buildSearchIndex(withAliases(entriesFromFeatures(features)), pinyinOf);
const nameOf = new Map(features.map((f) => [f.id, f.properties.name_zh]));
const names = (q: string) => search(index, q).map((r) => nameOf.get(r.id));

describe('words in any order', () => {
  it('finds a name from words that are not adjacent, or swapped', () => {
    expect(names('graphene park')[0]).toBe('石墨烯产业园');
    expect(names('park graphene')[0]).toBe('石墨烯产业园');
  });

  it('ranks the words as typed together above the words apart', () => {
    const together = search(index, 'graphene industrial')[0]!;
    const apart = search(index, 'graphene park')[0]!;
    expect(together.score).toBeGreaterThan(apart.score);
  });

  it('needs every word: one word found nowhere finds nothing', () => {
    expect(names('graphene xyzzyq')).toEqual([]);
  });
});

describe('one typo', () => {
  it('finds 石墨烯 from pinyin with a letter too many, and from a wrong character', () => {
    expect(names('shimoxie')).toContain('石墨烯产业园');
    expect(names('石墨稀')).toContain('石墨烯产业园');
  });

  it('finds English with two letters swapped or one left out', () => {
    expect(names('grpahene')).toContain('石墨烯产业园');
    expect(names('graphne')).toContain('石墨烯产业园');
  });

  it('ranks every exact match above any typo, and tries typos only when nothing matched', () => {
    // 石墨烯 matches exactly: the typo pass does not add 石墨稀-like noise.
    const exact = search(index, '石墨烯');
    expect(exact.every((r) => r.score > 0)).toBe(true);
    expect(search(index, '石墨稀').every((r) => r.score < 0)).toBe(true);
  });

  it('never matches short queries or a typo in the first letter', () => {
    expect(fuzzyMatch('graphene', 'grap', null)).toBe(false);
    expect(fuzzyMatch('graphene', 'xraphene', null)).toBe(false);
    expect(names('imoxi')).toEqual([]);
  });

  it('is one edit: within one, true; two apart, false (any strings)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 5, maxLength: 12, unit: fc.constantFrom('a', 'b', 'c', 'd') }),
        fc.nat(),
        (s, k) => {
          const i = 1 + (k % (s.length - 1));
          const substituted = s.slice(0, i) + (s[i] === 'e' ? 'f' : 'e') + s.slice(i + 1);
          const dropped = s.slice(0, i) + s.slice(i + 1);
          const added = s.slice(0, i) + 'e' + s.slice(i);
          const twice = s.slice(0, 1) + 'ee' + s.slice(3);
          return (
            fuzzyMatch(s, substituted, null) &&
            (dropped.length < 5 || fuzzyMatch(s, dropped, null)) &&
            fuzzyMatch(s, added, null) &&
            !fuzzyMatch(s.replace(/e/g, ''), twice.replace(/^.ee/, s[0] + 'ee'), [0])
          );
        },
      ),
    );
  });
});

describe('a zone’s name as a division today', () => {
  it('finds 德州经济技术开发区 by 天衢新区, the name data/divisions.json gives it', () => {
    expect(divisionNames.get('dezhou-etdz')).toBe('德州天衢新区');
    expect(names('天衢新区')[0]).toBe(nameOf.get('dezhou-etdz'));
  });

  it('leaves entries without a division name as they were', () => {
    const entries = [{ id: 'x', name_zh: '某园', name_en: 'Some park' }];
    expect(withAliases(entries)).toBe(entries);
  });
});
