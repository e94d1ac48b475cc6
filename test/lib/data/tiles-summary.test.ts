import { describe, expect, it } from 'vitest';
import { summaryIndustryCounts, summaryLayerCounts } from '../../../src/lib/data/tiles-summary.ts';
import type { TilesSummary } from '../../../src/lib/data/tiles-schema.ts';

const summary: TilesSummary = {
  count: 10,
  kinds: { park: 1, platform: 2, project: 3, enterprise: 4 },
  industries: { biomedicine: 6, 'new-materials': 5 },
  bounds: [115, 35, 116, 36],
  maxzoom: 12,
  cap: 4000,
  zooms: [],
  fields: [],
};

describe('counts from an archive’s metadata', () => {
  it('counts points per layer, none for zones and labels', () => {
    expect(summaryLayerCounts(summary)).toEqual({
      zones: 0,
      parks: 1,
      platforms: 2,
      projects: 3,
      enterprises: 4,
      nonplaces: 0,
      labels: 0,
    });
  });

  it('counts points per industry over the whole archive', () => {
    expect(summaryIndustryCounts(summary)).toEqual(
      new Map([
        ['biomedicine', 6],
        ['new-materials', 5],
      ]),
    );
  });
});
