/** English names of the basemap's place labels (issue 13): english.ts and the committed file. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { districtNameEn, properPinyin } from '../../../src/lib/geo/basemap-build/english.ts';
import { asBasemapTopology, basemapLayers } from '../../../src/lib/geo/basemap.ts';

const syllables = (zh: string) => pinyin(zh, { toneType: 'none', type: 'array' });

describe('properPinyin', () => {
  it('runs syllables together, capitalised, with an apostrophe before a, o or e', () => {
    expect(properPinyin(['tai', 'er', 'zhuang'])).toBe("Tai'erzhuang");
    expect(properPinyin(['dong', 'e'])).toBe("Dong'e");
    expect(properPinyin(['an', 'qiu'])).toBe('Anqiu');
    expect(properPinyin(['jiao', 'zhou'])).toBe('Jiaozhou');
  });
});

describe('districtNameEn', () => {
  it('names districts, counties and county-level cities as English maps do', () => {
    expect(districtNameEn('历下区', syllables)).toBe('Lixia District');
    expect(districtNameEn('曹县', syllables)).toBe('Cao County');
    expect(districtNameEn('胶州市', syllables)).toBe('Jiaozhou');
    expect(districtNameEn('东昌府区', syllables)).toBe('Dongchangfu District');
    expect(districtNameEn('东阿县', syllables)).toBe("Dong'e County");
  });
  it('reads 单县 as Shan County, not the dictionary’s dan', () => {
    expect(syllables('单')).toEqual(['dan']);
    expect(districtNameEn('单县', syllables)).toBe('Shan County');
  });
});

describe('the committed basemap', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const file = asBasemapTopology(
    JSON.parse(readFileSync(`${root}data/basemap/shandong.topo.json`, 'utf8')),
  );
  const places = basemapLayers(file).context.features.filter(
    (f) => f.properties.kind === 'city' || f.properties.kind === 'seat',
  );

  it('gives every prefecture and county seat an English name in Latin letters', () => {
    expect(places).toHaveLength(16 + 136);
    for (const f of places)
      expect(f.properties.name_en, f.properties.name).toMatch(/^[A-Z][A-Za-z' ]+$/);
    const en = (zh: string) => places.find((f) => f.properties.name === zh)?.properties.name_en;
    expect(en('济南')).toBe('Jinan');
    expect(en('泰安')).toBe("Tai'an"); // ’ is not in the font chunks the app loads
    expect(en('牡丹区')).toBe('Mudan District');
    expect(en('单县')).toBe('Shan County');
  });
});
