/**
 * Precision takes the weakest link: a point is no better located than the feature it sits in.
 * The accelerator has an address (building 2 of 医疗器械机电产业园), but the park itself is placed
 * only to its zone, so on the map the accelerator is as approximate as the park. The UI asks this
 * rather than reading `precision` alone (data/README.md, "Precision").
 */
import type { ParkFeature, Precision } from './schema.ts';

/** Best first. */
const ORDER: readonly Precision[] = ['address', 'town', 'zone'];

function weaker(a: Precision, b: Precision): Precision {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

/**
 * The weakest precision along the feature's parent chain, the feature included. A parent missing
 * from `byId` ends the chain (data:check reports it); a cycle is followed once round.
 */
export function effectivePrecision(
  feature: Pick<ParkFeature, 'properties'>,
  byId: { get(id: string): Pick<ParkFeature, 'properties'> | null | undefined },
): Precision {
  let precision = feature.properties.precision;
  const seen = new Set<string>([feature.properties.id]);
  let parentId = feature.properties.parent;
  while (parentId !== null && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = byId.get(parentId);
    if (!parent) break;
    precision = weaker(precision, parent.properties.precision);
    parentId = parent.properties.parent;
  }
  return precision;
}
