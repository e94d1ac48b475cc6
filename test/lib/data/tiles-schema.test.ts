import { describe, expect, it } from 'vitest';
import { parseTilesMetadata, MVT_TILE_TYPE } from '../../../src/lib/data/tiles-schema.ts';

const header = { tileType: MVT_TILE_TYPE, maxZoom: 12 };

/** Metadata as scripts/tiles/build.ts writes it (trimmed). */
function metadata() {
  return {
    name: 'park-atlas-points',
    vector_layers: [{ id: 'points', fields: { id: 'String' } }],
    park_atlas: {
      count: 3,
      kinds: { park: 2, enterprise: 1 },
      industries: { biomedicine: 2 },
      bounds: [115, 35, 116, 36],
      maxzoom: 12,
      cap: 4000,
      zooms: [{ zoom: 0, features: 3, tiles: 1, max_per_tile: 3 }],
      fields: [
        {
          key: 'total_investment',
          label_zh: '总投资',
          label_en: 'Total investment',
          unit: '亿元',
          count: 2,
          sample: [1.5, 20],
        },
      ],
    },
  };
}

describe('parseTilesMetadata', () => {
  it('returns the park_atlas summary of a valid archive', () => {
    const parsed = parseTilesMetadata(metadata(), header, '/x.pmtiles');
    expect(parsed.issues).toEqual([]);
    expect(parsed.summary?.count).toBe(3);
    expect(parsed.summary?.fields[0]?.sample).toEqual([1.5, 20]);
  });

  it('reads the years the points’ status letters cover, and takes an archive without them', () => {
    const counts = { unreported: 1, planned: 2, under_construction: 0, operating: 0, unknown: 0 };
    const m = metadata();
    const dated = {
      ...m,
      park_atlas: { ...m.park_atlas, years: { first: 2015, last: 2015, counts: [counts] } },
    };
    expect(parseTilesMetadata(dated, header, '/x.pmtiles').summary?.years?.counts).toEqual([
      counts,
    ]);
    expect(parseTilesMetadata(metadata(), header, '/x.pmtiles').summary?.years).toBeUndefined();
  });

  it('locates what is wrong in the metadata, under the archive URL', () => {
    const m = metadata();
    (m.park_atlas.fields[0] as { sample: unknown }).sample = [3, 1];
    const parsed = parseTilesMetadata(m, header, '/x.pmtiles');
    expect(parsed.summary).toBeNull();
    expect(parsed.issues).toEqual([
      {
        source: '/x.pmtiles',
        path: 'metadata.park_atlas.fields[0].sample',
        message: 'must be ascending',
      },
    ]);
  });

  it('refuses metadata of another tile set (no park_atlas) and raster tiles', () => {
    const parsed = parseTilesMetadata(
      { vector_layers: [{ id: 'roads' }] },
      { tileType: 2, maxZoom: 12 },
      '/x.pmtiles',
    );
    expect(parsed.summary).toBeNull();
    expect(parsed.issues.map((i) => i.path)).toEqual([
      'header.tileType',
      'metadata.vector_layers',
      'metadata.park_atlas',
    ]);
  });

  it('refuses a summary whose max zoom is not the header’s', () => {
    const parsed = parseTilesMetadata(metadata(), { ...header, maxZoom: 10 }, '/x.pmtiles');
    expect(parsed.issues[0]?.message).toMatch(/tiles end at zoom 10/);
  });
});
