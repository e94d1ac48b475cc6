/**
 * Imported places compared or on the route whose properties this page does not know (it was
 * reloaded, or opened by a link on the device that holds the file): each is looked for in the
 * imported layers shown, by its name within a few metres of its position (a place is its name
 * and label point, rounded: state/place.ts), and its properties kept when found.
 */
import { parsePlace } from '../lib/state/place.ts';
import { keepPlace, placeInfo } from '../lib/state/place-info.ts';
import { SAME_PLACE_KM } from './imported-nearby.svelte.ts';
import type { Imports } from './imports.svelte.ts';

export async function recallPlaces(
  imports: Pick<Imports, 'ask'>,
  tokens: readonly string[],
): Promise<void> {
  for (const token of tokens) {
    const place = parsePlace(token);
    if (!place || placeInfo(token)) continue;
    const near = await imports.ask({
      type: 'nearby',
      at: place.at,
      radiusKm: SAME_PLACE_KM,
      limit: 20,
    });
    const hit = near.hits.find((h) => h.name === place.name);
    if (!hit) continue;
    const found = await imports.ask({ type: 'feature', layer: hit.layer, id: hit.id });
    if (found && !placeInfo(token))
      keepPlace(token, { layer: hit.title, properties: found.feature.properties });
  }
}
