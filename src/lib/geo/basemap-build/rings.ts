/**
 * One ring at a time: repeated points and spikes removed, pinches split into simple loops,
 * orientation, area and containment. Exact on the source's 1/1024° grid.
 */
import type { Position } from 'geojson';

export type Ring = Position[];

export const samePoint = (a: Position | undefined, b: Position | undefined): boolean =>
  a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

/**
 * True where the path P→Q→R turns back on itself at Q (a spike tip), or Q repeats a neighbour.
 * Exact on the source's 1/1024° grid, whose coordinates are exact binary fractions.
 */
function isSpike(p: Position, q: Position, r: Position): boolean {
  const [px = 0, py = 0] = p;
  const [qx = 0, qy = 0] = q;
  const [rx = 0, ry = 0] = r;
  const cross = (qx - px) * (ry - qy) - (qy - py) * (rx - qx);
  const dot = (qx - px) * (rx - qx) + (qy - py) * (ry - qy);
  return cross === 0 && dot <= 0;
}

/**
 * Removes repeated points and spikes (the path running out and back along the same line), also
 * across the closing point. The source has thousands, and one side of a border having a point
 * the other lacks splits the shared border into many arcs. Returns the open ring.
 */
export function removeSpikes(ring: readonly Position[]): Ring {
  const open = samePoint(ring[0], ring[ring.length - 1]) ? ring.slice(0, -1) : ring.slice();
  const out: Ring = [];
  for (const p of open) {
    if (samePoint(out[out.length - 1], p)) continue;
    for (let a = out[out.length - 2], b = out[out.length - 1]; a && b && isSpike(a, b, p);) {
      out.pop();
      [a, b] = [out[out.length - 2], out[out.length - 1]];
    }
    if (!samePoint(out[out.length - 1], p)) out.push(p);
  }
  // The seam: the same tests on the triples that wrap around.
  for (let changed = true; changed && out.length >= 3;) {
    changed = false;
    const [first, second] = out;
    const [before, last] = [out[out.length - 2], out[out.length - 1]];
    if (!first || !second || !before || !last) break;
    if (samePoint(last, first) || isSpike(before, last, first)) {
      out.pop();
      changed = true;
    } else if (isSpike(last, first, second)) {
      out.shift();
      changed = true;
    }
  }
  return out.length >= 3 ? out : [];
}

/**
 * Splits an open ring at every vertex it passes twice (the source's rings often pinch, touching
 * themselves) into simple open loops, which turf and OGC accept.
 */
export function splitLoops(open: readonly Position[]): Ring[] {
  const loops: Ring[] = [];
  const path: Ring = [];
  const at = new Map<string, number>();
  for (const p of open) {
    const key = `${p[0]},${p[1]}`;
    const j = at.get(key);
    if (j === undefined) {
      at.set(key, path.length);
      path.push(p);
      continue;
    }
    // path[j..] returns to p: cut it off as a loop and carry on from p.
    const loop = path.splice(j + 1);
    loops.push([p, ...loop]);
    for (const q of loop) at.delete(`${q[0]},${q[1]}`);
  }
  loops.push(path);
  return loops.filter((l) => l.length >= 3 && signedArea(l) !== 0);
}

/** Twice the signed area of an open ring, positive when counter-clockwise. */
export function signedArea(pts: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i];
    const b = pts[(i + 1) % pts.length];
    if (a && b) sum += (a[0] ?? 0) * (b[1] ?? 0) - (b[0] ?? 0) * (a[1] ?? 0);
  }
  return sum;
}

/** Closes an open ring, counter-clockwise or clockwise as asked. */
export function closeRing(open: readonly Position[], ccw: boolean): Ring {
  const pts = open.map((p): Position => [p[0] ?? NaN, p[1] ?? NaN]);
  if (signedArea(pts) > 0 !== ccw) pts.reverse();
  const first = pts[0];
  return first ? [...pts, [first[0] ?? NaN, first[1] ?? NaN]] : [];
}

/** Ray casting; `p` should not lie on the ring. */
export function insideRing(p: Position, ring: readonly Position[]): boolean {
  const [x = NaN, y = NaN] = p;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = NaN, yi = NaN] = ring[i] ?? [];
    const [xj = NaN, yj = NaN] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
