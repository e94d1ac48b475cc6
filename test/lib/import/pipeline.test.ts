import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/lib/import/pipeline.ts';
import type { ImportFile } from '../../../src/lib/import/types.ts';
import { fixtureFile } from './fixture.ts';

const text = (name: string, body: string): ImportFile => ({
  name,
  bytes: new TextEncoder().encode(body).buffer as ArrayBuffer,
});
const run = (files: ImportFile[], crs: 'auto' | 'gcj02' = 'auto') =>
  runImport(files, { crs, idPrefix: 't' });

describe('runImport: the whole path the worker runs', () => {
  it('reads a zipped shapefile in Gauss-Krüger zone 39 into WGS-84 near Jinan', async () => {
    const { layers, failed } = await run([fixtureFile('parks-gk39.zip')]);
    expect(failed).toEqual([]);
    const [lng, lat] =
      layers[0]!.features[0]!.geometry.type === 'Point'
        ? (layers[0]!.features[0]!.geometry.coordinates as number[])
        : [];
    expect(lng).toBeCloseTo(117.0, 4);
    expect(lat).toBeCloseTo(36.65, 4);
    expect(layers[0]!.crs.code).toContain('4527');
  });

  it('takes a shapefile’s parts dropped together as one layer', async () => {
    const parts = ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => fixtureFile(`parks-gk39.${e}`));
    const { layers } = await run(parts);
    expect(layers).toHaveLength(1);
    expect(layers[0]!.files).toHaveLength(5);
  });

  it('refuses metres nothing declares, naming the zone, never drawing them', async () => {
    const csv = text('gk.csv', 'name,x,y\n甲,39500000,4056000\n');
    const { layers, failed } = await run([csv]);
    expect(layers).toEqual([]);
    expect(failed[0]?.en).toMatch(/Gauss-Krüger 3° zone 39/);
    expect(failed[0]?.en).not.toMatch(/swapped/);
  });

  it('converts GCJ-02 when the user says so, and says which was used', async () => {
    const geo = text(
      'amap.geojson',
      JSON.stringify({ type: 'Point', coordinates: [117.0, 36.65] }),
    );
    const { layers } = await run([geo], 'gcj02');
    const [lng] =
      layers[0]!.features[0]!.geometry.type === 'Point'
        ? (layers[0]!.features[0]!.geometry.coordinates as number[])
        : [];
    expect(lng).not.toBe(117.0);
    expect(Math.abs(lng! - 117.0)).toBeLessThan(0.01);
    expect(layers[0]!.crs.code).toMatch(/GCJ/);
  });

  it('says why a file cannot load: web page, Excel, empty, not JSON, unknown', async () => {
    const { failed } = await run([
      text('data.geojson', '<!doctype html><html><body>Not found</body></html>'),
      { name: 'parks.xlsx', bytes: new Uint8Array([80, 75, 3, 4]).buffer },
      text('empty.csv', ''),
      text('cut.geojson', '{"type": "FeatureCollection", "features": [\n'),
      text('notes.doc', 'hello'),
      text('empty.geojson', '{"type":"FeatureCollection","features":[]}'),
    ]);
    expect(failed.map((f) => f.code)).toEqual([
      'web-page',
      'excel',
      'empty',
      'json-syntax',
      'unknown-format',
      'empty',
    ]);
    expect(failed[1]?.en).toContain('CSV');
    expect(failed[3]?.en).toMatch(/cut off|line/);
  });

  it('loads the good files of a batch when one is broken', async () => {
    const { layers, failed } = await run([text('cut.json', '{'), fixtureFile('parks-gbk.csv')]);
    expect(failed).toHaveLength(1);
    expect(layers[0]?.nameField).toBe('名称');
    expect(layers[0]?.features.length).toBeGreaterThan(1);
  });
});
