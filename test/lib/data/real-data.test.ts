/**
 * The committed dataset in data/: valid, and covering what the source documents name. Counts are
 * floors, not exact, so adding a park never breaks this test; removing one does.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { readDataset } from '../../../scripts/check-data.ts';
import {
  DivisionsFileSchema,
  IndustriesFileSchema,
  KINDS,
  ZoneCollectionSchema,
  type ParkFeature,
} from '../../../src/lib/data/schema.ts';
import { formatError, summarize, validate } from '../../../src/lib/data/validate/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const { input } = readDataset(root);
const D0 = '000_3dd22fdc9e0e8f3b.txt';
const D1 = '001_ebd8ed2b83fc6796.txt';

const features: ParkFeature[] = input.zoneFiles.flatMap((zf) => {
  const r = v.safeParse(ZoneCollectionSchema, zf.data);
  return r.success ? r.output.features : [];
});

function byId(id: string): ParkFeature {
  const f = features.find((x) => x.properties.id === id);
  if (!f) throw new Error(`no feature ${id} in data/zones`);
  return f;
}

function inZone(zone: string): ParkFeature[] {
  return features.filter((f) => f.properties.zone === zone);
}

describe('data/ as committed', () => {
  it('passes every check in validate()', () => {
    expect(validate(input).map(formatError)).toEqual([]);
  });

  it('renamed.json leads each old id and figure code to one the data has, and none it still has', () => {
    const renamed = JSON.parse(readFileSync(`${root}data/renamed.json`, 'utf8')) as {
      ids: Record<string, string>;
      fields: Record<string, string>;
    };
    const ids = new Set(features.map((f) => f.properties.id));
    const codes = new Set(features.flatMap((f) => f.properties.figures.map((g) => g.what)));
    for (const [old, now] of Object.entries(renamed.ids)) {
      expect(ids.has(old), old).toBe(false);
      expect(ids.has(now), now).toBe(true);
    }
    for (const [old, now] of Object.entries(renamed.fields)) {
      expect(codes.has(old), old).toBe(false);
      expect(codes.has(now), now).toBe(true);
    }
    expect(
      byId(renamed.ids['jiaozhou-cbec-pilot-zone-jiaozhou-park']!).properties.aliases,
    ).toContain('青岛跨境电商综试区胶州产业园');
  });

  it('was checked against the basemap (the districts check did not skip)', () => {
    expect(input.basemap?.features.length).toBeGreaterThan(100);
    // The same check fails when 菏泽高新区 claims a district its outline is not in.
    const heze = input.zoneFiles.find((zf) => zf.file.endsWith('heze-hitech.geojson'));
    const copy = structuredClone(heze?.data) as { features: { properties: object }[] };
    const zone = copy.features[0];
    if (!zone) throw new Error('heze-hitech has no features');
    zone.properties = { ...zone.properties, districts: ['定陶区'] };
    const errors = validate({ ...input, zoneFiles: [{ file: 'heze', data: copy }] });
    expect(errors.map((e) => e.message).join('\n')).toMatch(/leaves its districts \(定陶区\)/);
  });

  it('has the four zones, each with a good number of features', () => {
    const s = summarize(input.zoneFiles);
    const totals = Object.fromEntries(s.zones.map((z) => [z.zone, z.total]));
    expect(Object.keys(totals).sort()).toEqual([
      'dezhou-etdz',
      'heze-hitech',
      'jiaozhou',
      'jining-hitech',
    ]);
    for (const total of Object.values(totals)) expect(total).toBeGreaterThanOrEqual(20);
    // Documents 000 and 001 name 30 places, platforms, projects and firms in 菏泽高新区.
    expect(totals['heze-hitech']).toBeGreaterThanOrEqual(31);
  });

  it('has all five kinds overall', () => {
    const s = summarize(input.zoneFiles);
    for (const kind of KINDS) expect(s.kinds[kind], kind).toBeGreaterThan(0);
  });

  it('has the industries the documents name', () => {
    const r = v.parse(IndustriesFileSchema, input.industries);
    const zh = new Set(r.industries.map((i) => i.zh));
    for (const name of [
      '生物医药',
      '新材料',
      '健康食品',
      '新能源',
      '装备制造',
      '大健康',
      '电子信息',
      '现代服务业',
      '农副产品加工',
      '现代中药',
      '医疗器械',
      '石墨烯',
      '航空',
    ]) {
      expect(zh, name).toContain(name);
    }
  });

  it('has the official divisions of all four zones', () => {
    const d = v.parse(DivisionsFileSchema, input.divisions);
    expect(Object.fromEntries(Object.entries(d.zones).map(([k, z]) => [k, z.code]))).toEqual({
      'heze-hitech': '371772',
      'jining-hitech': '370871',
      'dezhou-etdz': '371471',
      jiaozhou: '370281',
    });
    expect(d.zones['heze-hitech']?.streets.map((s) => s.name)).toEqual([
      '万福街道',
      '吕陵镇',
      '马岭岗镇',
    ]);
    expect(d.zones['dezhou-etdz']?.note).toMatch(/successor of 德州经济技术开发区/);
  });

  it('documents every source file', () => {
    const readme = readFileSync(new URL('data/sources/README.md', `file://${root}`), 'utf8');
    const docs = Object.keys(input.sources);
    // The five given to the project; adding a park may add a document (data/README.md).
    expect(docs.length).toBeGreaterThanOrEqual(5);
    expect(docs).toEqual(expect.arrayContaining([D0, D1]));
    for (const doc of docs) expect(readme).toContain(doc);
  });
});

describe('菏泽高新区 (documents 000 and 001)', () => {
  it('has the zone with its 2017 figures, and the rest as "since 2017" to the article date', () => {
    const zone = byId('heze-hitech');
    expect(zone.geometry.type).toBe('Polygon');
    const fig = (what: string) => zone.properties.figures.find((f) => f.what === what);
    expect(fig('gdp')).toMatchObject({ value: 63.2, unit: '亿元', year: 2017, doc: D0 });
    expect(fig('fixed_asset_investment')).toMatchObject({ value: 53.5, unit: '亿元', year: 2017 });
    expect(fig('fiscal_revenue')).toMatchObject({ value: 12.1, unit: '亿元', year: 2017 });
    // Only the lead paragraph says "2017年,全区实现…"; the rest is "2017年以来" in an article of
    // 2018-10-08.
    const since = { year: null, period: 'since_2017', as_of: '2018-10-08' };
    expect(fig('total_investment')).toMatchObject({ value: 227, unit: '亿元', ...since });
    expect(fig('industrial_enterprise_revenue')).toMatchObject({
      value: 427.5,
      label_zh: '规模以上工业企业主营业务收入',
      ...since,
    });
    expect(fig('industrial_enterprise_profit')).toMatchObject({
      value: 69,
      label_zh: '规模以上工业企业利润',
    });
  });

  it('keeps both dates of 医疗器械机电产业园: planned (reported 2018), hosting the accelerator in 2021', () => {
    const park = byId('heze-medical-device-park');
    expect(park.properties).toMatchObject({ kind: 'park', name_zh: '医疗器械机电产业园' });
    expect(park.properties.timeline.map((t) => [t.date, t.doc])).toEqual([
      ['2018-10-08', D0],
      ['2021-03', D1],
    ]);
    expect(park.properties.status).toBe('planned');
    expect(park.properties.timeline.map((t) => t.status)).toEqual(['planned', undefined]);
    expect(park.properties.timeline[0]?.quote).toContain('新规划建设医疗器械机电产业园');
    expect(park.properties.timeline[1]?.quote).toContain('启迪之星(菏泽)加速器');
  });

  it('places 启迪之星(菏泽)加速器 in building 2 of that park', () => {
    const acc = byId('heze-tus-star-accelerator');
    const park = byId('heze-medical-device-park');
    expect(acc.properties).toMatchObject({
      kind: 'platform',
      name_zh: '启迪之星(菏泽)加速器',
      parent: 'heze-medical-device-park',
      precision: 'address',
    });
    expect(acc.properties.location_note).toContain('医疗器械机电产业园2号楼');
    expect(acc.properties.figures).toContainEqual(
      expect.objectContaining({ what: 'floor_area', value: 17000, unit: '平方米', doc: D1 }),
    );
    // Next to the park's point: within 500 m.
    if (acc.geometry.type !== 'Point' || park.geometry.type !== 'Point') throw new Error('points');
    const [ax, ay] = acc.geometry.coordinates;
    const [px, py] = park.geometry.coordinates;
    expect(Math.hypot((ax - px) * 91, (ay - py) * 111)).toBeLessThan(0.5); // km
  });

  it('has every park, platform, project and enterprise the texts name', () => {
    const names = new Set(inZone('heze-hitech').map((f) => f.properties.name_zh));
    for (const name of [
      '医疗器械机电产业园',
      '石墨烯产业园',
      '德智国际医养园',
      '鹤福食品高标准冷链物流园',
      '航空小镇',
      '生物肽产业园',
      '全国中成药制剂与原料药产业知名品牌创建示范区',
      '启迪之星孵化器',
      '国家科协创新驱动科技成果转移转化中心菏泽分中心',
      '山东省科学院菏泽分院',
      '启迪之星(菏泽)加速器',
      '安泰生物科技',
      '纳米晶新材料',
      '步长中药现代化集成',
      '华信龙香平喘胶囊项目',
      '达孚番茄红素',
      '泊鹭海王轻型运动飞机',
      '步长制药',
      '安固强石墨烯',
      '天和铜箔',
      '大树生物',
      '德通新材料',
      '宇生文化',
      '中厦电子',
      '华信制药集团',
      '金博利达',
    ]) {
      expect(names, name).toContain(name);
    }
  });

  it('reads status from the wording', () => {
    expect(byId('heze-graphene-park').properties.status).toBe('planned');
    expect(byId('heze-huaxin-longxiang-capsule').properties.status).toBe('operating');
    expect(byId('heze-tech-transfer-subcentre').properties.status_source?.quote).toContain(
      '正式运行',
    );
  });

  it('marks every hand-placed point as approximate', () => {
    // The features documents 000 and 001 name (a park added from another document may have an
    // address or a town).
    const points = inZone('heze-hitech').filter(
      (f) =>
        f.properties.kind !== 'zone' && f.properties.sources.every((s) => [D0, D1].includes(s.doc)),
    );
    expect(points.length).toBeGreaterThanOrEqual(30);
    const located = points.filter((f) => f.properties.precision !== 'zone');
    // Only the accelerator has an address in the texts; no town is named for any feature.
    expect(located.map((f) => f.properties.id)).toEqual(['heze-tus-star-accelerator']);
  });
});

describe('relations the texts state (#14 point 5)', () => {
  const rel = (id: string) => byId(id).properties.relations.map((r) => `${r.type} ${r.target}`);

  it('links what the texts link, each with its quote', () => {
    expect(rel('heze-tus-star-accelerator')).toEqual(['located_in heze-medical-device-park']);
    expect(rel('heze-special-medical-food-project')).toEqual(['invested_by heze-dashu-bio']);
    expect(rel('dezhou-xuerong-bio-phase-2')).toEqual(['phase_of dezhou-xuerong-bio']);
    expect(rel('dezhou-xuerong-bio-phase-3-deep-processing')).toEqual([
      'phase_of dezhou-xuerong-bio',
    ]);
    expect(rel('jining-bank-of-rizhao')).toEqual(['located_in jining-wutaizha-financial-street']);
  });

  it('backs every parent with a located_in relation, and nothing else claims containment', () => {
    for (const f of features) {
      const p = f.properties;
      const located = p.relations.filter((r) => r.type === 'located_in').map((r) => r.target);
      expect(located, p.id).toEqual(p.parent === null ? [] : [p.parent]);
    }
  });
});
