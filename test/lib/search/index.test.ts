/**
 * Name search on the committed dataset, with the real pinyin-pro: what visitors type (Chinese,
 * pinyin in full or as initials, English, sloppy spacing and case) finds the park they mean, and no
 * input makes search throw.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ParkFeature } from '../../../src/lib/data/schema.ts';
import { entriesFromFeatures } from '../../../src/lib/search/load.ts';
import {
  buildSearchIndex,
  normalize,
  search,
  type PinyinFn,
  type SearchEntry,
} from '../../../src/lib/search/index.ts';
import { pinyinOf } from '../../../src/lib/search/pinyin.ts';

const zonesDir = fileURLToPath(new URL('../../../data/zones/', import.meta.url));
const features = readdirSync(zonesDir)
  .filter((f) => f.endsWith('.geojson'))
  .flatMap((f) => {
    const col = JSON.parse(readFileSync(zonesDir + f, 'utf8')) as { features: ParkFeature[] };
    return col.features;
  });
const index = buildSearchIndex(entriesFromFeatures(features), pinyinOf);

const nameOf = new Map(features.map((f) => [f.id, f.properties.name_zh]));
/** Chinese names of the results, which reads better in a failure than ids. */
const names = (q: string, limit?: number) => search(index, q, limit).map((r) => nameOf.get(r.id));

describe('normalize', () => {
  it('folds case, width, spaces and punctuation, keeping CJK, letters and digits', () => {
    expect(normalize('  ShiMo Xi ')).toBe('shimoxi');
    expect(normalize('启迪之星(菏泽)加速器')).toBe('启迪之星菏泽加速器');
    expect(normalize('启迪之星（菏泽）加速器')).toBe('启迪之星菏泽加速器');
    expect(normalize('"1+12+X"国家中小企业')).toBe('112x国家中小企业');
    expect(normalize('“中国太阳谷”新能源小镇')).toBe('中国太阳谷新能源小镇');
    expect(normalize('ＺＨＵ梦工厂')).toBe('zhu梦工厂');
    expect(normalize("Xi'an Jiaotong")).toBe('xianjiaotong');
  });

  it('drops tone marks and writes ü as v, as pinyin keyboards do', () => {
    expect(normalize('shí mò xī')).toBe('shimoxi');
    expect(normalize('lǜ')).toBe('lv');
    expect(normalize('LÜ')).toBe('lv');
  });

  it('gives an empty string for blank or punctuation-only input', () => {
    expect(normalize('')).toBe('');
    expect(normalize(' \t\n\u3000')).toBe('');
    expect(normalize('.*(')).toBe('');
  });
});

describe('pinyinOf', () => {
  it('gives syllables without tones and their initials', () => {
    expect(pinyinOf('石墨烯产业园')).toEqual({
      full: 'shi mo xi chan ye yuan',
      initials: 'smxcyy',
    });
  });

  it('passes non-Chinese characters through', () => {
    expect(pinyinOf('ZHU梦工厂')).toEqual({ full: 'ZHU meng gong chang', initials: 'ZHUmgc' });
    expect(pinyinOf('启迪之星(菏泽)加速器').initials).toBe('qdzx(hz)jsq');
  });
});

describe('search on the real data', () => {
  it.each(['shimoxi', 'smx', '石墨烯', 'Graphene', 'graphene industrial', '  ShiMo Xi ', 'SMX'])(
    '%j finds 石墨烯产业园 first',
    (q) => {
      expect(names(q)[0]).toBe('石墨烯产业园');
    },
  );

  it('reports which name matched', () => {
    const first = (q: string) => search(index, q)[0]?.matched;
    expect(first('石墨烯')).toBe('zh');
    expect(first('graphene')).toBe('en');
    expect(first('shimoxi')).toBe('pinyin');
    expect(first('smx')).toBe('initials');
  });

  it('finds names with punctuation in them', () => {
    expect(names('qidi')).toContain('启迪之星(菏泽)加速器');
    expect(names('启迪之星（菏泽）')[0]).toBe('启迪之星(菏泽)加速器');
    expect(names('1+12+X')[0]).toBe('"1+12+X"国家中小企业公共服务示范平台');
    expect(names('中国太阳谷')[0]).toBe('“中国太阳谷”新能源小镇');
  });

  it('matches pinyin from any syllable, and typed in a mix of full syllables and initials', () => {
    expect(names('moxi')).toEqual(expect.arrayContaining(['石墨烯产业园', '安固强石墨烯']));
    expect(names('shimx')[0]).toBe('石墨烯产业园');
    expect(names('shi mo')[0]).toBe('石墨烯产业园');
  });

  it('does not match pinyin from inside a syllable', () => {
    // "imo" is inside shi|mo, not at a syllable start.
    expect(names('imoxi')).toEqual([]);
  });

  it('ranks an exact name above names it starts, and those above names that contain it', () => {
    // 大学园 is the whole name of one feature and only part of 虚拟大学园.
    expect(names('大学园')[0]).toBe('大学园');
    expect(names('大学园')).toContain('虚拟大学园');
    const r = search(index, '大学园');
    expect(r[0]!.score).toBeGreaterThan(r[1]!.score);
    // 石墨烯产业园 starts with 石墨烯; 安固强石墨烯 only contains it.
    // (A park added with 石墨烯 in its name joins the list; the order rule stays.)
    const graphene = names('石墨烯');
    expect(graphene[0]).toBe('石墨烯产业园');
    expect(graphene).toContain('安固强石墨烯');
    const starts = graphene.map((n) => (n ?? '').startsWith('石墨烯'));
    expect(starts).toEqual([...starts].sort((a, b) => Number(b) - Number(a)));
  });

  it('puts shorter names first among equal matches', () => {
    // Both 启迪之星 names start with qidi; the incubator's name is the shorter.
    const r = names('qidi');
    expect(r.indexOf('启迪之星孵化器')).toBeLessThan(r.indexOf('启迪之星(菏泽)加速器'));
  });

  it('respects the limit', () => {
    expect(search(index, 's').length).toBe(10);
    expect(search(index, 's', 3).length).toBe(3);
    expect(search(index, 's', 0)).toEqual([]);
    expect(search(index, 's', Number.NaN)).toEqual([]);
    expect(search(index, 's', Infinity).length).toBeGreaterThan(10);
  });

  it('returns nothing for a blank query or one that matches nothing', () => {
    expect(search(index, '')).toEqual([]);
    expect(search(index, '   ')).toEqual([]);
    expect(search(index, 'xyzzyq')).toEqual([]);
  });
});

