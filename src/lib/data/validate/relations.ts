/** Checks of how a feature sits among the others: its parent chain and the zone it lies in. */
import { booleanPointInPolygon } from '@turf/turf';
import type { ParkFeature } from '../schema.ts';
import type { AddProblem } from './errors.ts';

/** Every feature that passed the schema, by id, with the file it is in. */
export type FeaturesById = ReadonlyMap<string, { file: string; feature: ParkFeature }>;

export function checkParent(f: ParkFeature, byId: FeaturesById, add: AddProblem): void {
  const p = f.properties;
  if (p.parent === null) return;
  if (p.kind === 'zone') {
    add('parent', 'a zone has no parent');
    return;
  }
  if (p.parent === p.id) {
    add('parent', 'a feature cannot be its own parent');
    return;
  }
  const parent = byId.get(p.parent)?.feature;
  if (!parent) {
    add('parent', `parent "${p.parent}" does not exist`);
    return;
  }
  if (parent.properties.kind === 'zone')
    add('parent', 'parent is for a park or building; use zone for the zone');
  else if (parent.properties.zone !== p.zone)
    add('parent', `parent "${p.parent}" is in another zone`);
  // Follow the chain to catch cycles (a → b → a).
  const seen = new Set([p.id]);
  for (
    let cur: ParkFeature | undefined = parent;
    cur;
    cur = byId.get(cur.properties.parent ?? '')?.feature
  ) {
    if (seen.has(cur.properties.id)) {
      add('parent', 'parent chain has a cycle');
      return;
    }
    seen.add(cur.properties.id);
  }
}

/** A point of a zone must lie inside that zone's polygon. */
export function checkInZone(f: ParkFeature, byId: FeaturesById, add: AddProblem): void {
  const zone = byId.get(f.properties.zone)?.feature;
  if (
    zone?.properties.kind === 'zone' &&
    zone.geometry.type === 'Polygon' &&
    f.geometry.type === 'Point' &&
    !booleanPointInPolygon(f.geometry.coordinates, zone.geometry, { ignoreBoundary: true })
  ) {
    add('geometry', `point is outside the polygon of zone ${zone.properties.id}`);
  }
}
