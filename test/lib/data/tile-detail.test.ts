import { describe, expect, it } from 'vitest';
import { cutTile, encodeTile } from '../../../scripts/tiles/point-tiles.ts';
import { parseFeatures } from '../../../src/lib/data/parse.ts';
import { findInTile, parseDetail } from '../../../src/lib/data/tile-detail.ts';
import { tileAt } from '../../../src/lib/geo/mercator.ts';
import { viewPlaces } from '../../../src/lib/source/tiles.ts';
import { generatePoints } from '../../../scripts/bench/generate.ts';

const [feature] = parseFeatures(generatePoints(1, 3).features, 'test').features;
const f = feature!;
const [lng, lat] = f.geometry.coordinates as [number, number];
const z = 12;
const tile = tileAt(lng, lat, z);
/** One tile of zoom 12 holding the point, as the tiler writes it. */
const bytes = encodeTile(
  cutTile(
    {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [lng, lat] },
          properties: { id: f.id, kind: 'park', detail: JSON.stringify(f.properties) },
        },
      ],
    },
    z,
    tile.x,
    tile.y,
  ),
);

describe('details from a tile', () => {
  it('finds the point by id and gives back the feature the schema parsed', () => {
    const found = findInTile(bytes, tile, f.id);
    expect(found).not.toBeNull();
    const parsed = parseDetail(found!);
    expect('feature' in parsed && parsed.feature.properties).toEqual(f.properties);
    // Tile coordinates: within a few metres of where the point is.
    const got = 'feature' in parsed ? (parsed.feature.geometry.coordinates as number[]) : [];
    expect(Math.abs(got[0]! - lng)).toBeLessThan(1e-4);
    expect(Math.abs(got[1]! - lat)).toBeLessThan(1e-4);
  });

  it('is null for an id the tile does not hold', () => {
    expect(findInTile(bytes, tile, 'nope')).toBeNull();
  });

  it('says what is wrong with a missing, broken or invalid detail', () => {
    const at: [number, number] = [lng, lat];
    expect(parseDetail({ properties: { id: 'x' }, coordinates: at })).toEqual({
      error: 'x: the archive holds no details for it',
    });
    const broken = parseDetail({ properties: { id: 'x', detail: '{"id":' }, coordinates: at });
    expect('error' in broken && broken.error).toMatch(/^x: its details are not JSON/);
    const invalid = parseDetail({
      properties: { id: 'x', detail: JSON.stringify({ ...f.properties, kind: 'castle' }) },
      coordinates: at,
    });
    expect('error' in invalid && invalid.error).toMatch(/^x: properties\.kind: /);
  });
});

describe('viewPlaces', () => {
  it('gives one place per tile over the view, the centre tile first', () => {
    const places = viewPlaces([116, 35, 116.2, 35.1], 12);
    const tiles = places.map(([x, y]) => tileAt(x, y, 12));
    const keys = new Set(tiles.map((t) => `${t.x}/${t.y}`));
    expect(keys.size).toBe(places.length);
    expect(places.length).toBeGreaterThanOrEqual(4);
    const centre = tileAt(116.1, 35.05, 12);
    const first = tiles[0]!;
    expect(Math.abs(first.x - centre.x) + Math.abs(first.y - centre.y)).toBeLessThanOrEqual(1);
  });
});
