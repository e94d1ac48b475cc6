import { describe, expect, it } from 'vitest';
import { readGeojson } from '../../../src/lib/import/formats/geojson.ts';
import { buildLayer, type Convert } from '../../../src/lib/import/layer.ts';

const same: Convert = (features) => ({
  features,
  used: { code: 'EPSG:4326', en: 'WGS-84', zh: 'WGS-84' },
  issues: [],
});

function load(json: unknown, file = 'test.geojson') {
  const read = readGeojson(json, file);
  expect(read.fatal).toBeUndefined();
  return buildLayer({ id: 'L1', files: [file], read, convert: same });
}

const point = (x: unknown, y: unknown, properties: unknown = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [x, y] },
  properties,
});
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('importing GeoJSON', () => {
  it('opens a plain collection without the app’s schema: name, number, own ids', () => {
    const layer = load(
      fc(
        point(115.4, 35.2, { name: '测试园', investment: 12 }),
        point(115.5, 35.3, { name: '乙园', investment: '1,200' }),
      ),
    );
    expect(layer.features).toHaveLength(2);
    expect(layer.rejected).toBe(0);
    expect(layer.nameField).toBe('name');
    expect(layer.fields.find((f) => f.key === 'investment')).toMatchObject({
      kind: 'number',
      min: 12,
      max: 1200,
    });
    expect(new Set(layer.features.map((f) => f.id)).size).toBe(2);
    expect(layer.bbox).toEqual([115.4, 35.2, 115.5, 35.3]);
  });

  it('finds a Chinese name field and categories', () => {
    const layer = load(
      fc(
        point(116, 36, { 园区名称: '甲', 类型: '省级' }),
        point(116.1, 36, { 园区名称: '乙', 类型: '省级' }),
        point(116.2, 36, { 园区名称: '丙', 类型: '国家级' }),
      ),
    );
    expect(layer.nameField).toBe('园区名称');
    expect(layer.fields.find((f) => f.key === '类型')).toMatchObject({
      kind: 'category',
      categories: [
        ['省级', 2],
        ['国家级', 1],
      ],
    });
  });

  it('accepts a single Feature, a bare geometry and a GeometryCollection, elevation included', () => {
    expect(load(point(116, 36, { a: 1 })).features).toHaveLength(1);
    expect(load({ type: 'Point', coordinates: [116, 36, 42] }).features[0]?.geometry).toEqual({
      type: 'Point',
      coordinates: [116, 36, 42],
    });
    const gc = load({
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [116, 36] },
        {
          type: 'LineString',
          coordinates: [
            [116, 36],
            [117, 37],
          ],
        },
      ],
    });
    expect(gc.features.map((f) => f.geometry.type)).toEqual(['Point', 'LineString']);
  });

  it('rejects each broken feature with its place and reason, and keeps the rest', () => {
    const layer = load(
      fc(
        point(116, 36, { name: 'ok' }),
        point('116', 36),
        point(null, 36),
        point(36.5, 117.2),
        { type: 'Feature', geometry: { type: 'Point', coordinates: [[116, 36]] }, properties: {} },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [116] }, properties: {} },
        {
          type: 'Feature',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [116, 36],
                [117, 36],
                [116, 36],
              ],
            ],
          },
          properties: {},
        },
        { type: 'Feature', geometry: null, properties: {} },
        { type: 'Feature', geometry: { type: 'Circle', coordinates: [116, 36] }, properties: {} },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [116, 36] }, properties: 'x' },
        'not a feature',
      ),
    );
    expect(layer.features).toHaveLength(1);
    expect(layer.rejected).toBe(10);
    const byWhere = Object.fromEntries(layer.issues.map((i) => [i.where, i]));
    expect(byWhere['features[1].geometry.coordinates[0]']?.en).toContain('"116" is not a number');
    expect(byWhere['features[2].geometry.coordinates[0]']?.zh).toContain('经度');
    expect(byWhere['features[3].geometry.coordinates']?.en).toContain('swapped');
    expect(byWhere['features[4].geometry.coordinates']?.code).toBe('position-length');
    expect(byWhere['features[5].geometry.coordinates']?.en).toContain('has 1');
    expect(byWhere['features[6].geometry.coordinates[0]']?.code).toBe('ring-too-short');
    expect(byWhere['features[7].geometry']?.code).toBe('no-geometry');
    expect(byWhere['features[8].geometry.type']?.en).toContain('"Circle"');
    expect(byWhere['features[9].properties']?.code).toBe('properties-not-object');
    expect(byWhere['features[10]']?.code).toBe('not-feature');
  });

  it('closes an unclosed ring and says so, loading the zone', () => {
    const layer = load(
      fc({
        type: 'Feature',
        properties: { name: 'z' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [116, 36],
              [117, 36],
              [117, 37],
              [116, 37],
            ],
          ],
        },
      }),
    );
    expect(layer.features).toHaveLength(1);
    expect(layer.issues[0]).toMatchObject({
      code: 'ring-not-closed',
      rejected: false,
      where: 'features[0].geometry.coordinates[0]',
    });
  });

  it('says the top level is wrong when it is not GeoJSON', () => {
    expect(readGeojson([1, 2], 'a.json').fatal?.en).toContain('an array');
    expect(readGeojson({ type: 'Topology' }, 'a.json').fatal?.code).toBe('not-geojson');
    expect(readGeojson({ type: 'FeatureCollection' }, 'a.json').fatal?.code).toBe(
      'features-not-array',
    );
  });

  it('reports duplicate ids and gives the second its own', () => {
    const layer = load(
      fc({ ...point(116, 36), id: 'a' }, { ...point(116.1, 36), id: 'a' }, point(116.2, 36)),
    );
    expect(layer.features.map((f) => f.id)).toEqual(['a', '#2', '#3']);
    expect(layer.issues.map((i) => i.code)).toEqual(['duplicate-id']);
  });

  it('flags a point far outside China but loads it', () => {
    const layer = load(fc(point(2.35, 48.85, { name: 'Paris' })));
    expect(layer.features).toHaveLength(1);
    expect(layer.issues[0]).toMatchObject({ code: 'far-from-china', rejected: false });
  });

  it('keeps __proto__ and constructor as plain keys, polluting nothing', () => {
    const json = JSON.parse(
      '{"type":"Feature","geometry":{"type":"Point","coordinates":[116,36]},"properties":{"__proto__":{"polluted":1},"constructor":"c","name":"x"}}',
    );
    const layer = load(json);
    const props = layer.features[0]!.properties;
    expect(Object.keys(props)).toEqual(['__proto__', 'constructor', 'name']);
    expect(props.constructor).toBe('c');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
  });

  it('neither hangs nor overflows on 2,000 properties, huge strings and deep nesting', () => {
    const many: Record<string, unknown> = {};
    for (let i = 0; i < 2000; i++) many[`p${i}`] = i;
    many.huge = 'x'.repeat(5_000_000);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    many.deep = deep;
    const layer = load(fc(point(116, 36, many)));
    expect(Object.keys(layer.features[0]!.properties)).toHaveLength(2001);
    expect(layer.issues.map((i) => i.code)).toEqual(['nested-too-deep']);
    expect(() => structuredClone(layer)).not.toThrow();
  });
});
