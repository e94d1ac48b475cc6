/**
 * An imported layer of many points on the GPU point layer: the worker's classed points become
 * the layer's columns (every point a "park"-sized circle, filtered-out points given a kind the
 * visibility leaves off), colours come from the classes, and a hit is found by scanning the
 * positions — a few milliseconds for half a million points, once per click.
 */
import { CLASS_HIDDEN, CLASS_NO_DATA, type ClassedPoints } from '../scales/classed-points.ts';
import { NO_DATA_COLOR } from '../scales/classify.ts';
import { hexToRgba } from './gpu/colors.ts';
import { MASK_WORDS } from './gpu/mask.ts';
import { pointRadius, type GpuPointRows } from './gpu/points-layer.ts';
import type { PointVisibility } from './gpu/point-table.ts';

/** Kind index of points shown (POINT_KINDS[0], park radii) and of points filtered out. */
const SHOWN = 0;
const HIDDEN = 1;

/** Only SHOWN rows pass; no industry selection. */
export const IMPORTED_VISIBILITY: PointVisibility = {
  kinds: 1 << SHOWN,
  selection: new Uint32Array(MASK_WORDS),
  none: false,
  hidden: null,
};

export function importedRows(points: ClassedPoints): GpuPointRows {
  const length = points.classes.length;
  const kinds = new Uint8Array(length);
  for (let i = 0; i < length; i++) if (points.classes[i] === CLASS_HIDDEN) kinds[i] = HIDDEN;
  return {
    length,
    origin: points.origin,
    positions: points.positions,
    kinds,
  };
}

/** RGBA per point: its class's colour, the no-data grey, or the layer's one colour. */
export function importedColors(points: ClassedPoints, colors: readonly string[]): Uint8Array {
  const palette = colors.map(hexToRgba);
  const noData = hexToRgba(NO_DATA_COLOR);
  const { classes } = points;
  const out = new Uint8Array(classes.length * 4);
  for (let i = 0; i < classes.length; i++) {
    const c = classes[i] as number;
    const rgba = c === CLASS_NO_DATA ? noData : (palette[c] ?? palette[0] ?? noData);
    out[i * 4] = rgba[0];
    out[i * 4 + 1] = rgba[1];
    out[i * 4 + 2] = rgba[2];
    out[i * 4 + 3] = rgba[3];
  }
  return out;
}

/**
 * The shown point nearest to a mercator position within `radiusPx` at `zoom`, or -1. MapLibre's
 * world is 512 px wide at zoom 0.
 */
export function nearestRow(
  points: ClassedPoints,
  at: readonly [number, number],
  zoom: number,
  radiusPx = pointRadius('park', zoom) + 3,
): number {
  const perPx = 1 / (512 * 2 ** zoom);
  const x = at[0] - points.origin[0];
  const y = at[1] - points.origin[1];
  let best = -1;
  let bestD = (radiusPx * perPx) ** 2;
  const { positions, classes } = points;
  for (let i = 0; i < classes.length; i++) {
    if (classes[i] === CLASS_HIDDEN) continue;
    const dx = (positions[i * 2] as number) - x;
    const dy = (positions[i * 2 + 1] as number) - y;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}
