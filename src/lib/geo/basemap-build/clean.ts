/**
 * Cleaning the source geometries together: spikes removed, rings noded against their
 * neighbours, pinches split, and the polygons rebuilt with RFC 7946 orientation.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { nodeRings } from './noding.ts';
import {
  closeRing,
  insideRing,
  removeSpikes,
  samePoint,
  signedArea,
  splitLoops,
  type Ring,
} from './rings.ts';

/**
 * Cleans a set of geometries together (noding needs the neighbours): removeSpikes, nodeRings,
 * then splitLoops on every ring, and the polygons rebuilt. A loop turning the same way as its
 * ring's main loop keeps the ring's role; one turning the other way (a pinched-off hole, or an
 * island in a hole) takes the opposite role. Holes go to the smallest exterior that holds them.
 * Rings are oriented as RFC 7946 asks: exteriors counter-clockwise, holes clockwise. A geometry
 * with no area left comes back as null.
 */
export function cleanGeometries(
  geometries: readonly (Polygon | MultiPolygon)[],
): (Polygon | MultiPolygon | null)[] {
  const polygonsOf = (g: Polygon | MultiPolygon) =>
    g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const despiked = geometries.map((g) => polygonsOf(g).map((rings) => rings.map(removeSpikes)));
  const noded = nodeRings(despiked.flat(2));
  let k = 0;
  return despiked.map((polygons) =>
    assemble(polygons.map((rings) => rings.map(() => noded[k++] ?? []))),
  );
}

/** cleanGeometries for one geometry on its own. */
export function cleanGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  return cleanGeometries([geometry])[0] ?? null;
}

function assemble(polygons: readonly Ring[][]): Polygon | MultiPolygon | null {
  const exteriors: Ring[] = [];
  const holes: Ring[] = [];
  for (const rings of polygons) {
    rings.forEach((ring, index) => {
      const loops = splitLoops(ring);
      const areas = loops.map(signedArea);
      const main = areas.reduce((m, a) => (Math.abs(a) > Math.abs(m) ? a : m), 0);
      loops.forEach((loop, i) => {
        const sameWay = (areas[i] ?? 0) > 0 === main > 0;
        (sameWay === (index === 0) ? exteriors : holes).push(loop);
      });
    });
  }
  if (exteriors.length === 0) return null;

  const shells = exteriors
    .map((open) => ({ ring: closeRing(open, true), area: Math.abs(signedArea(open)) }))
    .sort((a, b) => b.area - a.area);
  const parts: Ring[][] = shells.map((s) => [s.ring]);
  for (const open of holes) {
    const hole = closeRing(open, false);
    // Test a hole vertex that is not a shell vertex: a pinched-off hole touches its shell.
    const owner = shells
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => {
        const probe = hole.find((p) => !s.ring.some((q) => samePoint(p, q)));
        return probe !== undefined && insideRing(probe, s.ring);
      })
      .pop();
    if (owner) parts[owner.i]?.push(hole);
  }
  const [only] = parts;
  return parts.length === 1 && only
    ? { type: 'Polygon', coordinates: only }
    : { type: 'MultiPolygon', coordinates: parts };
}
