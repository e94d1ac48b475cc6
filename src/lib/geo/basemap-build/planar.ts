/**
 * Planar predicates on [x, y] pairs, shared by ring noding and the arc-contact check. Exact on
 * the source's binary-fraction grid and on quantized integers.
 */
import type { Position } from 'geojson';

export type XY = [number, number];

export function toXY(p: Position): XY {
  return [p[0] ?? NaN, p[1] ?? NaN];
}

export function same(p: XY, q: XY): boolean {
  return p[0] === q[0] && p[1] === q[1];
}

export function orient(a: XY, b: XY, c: XY): number {
  return Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
}

/** Where segments a-b and c-d cross, given that they properly do. */
export function crossing(a: XY, b: XY, c: XY, d: XY): XY {
  const den = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]);
  const u = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / den;
  return [a[0] + u * (b[0] - a[0]), a[1] + u * (b[1] - a[1])];
}

/** c on segment a-b, given that the three are collinear. */
export function onSegment(a: XY, b: XY, c: XY): boolean {
  return (
    Math.min(a[0], b[0]) <= c[0] &&
    c[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= c[1] &&
    c[1] <= Math.max(a[1], b[1])
  );
}

/** c strictly inside segment a-b, given that the three are collinear. */
export function strictlyBetween(a: XY, b: XY, c: XY): boolean {
  const t = (c[0] - a[0]) * (b[0] - a[0]) + (c[1] - a[1]) * (b[1] - a[1]);
  const length2 = (b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2;
  return t > 0 && t < length2;
}

/** Degrees to 5 decimals (about 1 m), as label points and contact points are written. */
export function round5(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}
