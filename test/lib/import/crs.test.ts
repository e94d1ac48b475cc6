import type { Feature, Geometry } from 'geojson';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import {
  crsFromMember,
  crsFromPrj,
  detectProjected,
  farOutsideChina,
  knownCrs,
  toWgs84,
} from '../../../src/lib/import/crs.ts';
import { fixtureText } from './fixture.ts';

const feature = (geometry: Geometry): Feature<Geometry, Record<string, unknown>> => ({
  type: 'Feature',
  properties: {},
  geometry,
});
const point = (...coordinates: number[]) => feature({ type: 'Point', coordinates });
/** The coordinates of the first feature, when it is a point. */
function firstPoint(out: { features: Feature<Geometry | null, unknown>[] }): number[] {
  const g = out.features[0]?.geometry;
  return g?.type === 'Point' ? g.coordinates : [];
}
/** Jinan in CGCS2000 3° Gauss-Krüger zone 39 (EPSG:4527) and in Web Mercator. */
const JINAN_GK39 = [39500000, 4057669.9464940177];
const JINAN_3857 = [13024380.422813008, 4390432.940495119];

describe('crsFromPrj', () => {
  it.each([
    ['Esri GK zone', fixtureText('parks-gk39.prj'), 4527],
    [
      'Esri GK CM',
      'PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000"]]',
      4548,
    ],
    [
      'EPSG GK CM',
      'PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 117E",GEOGCS["China Geodetic Coordinate System 2000"]]',
      4548,
    ],
    ['6° zone', 'PROJCS["CGCS2000 / Gauss-Krüger zone 20",GEOGCS["CGCS2000"]]', 4498],
    [
      '6° CM',
      'PROJCS["CGCS2000_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000"]]',
      4509,
    ],
    [
      'Esri web mercator',
      'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984"]]',
      3857,
    ],
    [
      'WGS 84',
      'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]]',
      4326,
    ],
    ['CGCS2000', 'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000"]]', 4490],
    [
      'root authority',
      'PROJCS["x",GEOGCS["WGS 84",AUTHORITY["EPSG","4326"]],AUTHORITY["EPSG","3857"]]',
      3857,
    ],
  ])('recognises %s', (_, wkt, epsg) => {
    expect(crsFromPrj(wkt, 'a.prj')).toEqual({ epsg, text: wkt, from: 'a.prj' });
  });

  it('leaves a projection it has no code for without one (and not WGS 84)', () => {
    const wkt =
      'PROJCS["WGS_1984_UTM_Zone_50N",GEOGCS["GCS_WGS_1984",AUTHORITY["EPSG","4326"]],UNIT["Meter",1.0]]';
    expect(crsFromPrj(wkt).epsg).toBeUndefined();
  });
});

describe('crsFromMember', () => {
  const named = (name: string) => crsFromMember({ type: 'name', properties: { name } });
  it('reads the EPSG code of every spelling', () => {
    expect(named('urn:ogc:def:crs:EPSG::3857')?.epsg).toBe(3857);
    expect(named('EPSG:4490')?.epsg).toBe(4490);
    expect(named('urn:ogc:def:crs:OGC:1.3:CRS84')?.epsg).toBe(4326);
    expect(named('http://www.opengis.net/def/crs/EPSG/0/4527')?.epsg).toBe(4527);
    expect(crsFromMember({ type: 'EPSG', properties: { code: 4326 } })?.epsg).toBe(4326);
  });
  it('is null without a member and keeps the text of one it cannot read', () => {
    expect(crsFromMember(undefined)).toBeNull();
    expect(crsFromMember(null)).toBeNull();
    expect(named('Xian 1980')).toEqual({ text: 'Xian 1980', from: 'crs member' });
  });
});

