/** The basemap every page draws, whatever its data: county-level districts of Shandong. */
import { boundsOf } from '../geo/bounds.ts';
import { fetchJson } from '../data/json.ts';
import { asBasemapTopology, basemapLayers, type BasemapLayers } from '../geo/basemap.ts';

export interface Basemap {
  layers: BasemapLayers;
  /** [west, south, east, north] of the districts: the initial view. */
  bounds: [number, number, number, number];
}

/** Fetches and checks the basemap topology; throws a located DataError when it is unusable. */
export async function loadBasemap(url: string, fetchImpl: typeof fetch = fetch): Promise<Basemap> {
  const layers = basemapLayers(asBasemapTopology(await fetchJson(url, { fetchImpl })));
  const [w, s, e, n] = boundsOf(layers.districts);
  return { layers, bounds: [w, s, e, n] };
}
