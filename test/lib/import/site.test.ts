import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import type { ImportedFeature, ImportedLayer } from '../../../src/lib/import/layer.ts';
import type { FlatProperties } from '../../../src/lib/import/properties.ts';
import { layerOf as importedLayer } from './fixture.ts';
import { nearCredit, siteImported, type ImportedSiteAsk } from '../../../src/lib/import/site.ts';

const point = (lng: number, lat: number): Geometry => ({ type: 'Point', coordinates: [lng, lat] });

function layerOf(id: string, rows: [FlatProperties, Geometry][]): ImportedLayer {
  const features = rows.map(([properties, geometry], i): ImportedFeature => ({
    type: 'Feature',
    id: `#${i + 1}`,
    geometry,
    properties,
  }));
  return importedLayer(id, features, '名称');
}

const sites = layerOf('sites', [
  [{ 名称: '甲园', 产业: '生物医药、现代中药' }, point(115.4, 35.25)],
  [{ 名称: '乙园', 产业: '大健康' }, point(115.42, 35.26)],
  [{ 名称: 'Steel works', sector: 'Equipment Manufacturing' }, point(115.9, 35.5)],
  [{ 名称: '新材料产业园', 产业: null }, point(116.6, 35.4)],
  [{ 名称: '丙仓库', 面积: 12 }, point(115.45, 35.3)],
]);
const biomedicine = { met: ['生物医药', 'Biomedicine', '现代中药'], broader: ['大健康'] };
const ask = (a: Partial<ImportedSiteAsk>): ImportedSiteAsk => ({
  words: null,
  near: null,
  limit: 20,
  ...a,
});
const names = (r: ReturnType<typeof siteImported>) => r.hits.map((h) => h.name);

describe('site search over imported layers', () => {
  it('finds an industry named in any text column, a broader one for half credit', () => {
    const r = siteImported([sites], ask({ words: biomedicine }));
    expect(names(r)).toEqual(['甲园', '乙园']);
    expect(r.hits[0]).toMatchObject({
      industry: { credit: 1, word: '生物医药', field: '产业' },
      met: 1,
      at: [115.4, 35.25],
    });
    expect(r.hits[1]).toMatchObject({ industry: { credit: 0.5, word: '大健康' }, met: 0 });
    expect(r.total).toBe(2);
  });

  it('matches Latin words in any case, and a name as well as a column', () => {
    const steel = siteImported(
      [sites],
      ask({ words: { met: ['Equipment manufacturing'], broader: [] } }),
    );
    expect(steel.hits[0]?.industry?.word).toBe('Equipment manufacturing');
    expect(
      names(
        siteImported([sites], ask({ words: { met: ['equipment manufacturing'], broader: [] } })),
      ),
    ).toEqual(['Steel works']);
    expect(names(siteImported([sites], ask({ words: { met: ['新材料'], broader: [] } })))).toEqual([
      '新材料产业园',
    ]);
  });

  it('ranks by criteria met, then credit, then distance; far and unnamed ones are left out', () => {
    const r = siteImported(
      [sites],
      ask({ words: biomedicine, near: { at: [115.4, 35.25], radiusKm: 10 } }),
    );
    // 甲园 meets both; 乙园 meets the distance and half the industry; 丙仓库 the distance only;
    // Steel works (~55 km) and 新材料产业园 (~110 km) neither.
    expect(names(r)).toEqual(['甲园', '乙园', '丙仓库']);
    expect(r.hits.map((h) => h.met)).toEqual([2, 1, 1]);
    expect(r.hits[2]!.industry).toEqual({ credit: 0, word: null, field: null });
    expect(r.hits[2]!.near!.km).toBeGreaterThan(5);
  });

  it('keeps the best `limit` of many, and counts them all', () => {
    const many = layerOf(
      'many',
      Array.from({ length: 2000 }, (_, i): [FlatProperties, Geometry] => [
        { 名称: `p${i}` },
        point(115.4 + (i % 100) * 0.001, 35.25),
      ]),
    );
    const r = siteImported([many], ask({ near: { at: [115.4, 35.25], radiusKm: 20 }, limit: 3 }));
    expect(r.total).toBe(2000);
    expect(names(r)).toEqual(['p0', 'p100', 'p200']);
  });

  it('asks nothing without an industry or a place', () => {
    expect(siteImported([sites], ask({}))).toEqual({ hits: [], total: 0 });
  });

  it('gives distance credit as the dataset’s site search does', () => {
    expect([nearCredit(5, 10), nearCredit(15, 10), nearCredit(20, 10)]).toEqual([1, 0.25, 0]);
  });
});
