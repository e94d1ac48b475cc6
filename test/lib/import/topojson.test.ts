import { describe, expect, it } from 'vitest';
import { readTopojson } from '../../../src/lib/import/formats/topojson.ts';
import { fixtureText } from './fixture.ts';

const topology = () => JSON.parse(fixtureText('two-objects.topo.json')) as Record<string, unknown>;

describe('readTopojson', () => {
  it('concatenates the features of every object, each marked with its object', () => {
    const result = readTopojson(topology(), 'two.topo.json');
    expect(result.fatal).toBeUndefined();
    expect(result.format).toBe('topojson');
    expect(result.features.map((f) => [f.properties._layer, f.properties.name])).toEqual([
      ['zones', '起步区'],
      ['parks', '高新区'],
      ['parks', '青岛西海岸'],
    ]);
    expect(result.features[0]?.geometry?.type).toBe('Polygon');
    expect(result.features[2]?.geometry).toEqual({ type: 'Point', coordinates: [120.38, 36.07] });
  });

  it('refuses GeoJSON passed as TopoJSON, naming the type it found', () => {
    const result = readTopojson({ type: 'FeatureCollection', features: [] }, 'a.topojson');
    expect(result.fatal).toMatchObject({ code: 'topojson-type', where: 'type' });
    expect(result.fatal?.en).toMatch(/"FeatureCollection"/);
  });

  it('refuses a topology without objects or without arcs', () => {
    const noObjects = readTopojson({ type: 'Topology', arcs: [] }, 'a.topojson');
    expect(noObjects.fatal?.code).toBe('topojson-objects');
    const noArcs = readTopojson({ type: 'Topology', objects: {} }, 'a.topojson');
    expect(noArcs.fatal?.code).toBe('topojson-arcs');
  });

  it('skips an object it cannot convert and reads the others', () => {
    const t = topology();
    (t.objects as Record<string, unknown>).bad = { type: 'Polygon', arcs: [[7]] };
    (t.objects as Record<string, unknown>).untyped = { arcs: [] };
    const result = readTopojson(t, 'a.topojson');
    expect(result.features).toHaveLength(3);
    expect(result.issues.map((i) => [i.code, i.where])).toEqual([
      ['topojson-object', 'objects.bad'],
      ['topojson-object', 'objects.untyped'],
    ]);
  });
});

describe('readTopojson crs member', () => {
  it('declares the crs member some tools copy over from GeoJSON 2008', () => {
    const t = { ...topology(), crs: { type: 'name', properties: { name: 'EPSG:3857' } } };
    expect(readTopojson(t, 'a.topojson').declaredCrs).toEqual({
      epsg: 3857,
      text: 'EPSG:3857',
      from: 'a.topojson crs member',
    });
    expect(readTopojson(topology(), 'a.topojson').declaredCrs).toBeUndefined();
  });
});