describe('knownCrs: the CGCS2000 Gauss-Krüger table', () => {
  it.each([
    [4491, 75, 13500000],
    [4498, 117, 20500000],
    [4499, 123, 21500000],
    [4501, 135, 23500000],
    [4502, 75, 500000],
    [4512, 135, 500000],
    [4513, 75, 25500000],
    [4527, 117, 39500000],
    [4533, 135, 45500000],
    [4534, 75, 500000],
    [4548, 117, 500000],
    [4554, 135, 500000],
  ])('EPSG:%i has lon_0 %i and x_0 %i', (epsg, lon0, x0) => {
    expect(knownCrs(epsg)?.proj4).toContain(`+lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80`);
  });

  it('puts every zone’s central meridian at its false easting', () => {
    for (let epsg = 4491; epsg <= 4554; epsg++) {
      const def = knownCrs(epsg)?.proj4 ?? '';
      const lon0 = Number(/lon_0=(\d+)/.exec(def)?.[1]);
      const x0 = Number(/x_0=(\d+)/.exec(def)?.[1]);
      expect(proj4('WGS84', def, [lon0, 36])[0]).toBeCloseTo(x0, 3);
    }
    expect(knownCrs(4490)?.kind).toBe('geographic');
    expect(knownCrs(900913)?.epsg).toBe(3857);
    expect(knownCrs(4555)).toBeUndefined();
  });
});

describe('detectProjected', () => {
  it('tells degrees, Gauss-Krüger with a zone, Web Mercator and other metres apart', () => {
    expect(detectProjected([point(117, 36.65)]).kind).toBe('geographic');
    // Swapped or out-of-range degrees are the validator's, not a projection.
    expect(detectProjected([point(36.65, 117)]).kind).toBe('geographic');
    expect(detectProjected([point(...JINAN_GK39)])).toMatchObject({
      kind: 'gauss-kruger',
      zone: 39,
    });
    expect(detectProjected([point(...JINAN_3857)]).kind).toBe('webmercator');
    expect(detectProjected([point(500000, 4057669)])).toEqual({
      kind: 'gauss-kruger',
      example: [500000, 4057669],
    });
    expect(detectProjected([point(-5e7, 9e7)]).kind).toBe('unknown-projected');
  });
  it('says when a 6° zone prefix could as well be Web Mercator', () => {
    expect(detectProjected([point(13200000, 4400000)])).toMatchObject({
      zone: 13,
      orWebMercator: true,
    });
  });
});

