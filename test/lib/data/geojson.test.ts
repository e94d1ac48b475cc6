import { describe, expect, it } from 'vitest';
import { checkFeatureCollection } from '../../../src/lib/data/geojson.ts';

const point = (lng: unknown, lat: unknown, props: unknown = {}) => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'Point', coordinates: [lng, lat] },
});
const square = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];

describe('checkFeatureCollection', () => {
  const check = (json: unknown) => checkFeatureCollection(json, { source: 'mine.geojson' });

  it('keeps valid features of every geometry type', () => {
    const r = check({
      type: 'FeatureCollection',
      features: [
        point(116, 36),
        { type: 'Feature', properties: null, geometry: { type: 'Polygon', coordinates: [square] } },
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'MultiPolygon', coordinates: [[square]] },
        },
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          },
        },
        { type: 'Feature', properties: {}, geometry: null },
      ],
    });
    expect(r.issues).toEqual([]);
    expect(r.collection.features).toHaveLength(5);
  });

  it('accepts a lone Feature as a collection of one', () => {
    expect(check(point(116, 36)).collection.features).toHaveLength(1);
  });

  it('keeps the good features and locates each bad one', () => {
    const r = check({
      type: 'FeatureCollection',
      features: [
        point(116, 36),
        point(36, 116),
        point('116', 36),
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 1],
              ],
            ],
          },
        },
        { type: 'Feature', properties: {}, geometry: { type: 'Circle', coordinates: [0, 0] } },
        { type: 'Feature', properties: 'oops', geometry: null },
        42,
      ],
    });
    expect(r.collection.features).toHaveLength(1);
    expect(r.rejected).toBe(6);
    expect(r.issues.map((i) => i.path)).toEqual([
      'features[1].geometry.coordinates',
      'features[2].geometry.coordinates',
      'features[3].geometry.coordinates[0]',
      'features[4].geometry.type',
      'features[5].properties',
      'features[6]',
    ]);
    expect(r.issues[0]?.message).toMatch(/latitude 116.*swapped/);
    expect(r.issues[2]?.message).toMatch(/must end where it starts/);
    expect(r.issues.every((i) => i.source === 'mine.geojson')).toBe(true);
  });

  it('says what is wrong with a file that is not a FeatureCollection', () => {
    expect(check([1, 2]).issues[0]?.message).toMatch(/not a GeoJSON object/);
    expect(check({ type: 'Topology' }).issues[0]).toMatchObject({
      path: 'type',
      message: expect.stringMatching(/Topology/),
    });
    expect(check({ type: 'FeatureCollection', features: {} }).issues[0]?.path).toBe('features');
  });

  it('caps the list of issues for a huge broken file, and counts the rest', () => {
    const features = Array.from({ length: 500 }, () => point(0, 200));
    const r = checkFeatureCollection(
      { type: 'FeatureCollection', features },
      { source: 's', maxIssues: 10 },
    );
    expect(r.rejected).toBe(500);
    expect(r.issues).toHaveLength(11);
    expect(r.issues[10]?.message).toBe('490 more features rejected');
  });

  it('passes property values through untouched, HTML included (the UI escapes it)', () => {
    const html = '<img src=x onerror=alert(1)>';
    const r = check({ type: 'FeatureCollection', features: [point(116, 36, { name: html })] });
    expect(r.collection.features[0]?.properties?.name).toBe(html);
  });
});
