/**
 * Everything that makes up a view of the map, as plain data: what a shared link must carry.
 * Kept free of Svelte and MapLibre so the URL codec and tests can use it anywhere.
 */
export type Lang = 'zh' | 'en';

export const LAYER_KEYS = [
  'zones',
  'parks',
  'platforms',
  'projects',
  'enterprises',
  'nonplaces',
  'labels',
] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

export interface Camera {
  zoom: number;
  lat: number;
  lng: number;
  bearing: number;
  pitch: number;
}

export type ClassMethod = 'quantile' | 'equal' | 'jenks' | 'manual';

/**
 * The colour schemes a view can name: sequential, colour-blind-safe ColorBrewer schemes (one hue,
 * or yellow→blue/red). Their palettes are in scales/classify.ts, which must have one for each.
 */
export const SCHEME_NAMES = ['Blues', 'Greens', 'Oranges', 'Purples', 'YlGnBu', 'YlOrRd'] as const;
export type SchemeName = (typeof SCHEME_NAMES)[number];

/** How many classes a choropleth may have: the range ColorBrewer has palettes for. */
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 9;

export interface ChoroplethSpec {
  /**
   * Numeric field, e.g. `fixed_asset_investment`; null = no choropleth. With `by: 'districts'`,
   * `count` colours districts by how many features lie in them, any other field by its sum.
   */
  field: string | null;
  /** Colour the features that carry the value, or the basemap's districts by an aggregate. */
  by: 'features' | 'districts';
  /** Classes from the whole dataset (stable while filtering), or from what is visible now. */
  scope: 'all' | 'visible';
  method: ClassMethod;
  classes: number;
  /** Upper class limits, used when method is `manual`. */
  breaks: number[];
  scheme: string;
}

export type SortKey = 'name' | 'value';

/** The years the time control offers: the documents cover 2015 (济宁's year) to 2021 (菏泽's plans). */
export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2021;

/** A source document open in the reader, scrolled to a passage (UTF-16 offsets [start, end)). */
export interface ReaderView {
  /** File name in data/sources/, e.g. `000_3dd22fdc9e0e8f3b.txt`. */
  doc: string;
  range: [number, number] | null;
}

/** Nearby: features within `radius` km of a feature or of a clicked point. */
export interface NearbySpec {
  radius: number;
  /** The feature measured from, or null for a point. */
  from: string | null;
  /** [lng, lat] of a clicked point, when `from` is null. */
  at: [number, number] | null;
}

/** A figure above (`gt`) or below (`lt`) a value; `what` as compare.ts's rowKey names rows. */
export interface FigureCriterion {
  what: string;
  op: 'gt' | 'lt';
  value: number;
}

/**
 * The kinds and statuses a site search can ask for: data/vocabulary.ts's KINDS and STATUSES,
 * repeated because lib/state may not import lib/data (a unit test keeps them equal).
 */
export const SITE_KINDS = [
  'zone',
  'park',
  'platform',
  'project',
  'enterprise',
  'nonplace',
] as const;
export const SITE_STATUSES = ['planned', 'under_construction', 'operating', 'unknown'] as const;

/** Site search (#17 point 3): what an investor needs; empty lists and null ask nothing. */
export interface SiteCriteria {
  /** Industry codes, any of them; a group matches its narrower industries. */
  industries: string[];
  kinds: (typeof SITE_KINDS)[number][];
  statuses: (typeof SITE_STATUSES)[number][];
  figures: FigureCriterion[];
  /** Within `radius` km of a feature or a point, as nearby's spec. */
  near: NearbySpec | null;
}

/** At most this many figure criteria in a search. */
export const MAX_FIGURE_CRITERIA = 4;

/** Compare holds 2–4 features (one while choosing); a route at most this many stops. */
export const MAX_COMPARE = 4;
export const MAX_ROUTE = 20;
export const MIN_RADIUS = 1;
export const MAX_RADIUS = 50;

export interface ViewState {
  /** null until the map has been placed: the app then fits Shandong. */
  camera: Camera | null;
  selected: string | null;
  /** Industry codes to show; empty means no industry filter. */
  industries: string[];
  layers: Record<LayerKey, boolean>;
  choropleth: ChoroplethSpec;
  sort: SortKey;
  lang: Lang;
  /** The online basemap's XYZ raster template, drawn over the offline one; null = offline only. */
  basemap: string | null;
  /** The map as of the end of this year (FIRST_YEAR–LAST_YEAR); null = everything, undated. */
  year: number | null;
  /** The document open in the reader; null = none. */
  reader: ReaderView | null;
  /** Ids of the features compared side by side, in order. */
  compare: string[];
  /** Ids of a visit route's stops, in order. */
  route: string[];
  nearby: NearbySpec | null;
  /** The site search's criteria while its panel is open; null = closed. */
  siteSearch: SiteCriteria | null;
}

export function defaultView(): ViewState {
  return {
    camera: null,
    selected: null,
    industries: [],
    layers: {
      zones: true,
      parks: true,
      platforms: true,
      projects: true,
      enterprises: true,
      nonplaces: true,
      labels: true,
    },
    choropleth: {
      field: null,
      by: 'features',
      scope: 'all',
      method: 'quantile',
      classes: 5,
      breaks: [],
      scheme: 'Blues',
    },
    sort: 'name',
    lang: 'zh',
    basemap: null,
    year: null,
    reader: null,
    compare: [],
    route: [],
    nearby: null,
    siteSearch: null,
  };
}
