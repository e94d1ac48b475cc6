import { describe, expect, it } from 'vitest';
import { toWgs84 } from '../../../src/lib/import/crs.ts';
import { readShapefile } from '../../../src/lib/import/formats/shapefile.ts';
import type { ReadResult } from '../../../src/lib/import/types.ts';
import { fixtureFile } from './fixture.ts';

const PARTS = ['shp', 'dbf', 'prj', 'cpg'].map((ext) => fixtureFile(`parks-gk39.${ext}`));

/** The points of a result, converted as the pipeline would. */
function converted(result: ReadResult): number[][] {
  const out = toWgs84(result.features, { choice: 'auto', declared: result.declaredCrs! });
  expect(out.fatal).toBeUndefined();
  return out.features.map((f) => (f.geometry?.type === 'Point' ? f.geometry.coordinates : []));
}

function expectNearJinan(points: number[][]) {
  const [a, b] = points;
  expect(a?.[0]).toBeCloseTo(117.0, 6);
  expect(a?.[1]).toBeCloseTo(36.65, 6);
  expect(b?.[0]).toBeCloseTo(117.3, 6);
  expect(b?.[1]).toBeCloseTo(36.7, 6);
}

describe('readShapefile', () => {
  it('reads a zip in Gauss-Krüger zone 39, declares EPSG:4527 and converts to Jinan', async () => {
    const result = await readShapefile([fixtureFile('parks-gk39.zip')]);
    expect(result.fatal).toBeUndefined();
    expect(result.format).toBe('shapefile');
    expect(result.declaredCrs?.epsg).toBe(4527);
    expect(result.declaredCrs?.from).toBe('parks-gk39/parks-gk39.prj');
    // Returned as stored: converting is the pipeline's, once.
    expect(result.features[0]?.geometry).toEqual({
      type: 'Point',
      coordinates: [39500000, 4057669.9464940177],
    });
    expect(result.features.map((f) => f.properties.NAME)).toEqual([
      '济南高新技术产业开发区',
      '济南新旧动能转换起步区',
    ]);
    expect(result.features[0]?.properties.AREA_HA).toBe(31800.5);
    expect(result.issues).toEqual([]);
    expectNearJinan(converted(result));
  });

  it('reads .shp, .dbf, .prj and .cpg dropped together, matched by base name', async () => {
    const result = await readShapefile(PARTS);
    expect(result.fatal).toBeUndefined();
    expect(result.declaredCrs).toMatchObject({ epsg: 4527, from: 'parks-gk39.prj' });
    expect(result.features[1]?.properties.LEVEL).toBe('省级');
    expect(result.issues).toEqual([]);
    expectNearJinan(converted(result));
  });

  it('matches parts whatever the case of their names', async () => {
    const files = [
      fixtureFile('parks-gk39.shp', 'PARKS.SHP'),
      fixtureFile('parks-gk39.dbf', 'parks.dbf'),
    ];
    const result = await readShapefile(files);
    expect(result.features[0]?.properties.NAME).toBe('济南高新技术产业开发区');
  });

  it('reads a GBK .dbf without .cpg as GBK, and says it guessed', async () => {
    const files = [fixtureFile('parks-gk39.shp', 'p.shp'), fixtureFile('parks-gbk.dbf', 'p.dbf')];
    const result = await readShapefile(files);
    expect(result.features[0]?.properties.NAME).toBe('济南高新技术产业开发区');
    expect(result.issues.map((i) => i.code)).toEqual(['dbf-encoding-guessed']);
  });

  it('loads a .shp without its .dbf as shapes without attributes, with a warning', async () => {
    const result = await readShapefile([PARTS[0]!, PARTS[2]!]);
    expect(result.fatal).toBeUndefined();
    expect(result.features).toHaveLength(2);
    expect(result.features[0]?.properties).toEqual({});
    const [warning] = result.issues;
    expect(warning).toMatchObject({
      code: 'shapefile-no-dbf',
      rejected: false,
      where: 'parks-gk39.shp',
    });
    expect(warning?.en).toMatch(/parks-gk39\.dbf is missing/);
  });

  it('refuses a .dbf alone, asking for the .shp', async () => {
    const result = await readShapefile([PARTS[1]!]);
    expect(result.features).toEqual([]);
    expect(result.fatal).toMatchObject({ code: 'shapefile-no-shp', file: 'parks-gk39.dbf' });
    expect(result.fatal?.en).toMatch(/parks-gk39\.shp is missing/);
    expect(result.fatal?.zh).toMatch(/缺少 parks-gk39\.shp/);
  });

  it('refuses a cut-off zip (and does not hang on it)', async () => {
    const result = await readShapefile([fixtureFile('truncated.zip')]);
    expect(result.fatal).toMatchObject({ code: 'zip-corrupt', file: 'truncated.zip' });
    expect(result.fatal?.en).toMatch(/incomplete/);
  });

  it('refuses a file named .zip that is not one', async () => {
    const result = await readShapefile([fixtureFile('parks.kml', 'parks.zip')]);
    expect(result.fatal?.code).toBe('zip-corrupt');
    expect(result.fatal?.en).toMatch(/not a zip archive/);
  });

  it('refuses a zip without a shapefile, saying what it holds', async () => {
    const result = await readShapefile([fixtureFile('no-shapefile.zip')]);
    expect(result.fatal?.code).toBe('zip-no-shapefile');
    expect(result.fatal?.en).toMatch(/readme\.txt, parks\.csv/);
  });

  it('refuses a .shp whose header is not a shapefile', async () => {
    const result = await readShapefile([fixtureFile('parks.kml', 'parks.shp')]);
    expect(result.fatal).toMatchObject({ code: 'shapefile-corrupt', where: 'parks.shp' });
  });
});