describe('search on small indexes', () => {
  /** Pinyin is irrelevant here. */
  const noPinyin: PinyinFn = () => ({ full: '', initials: '' });
  const build = (entries: SearchEntry[]) => buildSearchIndex(entries, noPinyin);

  it('orders exact > prefix > word start > inside a word, whatever the input order', () => {
    const entries: SearchEntry[] = [
      { id: 'inner', name_zh: '甲', name_en: 'Subpark' },
      { id: 'word', name_zh: '乙', name_en: 'Big Park' },
      { id: 'prefix', name_zh: '丙', name_en: 'Parks' },
      { id: 'exact', name_zh: '丁', name_en: 'Park' },
    ];
    const expected = ['exact', 'prefix', 'word', 'inner'];
    expect(search(build(entries), 'park').map((r) => r.id)).toEqual(expected);
    expect(search(build([...entries].reverse()), 'park').map((r) => r.id)).toEqual(expected);
  });

  it('breaks ties by name length, then by id', () => {
    const entries: SearchEntry[] = [
      { id: 'b', name_zh: '园区', name_en: 'x' },
      { id: 'long', name_zh: '园区中心', name_en: 'x' },
      { id: 'a', name_zh: '园区', name_en: 'x' },
    ];
    expect(search(build(entries), '园').map((r) => r.id)).toEqual(['a', 'b', 'long']);
  });

  it('matches aliases in extra, below a name matched as well', () => {
    const idx = build([
      { id: 'alias', name_zh: '甲', name_en: 'A', extra: ['Tus-Star'] },
      { id: 'name', name_zh: '乙', name_en: 'Tus Star' },
      { id: 'prefix', name_zh: '丙', name_en: 'Tus-Star Incubator' },
    ]);
    expect(search(idx, 'tusstar').map((r) => r.id)).toEqual(['name', 'alias', 'prefix']);
    expect(search(idx, 'tusstar')[1]?.matched).toBe('en');
  });

  it('survives a pinyin function that throws', () => {
    const idx = buildSearchIndex([{ id: 'a', name_zh: '园', name_en: 'Park' }], () => {
      throw new Error('no pinyin');
    });
    expect(search(idx, 'park').map((r) => r.id)).toEqual(['a']);
  });
});

describe('search never throws', () => {
  const check = (q: string) => {
    const r = search(index, q);
    return Array.isArray(r) && r.length <= 10;
  };

  it('on regex syntax, emoji, control characters and very long strings', () => {
    for (const q of [
      '.*(',
      '[',
      '\\',
      '$^|?+',
      '🏭🌏',
      '\u0000\u0007',
      '\ud800',
      'a'.repeat(10_000),
    ]) {
      expect(check(q)).toBe(true);
    }
    expect(check('石墨烯'.repeat(4000))).toBe(true);
  });

  it('on any string (property)', () => {
    fc.assert(fc.property(fc.string(), check));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), check));
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), check));
    // Lone surrogates and other UTF-16 oddities.
    const utf16 = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
    fc.assert(fc.property(fc.string({ unit: utf16 }), check));
    // Four hundred searches, some with a typo pass: seconds on a busy two-core machine.
  }, 30_000);

  it('on any index entries (property)', () => {
    const entry = fc.record({ id: fc.string(), name_zh: fc.string(), name_en: fc.string() });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), fc.string(), (entries, q) => {
        search(buildSearchIndex(entries, pinyinOf), q);
        return true;
      }),
      { numRuns: 50 },
    );
  });
});
