/**
 * Zone outlines and the positions derived from them, shared by scripts/build-outlines.ts (which
 * writes them) and the validator (which checks that the data still matches them). Pure.
 */
import { destination } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { labelPoint } from '../geo/labels.ts';
import type { PlaceDerivationSchema } from './schema.ts';
import type * as v from 'valibot';

export type PlaceDerivation = v.InferOutput<typeof PlaceDerivationSchema>;

/** Rounded to 5 decimals (about 1 m), as every coordinate in data/ is. */
export function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

function roundPosition(p: Position): [number, number] {
  return [round5(p[0] ?? NaN), round5(p[1] ?? NaN)];
}

/** A closed ring with consecutive duplicates (made by rounding) dropped. */
export function cleanRing(ring: readonly Position[]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of ring.map(roundPosition)) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([...first]);
  return out;
}

function ringArea(ring: readonly Position[]): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax = 0, ay = 0] = ring[i] ?? [];
    const [bx = 0, by = 0] = ring[i + 1] ?? [];
    twice += (ax - bx) * (ay + by);
  }
  return Math.abs(twice) / 2;
}

/**
 * The official outline of a district as a zone ring: the outer ring of its largest part, rounded.
 * A zone is one Polygon without holes, so islets of a MultiPolygon (胶州市 has two, of three
 * vertices each) are left out; data/README.md says so.
 */
export function officialRing(geometry: Polygon | MultiPolygon): [number, number][] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: Position[] = [];
  for (const part of parts) {
    const outer = part[0] ?? [];
    if (ringArea(outer) > ringArea(best)) best = outer;
  }
  return cleanRing(best);
}

/** The position a derivation gives: `distance_km` along `bearing_deg` from `from`, rounded. */
export function derivedPosition(
  from: readonly [number, number],
  d: Pick<PlaceDerivation, 'distance_km' | 'bearing_deg'>,
): [number, number] {
  // turf measures bearings from north, clockwise, in -180…180.
  const bearing = d.bearing_deg > 180 ? d.bearing_deg - 360 : d.bearing_deg;
  const p = destination([from[0], from[1]], d.distance_km, bearing, { units: 'kilometers' });
  return roundPosition(p.geometry.coordinates);
}

/** Where a zone's zone-precision features sit: the label point of its outline, rounded. */
export function zoneAnchor(outline: Polygon): [number, number] | null {
  const p = labelPoint(outline);
  return p ? roundPosition(p) : null;
}
