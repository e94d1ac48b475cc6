/**
 * Nearby over the user's imported layers (#17), for the toolkit: the import worker holds their
 * features, so it is asked whenever the origin, the radius or the layers (shown, named) change,
 * and an answer to an earlier question is dropped when a newer one has been asked.
 */
import { untrack } from 'svelte';
import type { Precision } from '../lib/data/schema.ts';
import type { ImportedNearby, ImportedNearbyHit } from '../lib/import/nearby.ts';
import type { NearbySpec } from '../lib/state/view.ts';
import { parsePlace, type Place } from '../lib/state/place.ts';
import { optionOf } from './imported-search.ts';
import { nearbyOrigin, type Kit } from './toolkit.ts';

/** How many imported features nearby lists (the rest are counted). */
export const IMPORTED_NEARBY_LIMIT = 50;

export interface ImportedNearbyView {
  /** The worker's answer; null while it is being asked. */
  result: ImportedNearby | null;
  /** The origin's approximation: imported distances are as exact as the user's file otherwise. */
  approx: Precision | 'outline' | null;
}

export class ImportedNearbyQuery {
  /** Null when there is nothing to ask: no imported layers, no nearby, no origin. */
  view = $state.raw<ImportedNearbyView | null>(null);
  private asked = 0;

  /** Asks for a spec (call it in an effect: it reads the imported layers, so it follows them). */
  ask(kit: Kit, spec: NearbySpec | null): void {
    const call = ++this.asked;
    const imports = kit.imports;
    const layers = imports?.entries.length ?? 0;
    const origin = spec ? nearbyOrigin(kit.atlas, spec) : null;
    if (!imports || !spec || !origin || layers === 0) {
      this.view = null;
      return;
    }
    const approx = origin.approx;
    // The previous list stays up until the new one comes: no flash of "looking" while sliding.
    this.view = { result: untrack(() => this.view?.result ?? null), approx };
    const [lng = 0, lat = 0] = origin.at;
    // From an imported place, one more is asked for: the place itself comes back at 0 m.
    const place = spec.from ? parsePlace(spec.from) : null;
    const limit = IMPORTED_NEARBY_LIMIT + (place ? 1 : 0);
    imports.ask({ type: 'nearby', at: [lng, lat], radiusKm: spec.radius, limit }).then(
      (found) => {
        const result = place ? withoutPlace(found, place, IMPORTED_NEARBY_LIMIT) : found;
        if (call === this.asked) this.view = { result, approx };
      },
      () => call === this.asked && (this.view = null),
    );
  }

  /** Opens an imported feature's details and flies to it, as choosing it in search does. */
  open(kit: Kit, hit: Pick<ImportedNearbyHit, 'layer' | 'id'>): void {
    kit.imports?.chosen(optionOf(hit), (g) => kit.controller?.flyTo(g));
  }
}

/** Within this of its own token's position an imported feature is the place itself (rounded to ~1 m). */
export const SAME_PLACE_KM = 0.005;

/**
 * The answer without the place nearby was asked from: a place is its name and position (the
 * label point, rounded), so the hit of that name at that spot is it, not a neighbour.
 */
export function withoutPlace(found: ImportedNearby, place: Place, limit: number): ImportedNearby {
  const i = found.hits.findIndex((h) => h.name === place.name && h.km < SAME_PLACE_KM);
  const hits = i < 0 ? found.hits : found.hits.filter((_, j) => j !== i);
  return { hits: hits.slice(0, limit), total: found.total - (i < 0 ? 0 : 1) };
}