describe('toWgs84', () => {
  it('converts a crs member’s EPSG:3857 to Jinan', () => {
    const declared = crsFromMember({
      type: 'name',
      properties: { name: 'urn:ogc:def:crs:EPSG::3857' },
    })!;
    const out = toWgs84([point(...JINAN_3857)], { choice: 'auto', declared, file: 'a.geojson' });
    const [lng, lat] = firstPoint(out);
    expect(lng).toBeCloseTo(117.0, 5);
    expect(lat).toBeCloseTo(36.65, 5);
    expect(out.used.code).toBe('EPSG:3857');
  });

  it('refuses undeclared Gauss-Krüger metres, naming the zone and its code', () => {
    const out = toWgs84([point(...JINAN_GK39)], { choice: 'auto', file: 'parks.geojson' });
    expect(out.features).toEqual([]);
    expect(out.fatal).toMatchObject({
      code: 'projected-undeclared',
      file: 'parks.geojson',
      rejected: true,
    });
    expect(out.fatal?.en).toMatch(
      /Gauss-Krüger 3° zone 39 \(EPSG:4527\).*x = 39 500 000.*add the \.prj/,
    );
    expect(out.fatal?.zh).toMatch(/第39带/);
    expect(out.fatal?.en).not.toMatch(/swap/i);
  });

  it('refuses undeclared metres even when the user picked a geographic system', () => {
    expect(toWgs84([point(...JINAN_3857)], { choice: 'gcj02' }).fatal?.en).toMatch(/Web Mercator/);
  });

  it('converts every geometry type and keeps elevations and properties', () => {
    const declared = { epsg: 4527, text: 'EPSG:4527', from: 'a.prj' };
    const [x, y] = JINAN_GK39 as [number, number];
    const ring = [
      [x, y],
      [x + 1000, y],
      [x + 1000, y + 1000],
      [x, y],
    ];
    const input = [
      { ...point(x, y, 42), properties: { name: 'a' } },
      feature({ type: 'MultiPolygon', coordinates: [[ring]] }),
      feature({
        type: 'GeometryCollection',
        geometries: [{ type: 'LineString', coordinates: ring }],
      }),
    ];
    const out = toWgs84(input, { choice: 'auto', declared });
    expect(out.features[0]?.properties).toEqual({ name: 'a' });
    const [lng, lat, ele] = firstPoint(out);
    expect([lng, lat, ele]).toEqual([expect.closeTo(117, 6), expect.closeTo(36.65, 6), 42]);
    const text = JSON.stringify(out.features.slice(1));
    expect(text).not.toMatch(/395\d{5}/);
    expect(text).toMatch(/117\.01/);
  });

  it('refuses a declaration the numbers contradict', () => {
    const gk = { epsg: 4527, text: 'EPSG:4527', from: 'a.prj' };
    expect(toWgs84([point(117, 36.65)], { choice: 'auto', declared: gk }).fatal?.code).toBe(
      'crs-mismatch',
    );
    const cm = { epsg: 4548, text: 'EPSG:4548', from: 'a.prj' };
    const wrongZone = toWgs84([point(...JINAN_GK39)], { choice: 'auto', declared: cm });
    expect(wrongZone.fatal?.en).toMatch(/begins with zone 39/);
    const merc = { epsg: 3857, text: 'EPSG:3857', from: 'crs member' };
    const mislabelled = toWgs84([point(...JINAN_GK39)], { choice: 'auto', declared: merc });
    expect(mislabelled.fatal?.en).toMatch(/Gauss-Krüger zone 39/);
    const wgs = { epsg: 4326, text: 'EPSG:4326', from: 'crs member' };
    expect(toWgs84([point(...JINAN_GK39)], { choice: 'auto', declared: wgs }).fatal?.code).toBe(
      'crs-mismatch',
    );
  });

  it('converts a .prj it has no code for through proj4, and refuses one proj4 cannot read', () => {
    const utm =
      'PROJCS["WGS 84 / UTM zone 50N",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",117],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]';
    const out = toWgs84([point(500000, 4056000)], { choice: 'auto', declared: crsFromPrj(utm) });
    expect(out.fatal).toBeUndefined();
    const [lng] = firstPoint(out);
    expect(lng).toBeCloseTo(117, 6);
    const xian = { epsg: 2385, text: 'EPSG:2385', from: 'a.prj' };
    expect(toWgs84([point(500000, 4056000)], { choice: 'auto', declared: xian }).fatal?.code).toBe(
      'crs-unsupported',
    );
  });

  it('treats CGCS2000 as WGS-84 and says they differ by centimetres', () => {
    const out = toWgs84([point(117, 36.65)], { choice: 'cgcs2000' });
    expect(out.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [117, 36.65] });
    expect(out.used.en).toMatch(/centimetres/);
    const declared = toWgs84([point(117, 36.65)], {
      choice: 'auto',
      declared: { epsg: 4490, text: 'EPSG:4490', from: 'a.prj' },
    });
    expect(declared.used.code).toBe('EPSG:4490');
  });

  it('says when the chosen GCJ-02 overrides a file’s WGS-84 label', () => {
    const declared = { epsg: 4326, text: 'EPSG:4326', from: 'crs member' };
    const out = toWgs84([point(117, 36.65)], { choice: 'gcj02', declared });
    expect(out.used.code).toBe('GCJ-02');
    expect(out.issues.map((i) => [i.code, i.rejected])).toEqual([['crs-choice-overrides', false]]);
  });
});

describe('farOutsideChina', () => {
  it('is false over China and true elsewhere', () => {
    expect(farOutsideChina(117, 36.65)).toBe(false);
    expect(farOutsideChina(87.6, 43.8)).toBe(false);
    expect(farOutsideChina(0, 0)).toBe(true);
    expect(farOutsideChina(-74, 40.7)).toBe(true);
  });
});
