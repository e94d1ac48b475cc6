/**
 * The planar check of a finished topology: every place where arcs meet other than end to end,
 * found by an exact sweep over all segments of all arcs.
 */
import type { BasemapTopology, DistrictGeometry } from '../basemap.ts';
import { crossing, onSegment, orient, round5, same, type XY } from './planar.ts';

/** Where two arcs (or one arc with itself) meet other than at a shared end. */
export interface ArcContact {
  /** `cross`: proper crossing; `overlap`: collinear segments overlap; `spike`: a path turns back on
   * itself; `touch`: a vertex lies on another segment (zero-width contact, harmless to draw). */
  kind: 'cross' | 'overlap' | 'spike' | 'touch';
  arcs: [number, number];
  at: [number, number];
  districts: string[];
}

/** Calls `f` for every reference of a district's rings to an arc, with the arc's index. */
export function forEachArcRef(
  topology: BasemapTopology,
  f: (arc: number, g: DistrictGeometry) => void,
) {
  for (const g of topology.objects.districts.geometries as DistrictGeometry[]) {
    const rings = g.type === 'Polygon' ? g.arcs : g.arcs.flat();
    for (const i of rings.flat()) f(i < 0 ? ~i : i, g);
  }
}

/** One segment of an arc: `i` is its index in the arc, `last` the index of the arc's last one. */
interface Segment {
  a: XY;
  b: XY;
  arc: number;
  i: number;
  last: number;
}

type Found = { kind: ArcContact['kind']; at: XY };

/**
 * Every place where arcs meet other than end to end: a planar check of the whole map, so it
 * also finds neighbours whose simplified borders cross. On a quantized topology the coordinates
 * are integers and the tests are exact.
 */
export function arcContacts(topology: BasemapTopology): ArcContact[] {
  const owners = arcOwners(topology);
  const toLngLat = lngLatOf(topology);
  const segments = segmentsOf(decodedArcs(topology));
  const minX = (s: Segment) => Math.min(s.a[0], s.b[0]);
  segments.sort((s, t) => minX(s) - minX(t));

  const contacts: ArcContact[] = [];
  for (let m = 0; m < segments.length; m++) {
    const s = segments[m];
    if (!s) continue;
    const maxX = Math.max(s.a[0], s.b[0]);
    for (let n = m + 1; n < segments.length; n++) {
      const t = segments[n];
      if (!t || minX(t) > maxX) break;
      const found = contactBetween(s, t);
      if (!found) continue;
      contacts.push({
        kind: found.kind,
        arcs: [s.arc, t.arc],
        at: toLngLat(found.at),
        districts: [...new Set([...(owners.get(s.arc) ?? []), ...(owners.get(t.arc) ?? [])])],
      });
    }
  }
  return contacts;
}

/** Absolute coordinates: a quantized topology stores each arc as deltas. */
function decodedArcs(topology: BasemapTopology): XY[][] {
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([a = 0, b = 0]): XY => {
      if (!topology.transform) return [a, b];
      x += a;
      y += b;
      return [x, y];
    });
  });
}

/** Arc index → "code name" of the districts whose rings use it. */
function arcOwners(topology: BasemapTopology): Map<number, string[]> {
  const owners = new Map<number, string[]>();
  forEachArcRef(topology, (k, g) => {
    owners.set(k, [...(owners.get(k) ?? []), `${g.properties?.code} ${g.properties?.name}`]);
  });
  return owners;
}

/** Grid point → [lng, lat] rounded as the report writes it; the identity without a transform. */
function lngLatOf(topology: BasemapTopology): (p: XY) => [number, number] {
  return (p) => {
    const t = topology.transform;
    const [sx = 1, sy = 1] = t?.scale ?? [];
    const [tx = 0, ty = 0] = t?.translate ?? [];
    return t ? [round5(p[0] * sx + tx), round5(p[1] * sy + ty)] : p;
  };
}

function segmentsOf(arcs: readonly XY[][]): Segment[] {
  return arcs.flatMap((arc, k) =>
    arc.slice(1).map((b, i): Segment => ({ a: arc[i] ?? b, b, arc: k, i, last: arc.length - 2 })),
  );
}

/** How segments s and t meet, if they do other than where an arc ends. */
function contactBetween(s: Segment, t: Segment): Found | undefined {
  const shared = [s.a, s.b].find((p) => same(p, t.a) || same(p, t.b));
  if (shared) return sharedPointContact(s, t, shared);
  const o1 = orient(s.a, s.b, t.a);
  const o2 = orient(s.a, s.b, t.b);
  const o3 = orient(t.a, t.b, s.a);
  const o4 = orient(t.a, t.b, s.b);
  if (o1 * o2 < 0 && o3 * o4 < 0) return { kind: 'cross', at: crossing(s.a, s.b, t.a, t.b) };
  if (o1 === 0 && onSegment(s.a, s.b, t.a)) return { kind: 'touch', at: t.a };
  if (o2 === 0 && onSegment(s.a, s.b, t.b)) return { kind: 'touch', at: t.b };
  if (o3 === 0 && onSegment(t.a, t.b, s.a)) return { kind: 'touch', at: s.a };
  if (o4 === 0 && onSegment(t.a, t.b, s.b)) return { kind: 'touch', at: s.b };
  return undefined;
}

/** Segments with a common point: a spike or overlap if they run back along each other. */
function sharedPointContact(s: Segment, t: Segment, shared: XY): Found | undefined {
  const isEnd = (u: Segment, p: XY) =>
    (u.i === 0 && same(u.a, p)) || (u.i === u.last && same(u.b, p));
  const far = (u: Segment) => (same(u.a, shared) ? u.b : u.a);
  const [fs, ft] = [far(s), far(t)];
  const collinearBack =
    orient(shared, fs, ft) === 0 && (onSegment(shared, fs, ft) || onSegment(shared, ft, fs));
  const neighbours = s.arc === t.arc && Math.abs(s.i - t.i) === 1;
  if (collinearBack) return { kind: neighbours ? 'spike' : 'overlap', at: shared };
  if (!neighbours && !(isEnd(s, shared) && isEnd(t, shared))) return { kind: 'touch', at: shared };
  return undefined;
}
