/**
 * A feature's typed relations both ways (data/README.md, "Relations"): those it holds, read
 * towards their target, and those other features hold to it, read back. For the details panel.
 */
import type { ParkFeature, Relation } from './schema.ts';

/** One related feature as the details panel lists it. */
export interface Related {
  /** The other feature's id. */
  id: string;
  type: Relation['type'];
  /** `out`: this feature holds the relation; `in`: the other one does. */
  direction: 'out' | 'in';
  doc: string;
  quote: string;
}

type Incoming = ReadonlyMap<string, readonly { from: string; relation: Relation }[]>;
const incomingCache = new WeakMap<readonly ParkFeature[], Incoming>();

/** Relations by target, built once per feature list. */
function incoming(features: readonly ParkFeature[]): Incoming {
  let index = incomingCache.get(features);
  if (index) return index;
  const out = new Map<string, { from: string; relation: Relation }[]>();
  for (const f of features)
    for (const relation of f.properties.relations) {
      const list = out.get(relation.target);
      const entry = { from: f.properties.id, relation };
      if (list) list.push(entry);
      else out.set(relation.target, [entry]);
    }
  incomingCache.set(features, (index = out));
  return index;
}

/**
 * The feature's related features: its own relations first, in the data's order, then those of
 * `features` that point to it. A relation to or from a feature `known` does not hold (not loaded)
 * is left out, as the panel could not select it.
 */
export function relatedOf(
  feature: ParkFeature,
  features: readonly ParkFeature[],
  known: (id: string) => boolean,
): Related[] {
  const own = feature.properties.relations.map((r): Related => ({
    id: r.target,
    type: r.type,
    direction: 'out',
    doc: r.doc,
    quote: r.quote,
  }));
  const back = (incoming(features).get(feature.properties.id) ?? []).map(
    ({ from, relation: r }): Related => ({
      id: from,
      type: r.type,
      direction: 'in',
      doc: r.doc,
      quote: r.quote,
    }),
  );
  return [...own, ...back].filter((r) => r.id !== feature.properties.id && known(r.id));
}
