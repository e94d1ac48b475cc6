/**
 * What this device knows of an imported place beyond its token (state/place.ts): its layer and
 * properties, never in a link. Apart from place.ts, which the link decoder needs: only the
 * toolkit's and the importer's chunks carry this store.
 */
import { SvelteMap } from 'svelte/reactivity';

/** What this device knows of a place beyond the token: its layer and properties (never in a link). */
export interface PlaceInfo {
  layer: string;
  properties: Record<string, unknown>;
}

/**
 * Properties of the places added on this device, by token: the comparison shows them; a link
 * opened elsewhere carries only the name and the position. Reactive: what is learnt later (the
 * place found again in a layer restored after a reload) reaches the panels that read it.
 */
const known = new SvelteMap<string, PlaceInfo>();

export function keepPlace(token: string, info: PlaceInfo): void {
  known.set(token, info);
}

export const placeInfo = (token: string): PlaceInfo | null => known.get(token) ?? null;
