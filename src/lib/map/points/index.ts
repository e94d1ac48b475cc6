/** Chooses and creates the point renderer for a source's points. */
import type { FeatureTable } from '../../data/table.ts';
import type { PointData } from '../../source/types.ts';
import type { Theme } from '../style/theme.ts';
import { StylePoints } from './style-points.ts';
import type { PointDrawing, PointRenderer } from './types.ts';

/**
 * Above this many points, points are not style layers at all: the GPU point layer
 * (src/lib/map/gpu/points-layer.ts) draws them, with the industry filter as a uniform. Below it,
 * the curated dataset keeps its shaped SDF markers (a frame of 10,000 SDF symbols took ~220 ms on
 * software WebGL, docs/BENCHMARKS.md).
 */
export const BULK_POINTS = 2_000;

/** The way to draw a source's points: tiles as circles, else by how many points the table has. */
export function pointDrawing(points: PointData, table: FeatureTable): PointDrawing {
  if (points.type === 'tiles') return 'tiles';
  let n = 0;
  for (let row = 0; row < table.length; row++) if (table.isPoint(row) && !table.isZone(row)) n++;
  return n > BULK_POINTS ? 'gpu' : n === 0 ? 'none' : 'symbols';
}

/**
 * The renderer for a drawing. For tiles the archive is registered with MapLibre's `pmtiles://`
 * protocol first (its own chunk, with pmtiles), since the style's source reads it at once.
 */
export async function createPointRenderer(
  drawing: PointDrawing,
  points: PointData,
  table: FeatureTable,
  theme: Theme,
): Promise<PointRenderer> {
  if (drawing === 'gpu') {
    // Only past BULK_POINTS: the built-in data never needs it (the first visit's JS budget).
    const { GpuPointRenderer } = await import('./gpu-points.ts');
    return new GpuPointRenderer(table, theme);
  }
  if (points.type === 'tiles') {
    const { registerArchive } = await import('../pmtiles-protocol.ts');
    registerArchive(points.archive);
  }
  return new StylePoints(drawing);
}
