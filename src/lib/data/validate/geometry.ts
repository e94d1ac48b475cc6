/**
 * Checks of one feature's geometry: a Polygon zone of 4–MAX_RING_POSITIONS positions that does not cross itself,
 * Points for the rest, inside Shandong, rounded to 5 decimals.
 */
import { kinks } from '@turf/turf';
import type { Position } from 'geojson';
import type { ParkFeature, PolygonGeometry } from '../schema.ts';
import type { AddProblem } from './errors.ts';

import { SHANDONG_BOUNDS } from '../../names.ts';

/** Shandong's box (generous, islands included): catches swapped lon/lat and typos in degrees. */
const [WEST, SOUTH, EAST, NORTH] = SHANDONG_BOUNDS;

/** An official outline (胶州市) has 114; more would be a basemap change worth a look. */
export const MAX_RING_POSITIONS = 200;

export function checkGeometry(f: ParkFeature, add: AddProblem): void {
  const isZone = f.properties.kind === 'zone';
  const positions: Position[] = [];
  if (f.geometry.type === 'Point') {
    if (isZone) add('geometry.type', 'a zone feature must be a Polygon');
    positions.push(f.geometry.coordinates);
  } else {
    if (!isZone) add('geometry.type', `a ${f.properties.kind} feature must be a Point`);
    positions.push(...checkZoneRing(f.geometry, add));
  }
  for (const [x, y] of positions as [number, number][]) {
    if (x < WEST || x > EAST || y < SOUTH || y > NORTH) {
      add('geometry.coordinates', `[${x}, ${y}] is outside Shandong (lon/lat swapped?)`);
      break;
    }
  }
  if (positions.some(([x, y]) => !hasAtMost5Decimals(x ?? 0) || !hasAtMost5Decimals(y ?? 0))) {
    add('geometry.coordinates', 'coordinates must be rounded to 5 decimals');
  }
}

/** The polygon's outer ring, checked; returned for the checks every position gets. */
function checkZoneRing(geometry: PolygonGeometry, add: AddProblem): Position[] {
  const rings = geometry.coordinates;
  if (rings.length !== 1)
    add('geometry.coordinates', 'the zone polygon is one outer ring, without holes');
  const ring = rings[0] ?? [];
  const a = ring[0];
  const b = ring[ring.length - 1];
  if (!a || !b || a[0] !== b[0] || a[1] !== b[1])
    add('geometry.coordinates[0]', 'ring is not closed');
  if (ring.length < 4 || ring.length > MAX_RING_POSITIONS) {
    add(
      'geometry.coordinates[0]',
      `ring has ${ring.length} positions; the contract asks for 4–${MAX_RING_POSITIONS}`,
    );
  }
  if (kinks(geometry).features.length > 0) add('geometry.coordinates[0]', 'ring intersects itself');
  return ring;
}

/** Exact for values parsed from JSON: n/1e5 is correctly rounded, as parsing the literal is. */
function hasAtMost5Decimals(x: number): boolean {
  return Math.round(x * 1e5) / 1e5 === x;
}
