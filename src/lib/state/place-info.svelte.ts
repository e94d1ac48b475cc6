/**
 * What this device knows of an imported place beyond its token (state/place.ts): its layer and
 * properties, never in a link. Apart from place.ts so the first visit's chunk, which reads
 * tokens in links, does not carry the reactive store the toolkit and the importer share.
 */
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
const known = new Map<string, PlaceInfo>();
/** Bumped on each change: a reader subscribes to it (a plain counter, not svelte/reactivity). */
let changes = $state(0);

export function keepPlace(token: string, info: PlaceInfo): void {
  known.set(token, info);
  changes = changes + 1;
}

export const placeInfo = (token: string): PlaceInfo | null =>
  changes >= 0 ? (known.get(token) ?? null) : null;
