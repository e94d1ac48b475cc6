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

/** True when the text names the feature: its name or one of its aliases is in it. */
const names = (f: ParkFeature, text: string): boolean =>
  [f.properties.name_zh, ...f.properties.aliases].some((n) => text.includes(n));

/**
 * Typed relations (data/README.md, "Relations"): each to a feature that exists, not to itself,
 * at most once per type and target, never `located_in` a zone (that is `zone`), and stated by a
 * quote that names both features. A `parent` must be backed by a `located_in` relation to it, so
 * that physical containment has its quote too. (The type is a picklist of the schema and the
 * quote's presence in its document is checked with the other quotes, in ./feature.ts.)
 */
export function checkRelations(f: ParkFeature, byId: FeaturesById, add: AddProblem): void {
  const p = f.properties;
  const seen = new Set<string>();
  p.relations.forEach((r, i) => {
    const at = `relations[${i}]`;
    const key = `${r.type} ${r.target}`;
    if (seen.has(key)) add(at, `repeats ${r.type} "${r.target}"`);
    seen.add(key);
    if (r.target === p.id) return add(`${at}.target`, 'a feature cannot relate to itself');
    const target = byId.get(r.target)?.feature;
    if (!target) return add(`${at}.target`, `"${r.target}" does not exist`);
    if (r.type === 'located_in' && target.properties.kind === 'zone')
      add(`${at}.target`, 'located_in a zone: the zone is `zone`, not a relation');
    if (!names(f, r.quote) || !names(target, r.quote))
      add(`${at}.quote`, `does not name both ${p.id} and ${r.target}`);
  });
  // A parent that is missing or a zone is checkParent's to report.
  const parent = p.parent === null ? undefined : byId.get(p.parent)?.feature;
  if (parent && parent.properties.kind !== 'zone' && !seen.has(`located_in ${p.parent}`))
    add('relations', `parent "${p.parent}" has no located_in relation quoting the text`);
}
