/**
 * Noding rings against each other, so that neighbours drawn with different vertices along a
 * common border end up with the same vertices there and share one arc.
 */
import type { Position } from 'geojson';
import { crossing, orient, strictlyBetween, toXY, type XY } from './planar.ts';
import type { Ring } from './rings.ts';

/** A segment with its ends in canonical order, and the vertices found to lie inside it. */
interface Segment {
  a: XY;
  b: XY;
  extra: XY[];
}

/** Side of the grid cells that limit the vertex-on-segment search, in degrees. */
const CELL = 0.05;

const pointKey = (p: Position) => `${p[0]},${p[1]}`;
const segmentKey = (a: Position, b: Position) => [pointKey(a), pointKey(b)].sort().join(' ');
const cellOf = (v: number) => Math.floor(v / CELL);

/**
 * Nodes the rings against each other: every vertex that lies inside a segment (of any ring) and
 * every point where two segments cross becomes a vertex of those segments. Where one district's
 * border has a corner the neighbour's straight edge lacks, they would otherwise share no arc and
 * leave a zero-width sliver; where borders cross (the source has a few bow-ties), the crossing
 * must be a vertex for splitLoops to untie them. Tests are exact on the source's binary-fraction
 * grid; a crossing point is computed once per pair of segments, so every ring that uses the
 * segments gets the very same point.
 */
export function nodeRings(rings: readonly Ring[]): Ring[] {
  // Unique segments, so a shared edge is computed once.
  const segments = new Map<string, Segment>();
  const vertices = new Map<string, XY>();
  for (const ring of rings) {
    ring.forEach((p, i) => {
      const q = ring[(i + 1) % ring.length] ?? p;
      const [a, b]: XY[] = [toXY(p), toXY(q)].sort((u, v) => u[0] - v[0] || u[1] - v[1]);
      if (a && b) segments.set(segmentKey(p, q), { a, b, extra: [] });
      vertices.set(pointKey(p), toXY(p));
    });
  }
  const list = [...segments.values()];
  addVerticesOnSegments(list, vertices.values());
  addCrossings(list);
  return rings.map((ring) => withExtraVertices(ring, segments));
}

/** Every vertex lying strictly inside a segment, found through a grid of the vertices. */
function addVerticesOnSegments(list: readonly Segment[], vertices: Iterable<XY>): void {
  const grid = new Map<string, XY[]>();
  for (const v of vertices) {
    const at = `${cellOf(v[0])},${cellOf(v[1])}`;
    grid.set(at, [...(grid.get(at) ?? []), v]);
  }
  for (const s of list) {
    for (let cx = cellOf(s.a[0]); cx <= cellOf(s.b[0]); cx++) {
      for (
        let cy = cellOf(Math.min(s.a[1], s.b[1]));
        cy <= cellOf(Math.max(s.a[1], s.b[1]));
        cy++
      ) {
        for (const v of grid.get(`${cx},${cy}`) ?? []) {
          if (orient(s.a, s.b, v) === 0 && strictlyBetween(s.a, s.b, v)) s.extra.push(v);
        }
      }
    }
  }
}

/** Proper crossings, added to both segments: sweep over x, since segments are short. */
function addCrossings(list: Segment[]): void {
  list.sort((s, t) => s.a[0] - t.a[0]);
  for (let m = 0; m < list.length; m++) {
    const s = list[m];
    for (let n = m + 1; s && n < list.length; n++) {
      const t = list[n];
      if (!t || t.a[0] > s.b[0]) break;
      if (
        orient(s.a, s.b, t.a) * orient(s.a, s.b, t.b) < 0 &&
        orient(t.a, t.b, s.a) * orient(t.a, t.b, s.b) < 0
      ) {
        const x = crossing(s.a, s.b, t.a, t.b);
        s.extra.push(x);
        t.extra.push(x);
      }
    }
  }
}

/** The ring with each segment's extra vertices inserted in order along it. */
function withExtraVertices(ring: Ring, segments: ReadonlyMap<string, Segment>): Ring {
  return ring.flatMap((p, i) => {
    const q = ring[(i + 1) % ring.length] ?? p;
    const extra = segments.get(segmentKey(p, q))?.extra ?? [];
    if (extra.length === 0) return [p];
    const [ax = 0, ay = 0] = p;
    const [dx, dy] = [(q[0] ?? 0) - ax, (q[1] ?? 0) - ay];
    const along = (v: XY) => (v[0] - ax) * dx + (v[1] - ay) * dy;
    return [p, ...[...extra].sort((u, v) => along(u) - along(v))];
  });
}
