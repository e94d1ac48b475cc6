/**
 * The toolkit's wiring (#17): features by id as stops, nearby for a view, distances to the
 * basemap's seats. Loaded with the toolkit's chunks only; the main chunk imports its types.
 */
import type { Geometry, Position } from 'geojson';
import type { ParkFeature, Precision } from '../lib/data/schema.ts';
import type { MapController } from '../lib/map/controller.ts';
import type { AppState } from '../lib/state/app-state.svelte.ts';
import type { Lang, NearbySpec, SiteCriteria } from '../lib/state/view.ts';
import { industryAncestors } from '../lib/data/industries.ts';
import {
  figureMeasures,
  siteSearch,
  type Measure,
  type SiteResult,
} from '../lib/toolkit/site-search.ts';
import { nameIn } from '../lib/i18n/localized.ts';
import { nearby, nearestPlace, originOf, type NearbyHit } from '../lib/toolkit/nearby.ts';
import { parsePlace } from '../lib/state/place.ts';
import { placeInfo, type PlaceInfo } from '../lib/state/place-info.ts';
import { approximation } from '../lib/toolkit/distance.ts';
import type { Atlas } from './atlas.ts';
import type { Imports } from './imports.svelte.ts';
import type { SearchHit } from './search.ts';

/** What the toolkit's panels get from the page. */
export interface Kit {
  app: AppState;
  atlas: Atlas;
  controller: MapController | null;
  /** The top bar's search: the toolkit adds features by name with it. */
  search: (query: string) => SearchHit[];
  /** The user's imported layers, once their code has loaded (nearby lists them too). */
  imports: Imports | null;
}

export interface StopInfo {
  id: string;
  name: string;
  at: [number, number];
  /** The dataset's feature, or null for a place from an imported layer. */
  feature: ParkFeature | null;
  /** What the map frames: the feature's shape, or the place's point. */
  geometry: Geometry;
  /** An imported place's layer and properties, when this device added it (not by a link). */
  info: PlaceInfo | null;
}

/** The features and places behind ids, in order; ids the source does not hold are left out. */
export function stopsOf(atlas: Atlas, ids: readonly string[], lang: Lang): StopInfo[] {
  const out: StopInfo[] = [];
  for (const id of ids) {
    const place = parsePlace(id);
    if (place) {
      const geometry: Geometry = { type: 'Point', coordinates: place.at };
      out.push({ id, ...place, feature: null, geometry, info: placeInfo(id) });
      continue;
    }
    const feature = atlas.source.feature(id);
    const at = feature ? originOf(feature) : null;
    if (feature && at)
      out.push({
        id,
        name: nameIn(feature.properties, lang),
        at: [at[0] ?? 0, at[1] ?? 0],
        feature,
        geometry: feature.geometry,
        info: null,
      });
  }
  return out;
}

/** The source's features as a map by id (all of them; the embedded data and `?data=` files). */
function byIdOf(atlas: Atlas): Map<string, ParkFeature> {
  const all = atlas.source.table.ids.map((id) => atlas.source.feature(id));
  return new Map(all.filter((f): f is ParkFeature => f !== undefined).map((f) => [f.id, f]));
}

export interface NearbyOrigin {
  at: Position;
  /** The feature measured from, when it is one. */
  from: ParkFeature | null;
  /** How approximately the origin is placed (a point picked on the map: exactly). */
  approx: Precision | 'outline' | null;
}

/** Where nearby measures from: a feature's point or label point, or the point given. */
export function nearbyOrigin(atlas: Atlas, spec: NearbySpec): NearbyOrigin | null {
  const from = spec.from ? (atlas.source.feature(spec.from) ?? null) : null;
  const at = from ? originOf(from) : spec.at;
  if (!at) return null;
  const byId = { get: (id: string) => atlas.source.feature(id) };
  return { at, from, approx: from ? approximation(from, byId) : null };
}

/**
 * Nearby for a view: the features shown (layers and industries as filtered), or null when the
 * source does not hold every feature (an archive of tiles).
 */
export function nearbyFor(
  atlas: Atlas,
  app: AppState,
  spec: NearbySpec,
): { origin: Position; hits: NearbyHit[] } | null {
  const shown = atlas.shownFeatures(app);
  if (!shown) return null;
  const o = nearbyOrigin(atlas, spec);
  if (!o) return null;
  return {
    origin: o.at,
    hits: nearby(shown, { at: o.at, feature: o.from }, spec.radius, byIdOf(atlas)),
  };
}

/** The nearest prefecture seat and county seat the basemap labels, with straight distances. */
export function seatDistances(atlas: Atlas, at: Position) {
  const places = (kind: 'city' | 'seat') =>
    atlas.basemap.layers.context.features.flatMap((f) =>
      f.properties.kind === kind && f.geometry.type === 'Point' && f.properties.name
        ? [{ name: f.properties.name, at: f.geometry.coordinates }]
        : [],
    );
  return { city: nearestPlace(at, places('city')), county: nearestPlace(at, places('seat')) };
}

/** Site search for some criteria over every feature the source holds (null when it cannot list them). */
export function siteSearchFor(atlas: Atlas, c: SiteCriteria): SiteResult[] | null {
  if (!atlas.source.capabilities.allFeatures) return null;
  const byId = byIdOf(atlas);
  const from = c.near?.from ? byId.get(c.near.from) : undefined;
  const at = from ? originOf(from) : (c.near?.at ?? null);
  const ancestors = industryAncestors(atlas.source.industries);
  return siteSearch([...byId.values()], c, at, ancestors, byId);
}

/** What a site search's figure criteria can ask about, over every feature the source holds. */
export function siteMeasures(atlas: Atlas): Measure[] {
  return atlas.source.capabilities.allFeatures ? figureMeasures([...byIdOf(atlas).values()]) : [];
}

/** The toolkit's tabs, one per tool. */
export type ToolTab = 'compare' | 'nearby' | 'route' | 'site';

/** The tools open, in the tabs' order. */
export function openTools(app: AppState): ToolTab[] {
  return [
    ...(app.compare.length > 0 ? (['compare'] as const) : []),
    ...(app.nearby ? (['nearby'] as const) : []),
    ...(app.route.length > 0 ? (['route'] as const) : []),
    ...(app.siteSearch ? (['site'] as const) : []),
  ];
}

/** Closes a tool: its list emptied, its search or origin dropped (and so gone from the link). */
export function closeTool(app: AppState, which: ToolTab): void {
  if (which === 'compare') app.compare = [];
  else if (which === 'route') app.route = [];
  else if (which === 'site') app.siteSearch = null;
  else app.nearby = null;
}
