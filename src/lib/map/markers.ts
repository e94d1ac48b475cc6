import { POINT_KINDS, markerImageId, schematicMarkerId, type PointKind } from './ids.ts';

export type MarkerShape = 'circle' | 'diamond' | 'triangle' | 'square';

/** One shape per kind, so kinds stay apart for readers who cannot tell the colours apart. */
export const kindShape: Record<PointKind, MarkerShape> = {
  park: 'circle',
  platform: 'diamond',
  project: 'triangle',
  enterprise: 'square',
};

export interface SdfImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Pixels of distance field on each side of the edge (MapLibre's SDF icons expect about 8). */
const SDF_RADIUS = 8;
/** Alpha at the edge: MapLibre draws SDF icons where alpha ≥ 0.75 (192/256). */
const SDF_CUTOFF = 0.25;

/** Width in px of a hollow marker's ring (of a 48 px image). */
const RING = 7;

/** Signed distance (px, negative inside) from (x, y) to a shape of half-size r centred at 0. */
function signedDistance(shape: MarkerShape, x: number, y: number, r: number): number {
  switch (shape) {
    case 'circle':
      return Math.hypot(x, y) - r;
    case 'square': {
      const dx = Math.abs(x) - r * 0.85;
      const dy = Math.abs(y) - r * 0.85;
      return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0);
    }
    case 'diamond':
      // L1 ball, scaled so its area is close to the circle's.
      return ((Math.abs(x) + Math.abs(y)) / Math.SQRT2 - r * 0.95) * 1;
    case 'triangle': {
      // Equilateral triangle pointing up, centroid at the origin.
      const k = Math.sqrt(3);
      const s = r * 1.15;
      let px = Math.abs(x) - s;
      let py = -y + s / k;
      if (px + k * py > 0) {
        const nx = (px - k * py) / 2;
        const ny = (-k * px - py) / 2;
        px = nx;
        py = ny;
      }
      px -= Math.min(Math.max(px, -2 * s), 0);
      return -Math.hypot(px, py) * Math.sign(py);
    }
  }
}

/**
 * A signed-distance-field marker image for `map.addImage(id, image, { sdf: true })`, so one image
 * per shape can be tinted by `icon-color` (kind colours, choropleth classes) at no extra cost.
 */
export function markerSdf(shape: MarkerShape, size = 32, hollow = false): SdfImage {
  const data = new Uint8Array(size * size * 4);
  const half = size / 2;
  const r = half - SDF_RADIUS + 2;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const edge = signedDistance(shape, i + 0.5 - half, j + 0.5 - half, r);
      // Hollow: a ring RING px wide just inside the outline (a schematic position).
      const d = hollow ? Math.abs(edge + RING / 2) - RING / 2 : edge;
      const alpha = Math.round(255 * Math.min(1, Math.max(0, 1 - (d / SDF_RADIUS + SDF_CUTOFF))));
      const o = (j * size + i) * 4;
      data[o] = data[o + 1] = data[o + 2] = 255;
      data[o + 3] = alpha;
    }
  }
  return { width: size, height: size, data };
}

/** The 48 px image a style's `icon-image` id names (solid, or hollow when schematic), or null. */
export function markerImage(id: string): SdfImage | null {
  for (const kind of POINT_KINDS) {
    if (id === markerImageId(kind)) return markerSdf(kindShape[kind], 48);
    if (id === schematicMarkerId(kind)) return markerSdf(kindShape[kind], 48, true);
  }
  return null;
}
