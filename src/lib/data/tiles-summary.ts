/**
 * What the layer panel and the industry filter count when points come from tiles: the archive's
 * metadata totals, over every point in it (the tiles a view loads hold a capped subset below the
 * last zoom, so counting rendered features would undercount).
 */
import type { LayerKey } from '../state/view.ts';
import { emptyLayerCounts, kindLayer } from './table.ts';
import { KINDS } from './vocabulary.ts';
import type { TilesSummary } from './tiles-schema.ts';

/** Points per layer-panel key (no zones in an archive of points; labels count nothing). */
export function summaryLayerCounts(summary: TilesSummary): Record<LayerKey, number> {
  const counts = emptyLayerCounts();
  for (const kind of KINDS) counts[kindLayer[kind]] += summary.kinds[kind] ?? 0;
  return counts;
}

/**
 * Points per industry over the whole archive. Unlike industryCounts for loaded data, hiding a
 * kind's layer does not change them: the metadata has no industry count per kind.
 */
export function summaryIndustryCounts(summary: TilesSummary): Map<string, number> {
  return new Map(Object.entries(summary.industries));
}
