/**
 * An imported layer of many points on the GPU point layer: the worker's classed points become
 * the layer's columns (every point a "park"-sized circle), colours come from the classes, the
 * category filter is the layer's hidden rows (computed here from the points' categories, so a
 * toggle is one upload and a redraw), and a hit is found by scanning the positions — a few
 * milliseconds for half a million points, once per click.
 */
import { CLASS_NO_DATA, NO_CATEGORY, type ClassedPoints } from '../scales/classed-points.ts';
import { NO_DATA_COLOR } from '../scales/classify.ts';
import { hexToRgba } from './gpu/colors.ts';
import { MASK_WORDS } from './gpu/mask.ts';
import { pointRadius, type GpuPointRows } from './gpu/points-layer.ts';
import type { PointVisibility } from './gpu/point-table.ts';

/** Kind index of every imported point: POINT_KINDS[0], park radii. */
const SHOWN = 0;

/** Only SHOWN rows pass; no industry selection; `hidden` is the category filter's. */
export const IMPORTED_VISIBILITY: PointVisibility = {
  kinds: 1 << SHOWN,
  selection: new Uint32Array(MASK_WORDS),
  none: false,
  hidden: null,
};

export function importedRows(points: ClassedPoints): GpuPointRows {
  const length = points.classes.length;
  return {
    length,
    origin: points.origin,
    positions: points.positions,
    kinds: new Uint8Array(length),
  };
}

/**
 * 1 per point whose category is not among `shown` (a point with none is hidden too, as the
 * GeoJSON layers' filter hides it); null when nothing is filtered.
 */
export function hiddenByCategory(
  points: ClassedPoints,
  shown: readonly string[] | null,
): Uint8Array | null {
  if (!shown) return null;
  const n = points.classes.length;
  const { categories, categoryValues } = points;
  const on = new Uint8Array(256);
  const wanted = new Set(shown);
  categoryValues.forEach((v, i) => wanted.has(v) && (on[i] = 1));
  on[NO_CATEGORY] = 0;
  const hidden = new Uint8Array(n);
  for (let i = 0; i < n; i++)
    hidden[i] = categories ? 1 - (on[categories[i] as number] as number) : 1;
  return hidden;
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
 * The shown point (not `hidden`) nearest to a mercator position within `radiusPx` at `zoom`, or
 * -1. MapLibre's world is 512 px wide at zoom 0.
 */
export function nearestRow(
  points: ClassedPoints,
  hidden: Uint8Array | null,
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
    if (hidden?.[i]) continue;
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
