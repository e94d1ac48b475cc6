/**
 * A line to write "黄河 / Yellow River" along (issue 13). The water polygons carry no names and
 * the river is a broken chain of them (at 500 m its width comes and goes; near the delta the
 * channel is missing for ~18 km), so the label line is found, not drawn: the cheapest path
 * through the water polygons from the one nearest the river mouth to one in the county where the
 * river enters, through the polygons' centres, simplified. Build-time only; the line only places
 * the label, it is never drawn.
 */
import type { LineString, Polygon, Position } from 'geojson';
import { booleanPointInPolygon, centroid, simplify } from '@turf/turf';
import { kmBetween } from './places.ts';

export interface RiverLineOptions {
  /** Polygons farther apart than this (km, nearest vertices) are not linked. */
  maxGapKm: number;
  /** Only polygons whose centres are this close (km) are compared, to keep it fast. */
  neighbourKm: number;
  /** Cost per km² of gap: large, so the path follows the water and jumps only where it breaks. */
  gapWeight: number;
  /**
   * Douglas–Peucker tolerance of the label line, degrees: coarse, because MapLibre writes a
   * line label only where the line bends less than `text-max-angle` along the text.
   */
  tolerance: number;
}

export const DEFAULT_RIVER_LINE: RiverLineOptions = {
  maxGapKm: 25,
  neighbourKm: 60,
  gapWeight: 20,
  tolerance: 0.06,
};

/** The smallest distance between two rings' vertices, km. */
function gapKm(a: readonly Position[], b: readonly Position[]): number {
  let best = Infinity;
  for (const p of a)
    for (const q of b) {
      const d = kmBetween([p[0] ?? 0, p[1] ?? 0], [q[0] ?? 0, q[1] ?? 0]);
      if (d < best) best = d;
    }
  return best;
}

/**
 * The label line from the water polygon nearest `mouth` to the first polygon (by path cost) whose
 * centre lies in `entry`, upstream first; null when none can be reached.
 */
export function riverLine(
  water: readonly Polygon[],
  mouth: [number, number],
  entry: Polygon | { type: 'MultiPolygon'; coordinates: Position[][][] },
  options: RiverLineOptions = DEFAULT_RIVER_LINE,
): LineString | null {
  const rings = water.map((p) => p.coordinates[0] ?? []);
  const centres = water.map((p) => centroid(p).geometry.coordinates as [number, number]);
  const edges: [number, number][][] = rings.map(() => []);
  for (let i = 0; i < rings.length; i++)
    for (let j = i + 1; j < rings.length; j++) {
      const apart = kmBetween(centres[i] ?? [0, 0], centres[j] ?? [0, 0]);
      if (apart > options.neighbourKm) continue;
      const gap = gapKm(rings[i] ?? [], rings[j] ?? []);
      if (gap > options.maxGapKm) continue;
      const cost = gap * gap * options.gapWeight + apart;
      edges[i]?.push([j, cost]);
      edges[j]?.push([i, cost]);
    }
  let start = -1;
  let nearest = Infinity;
  rings.forEach((ring, i) => {
    for (const [x = 0, y = 0] of ring) {
      const d = kmBetween([x, y], mouth);
      if (d < nearest) [nearest, start] = [d, i];
    }
  });
  if (start < 0) return null;
  // Dijkstra; a few hundred polygons, so a linear scan for the next one is fast enough.
  const cost = rings.map(() => Infinity);
  const from = rings.map(() => -1);
  const done = rings.map(() => false);
  cost[start] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < rings.length; i++)
      if (!done[i] && (cost[i] ?? Infinity) < (u < 0 ? Infinity : (cost[u] ?? Infinity))) u = i;
    if (u < 0 || cost[u] === Infinity) return null;
    done[u] = true;
    if (booleanPointInPolygon(centres[u] ?? [0, 0], entry)) {
      const path: number[] = [];
      for (let v = u; v >= 0; v = from[v] ?? -1) path.push(v);
      const line: LineString = {
        type: 'LineString',
        coordinates: path.map((i) => centres[i] ?? [0, 0]),
      };
      const simple = simplify(line, { tolerance: options.tolerance });
      return {
        type: 'LineString',
        coordinates: simple.coordinates.map(([x = 0, y = 0]) => [round5(x), round5(y)]),
      };
    }
    for (const [v, c] of edges[u] ?? [])
      if ((cost[u] ?? 0) + c < (cost[v] ?? Infinity)) {
        cost[v] = (cost[u] ?? 0) + c;
        from[v] = u;
      }
  }
}

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;
