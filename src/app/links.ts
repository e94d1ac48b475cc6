/** The page's link: which view it opens, kept in step with the view, and links to one feature. */
import type { ParkFeature } from '../lib/data/schema.ts';
import { labelPoint } from '../lib/geo/labels.ts';
import { browserStorage, storedBasemap } from '../lib/state/basemap.ts';
import { copyText } from '../lib/state/clipboard.ts';
import { UrlSync, type HistoryPort } from '../lib/state/url-sync.ts';
import { linkToFeature, type DroppedPart } from '../lib/state/url/index.ts';
import type { Lang, ViewState } from '../lib/state/view.ts';
import type { Atlas } from './atlas.ts';

/**
 * Starts the link sync for loaded data: the view the link asks for, as this data can show it,
 * and what in it could not be used.
 */
export async function openLink(
  atlas: Atlas,
  history: HistoryPort,
  storage: Pick<Storage, 'getItem'> | null = browserStorage(),
): Promise<{ sync: UrlSync; view: ViewState; dropped: DroppedPart[] }> {
  const sync = await UrlSync.open(history, atlas.linkVocabulary());
  const initial = sync.initial();
  const adapted = atlas.adaptView(initial.view);
  // A link without `bm` keeps this browser's own online basemap setting.
  const view = { ...adapted.view, basemap: adapted.view.basemap ?? storedBasemap(storage) };
  return { sync, view, dropped: [...initial.dropped, ...adapted.dropped] };
}

/** A page URL with this hash, keeping the page's query (`?data=`, `?tiles=`). */
export function pageUrl(location: Pick<Location, 'origin' | 'pathname' | 'search'>, hash: string) {
  return `${location.origin}${location.pathname}${location.search}#${hash}`;
}

/** The hash of a link that opens one feature, centred, whatever else the sender had on. */
export function featureHash(f: ParkFeature, lang: Lang): string {
  // Validation guarantees a feature has a position; the fallback only keeps the type total.
  const [lng, lat] = labelPoint(f.geometry) ?? [0, 0];
  const zoom = f.geometry.type === 'Point' ? 13 : 10;
  return linkToFeature(f.id, { zoom, lat, lng, bearing: 0, pitch: 0 }, lang);
}

/** Copies a link that opens one feature; resolves to `copied`, or the link to copy by hand. */
export async function copyFeatureLink(f: ParkFeature, lang: Lang, copied: string): Promise<string> {
  const url = pageUrl(location, featureHash(f, lang));
  return (await copyText(url)) ? copied : url;
}
