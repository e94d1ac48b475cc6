/** The build of what the basemap gives to orient by: src/lib/geo/basemap-build/context.ts, places.ts. */
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { feature } from 'topojson-client';
import {
  DEFAULT_CONTEXT,
  buildContext,
  waterPolygons,
} from '../../../src/lib/geo/basemap-build/context.ts';
import {
  compareLabels,
  kmBetween,
  matchPrefectureSeats,
  type GeoNamesCity,
} from '../../../src/lib/geo/basemap-build/places.ts';

const square = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const city = (name: string, admin2: string, lng: number, lat: number): GeoNamesCity => ({
  name,
  lat: String(lat),
  lng: String(lng),
  country: 'CN',
  admin1: '25',
  admin2,
});
const pinyin: Record<string, string> = {
  菏泽: 'he ze',
  泰安: 'tai an',
  德州: 'de zhou',
  曲阜: 'qu fu',
};
const toPinyin = (zh: string) => pinyin[zh] ?? '';

describe('matchPrefectureSeats', () => {
  it('matches by prefecture code and pinyin, apostrophes and case aside, and lists the rest', () => {
    const cities = [
      city('Heze', '3717', 115.47358, 35.23929),
      city('Tai’an', '3709', 117.12, 36.18528),
      city('Dezhou', '9999', 116.36, 37.44), // another admin2: not 德州市 of Shandong
    ];
    const { places, unmatched } = matchPrefectureSeats(
      cities,
      [
        { code: '3717', name: '菏泽市' },
        { code: '3709', name: '泰安市' },
        { code: '3714', name: '德州市' },
      ],
      toPinyin,
    );
    expect(places).toEqual([
      { code: '3717', name: '菏泽', position: [115.47358, 35.23929], geonames: 'Heze' },
      { code: '3709', name: '泰安', position: [117.12, 36.18528], geonames: 'Tai’an' },
    ]);
    expect(unmatched).toEqual(['3714 德州市']);
  });
});

describe('compareLabels', () => {
  it('measures how far the label points lie from GeoNames places of the same name', () => {
    const check = compareLabels(
      [
        { name: '曲阜市', city_code: '3708', label: [116.99, 35.58] },
        { name: '牡丹区', city_code: '3717', label: [115.42, 35.25] },
      ],
      [city('Qufu', '3708', 116.99, 35.59)],
      toPinyin,
    );
    expect(check.matched).toBe(1);
    expect(check.total).toBe(2);
    expect(check.largest[0]?.name).toBe('曲阜市');
    expect(check.medianKm).toBeCloseTo(1.1, 1);
  });

  it('kmBetween: a degree of latitude is about 111 km', () => {
    expect(kmBetween([117, 36], [117, 37])).toBeCloseTo(111.2, 0);
  });
});

describe('waterPolygons', () => {
  it('flattens a GeometryCollection of MultiPolygons into polygons', () => {
    const water = waterPolygons({
      type: 'GeometryCollection',
      geometries: [
        {
          type: 'MultiPolygon',
          coordinates: [square(0, 0, 1, 1).coordinates, square(2, 2, 3, 3).coordinates],
        },
      ],
    });
    expect(water).toHaveLength(2);
    expect(water.every((p) => p.type === 'Polygon')).toBe(true);
  });
});

describe('buildContext', () => {
  // A neighbour west of "Shandong", sharing the border at 116°E; sea east of 118°E.
  const neighbour = square(114, 35, 116, 37);
  const shandong = square(116, 35, 118, 37);
  const options = {
    ...DEFAULT_CONTEXT,
    bounds: [113, 34, 119, 38] as [number, number, number, number],
    waterBounds: [113, 34, 119, 38] as [number, number, number, number],
  };
  const { topology, stats } = buildContext(
    { neighbours: [neighbour], shandong: [shandong], water: [square(116.5, 36, 116.6, 36.1)] },
    [{ code: '3717', name: '菏泽', position: [116.5, 35.5], geonames: 'Heze' }],
    [
      {
        code: '371702',
        name: '牡丹区',
        name_en: 'Mudan District',
        city: '菏泽市',
        label: [116.4, 35.6],
      },
    ],
    options,
  );
  const fc = feature(topology, topology.objects.context);
  const land = fc.features.find((f) => f.properties?.kind === 'land');

  it('holds one land area, the water, the prefecture seats and the county seats', () => {
    expect(fc.features.map((f) => f.properties?.kind)).toEqual(['land', 'water', 'city', 'seat']);
    expect(fc.features[2]?.properties).toEqual({
      kind: 'city',
      name: '菏泽',
      name_en: 'Heze',
      code: '3717',
    });
    expect(fc.features[3]?.properties).toEqual({
      kind: 'seat',
      name: '牡丹区',
      name_en: 'Mudan District',
      code: '371702',
      city: '菏泽市',
    });
    expect(stats).toMatchObject({ waterPolygons: 1, places: 1 });
  });

  it('grows the neighbour under Shandong by the overlap, so no sliver of sea shows', () => {
    if (!land || land.geometry.type === 'Point') throw new Error('no land');
    const at = (lng: number, lat: number) =>
      booleanPointInPolygon(
        [lng, lat],
        land as never as Parameters<typeof booleanPointInPolygon>[1],
      );
    expect(at(115, 36)).toBe(true);
    expect(at(116 + options.overlap / 2, 36)).toBe(true);
    expect(at(116 + options.overlap * 3, 36)).toBe(false);
  });

  it('but not into the sea beside either', () => {
    if (!land) throw new Error('no land');
    const [, , east = 0, north = 0] = bboxOf(land.geometry);
    expect(north).toBeLessThanOrEqual(37 + 1e-3);
    expect(east).toBeLessThan(116 + options.overlap * 2);
  });
});

function bboxOf(g: unknown): [number, number, number, number] {
  const xs: number[] = [];
  const ys: number[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v) && typeof v[0] === 'number') {
      xs.push(v[0]);
      ys.push(v[1] as number);
    } else if (Array.isArray(v)) v.forEach(walk);
  };
  walk((g as { coordinates: unknown }).coordinates);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
