/**
 * Messages between the page and the import worker. The worker holds every imported layer; the
 * page gets each layer's summary and, for the map, its features as a GeoJSON Blob (passed by
 * reference: the page never copies a big layer's features, MapLibre's worker reads the Blob) or,
 * for many points, as typed arrays the GPU layer draws.
 */
import type { ClassedPoints } from '../scales/classed-points.ts';
import type { Classification, LegendEntry } from '../scales/classify.ts';
import type { ImportedFeature, ImportedLayer } from './layer.ts';
import type { ImportedNearby } from './nearby.ts';
import type { ImportedSite, ImportedSiteAsk } from './site.ts';
import type { ReadOptions } from './read.ts';
import type { LayerSettings } from './store.ts';
import type { ImportFile, ImportIssue, ImportProgress, PickedFile } from './types.ts';

/**
 * Layers up to this size send their names to the page, for search (with pinyin) there; bigger
 * ones send them as one string searched without pinyin (an index of more would be slow to build).
 */
export const NAMES_SENT_UP_TO = 20_000;

/** This many of a layer's issues come to the page (the screen lists 50); the rest on request. */
export const ISSUES_SENT = 50;

export interface LayerSummary extends Omit<ImportedLayer, 'features' | 'issues'> {
  count: number;
  /** How many of them are points (the map clusters many). */
  points: number;
  /** The first ISSUES_SENT issues. */
  issues: ImportIssue[];
  issueCount: number;
  /** [id, name] of every feature, when there are at most NAMES_SENT_UP_TO; else null. */
  names: [string, string][] | null;
  /**
   * Beyond NAMES_SENT_UP_TO, the names as one text the page scans, in UTF-16 code units to be
   * transferred (name-text.ts nameCodes); else null.
   */
  nameText?: Uint16Array | null;
}

/** How a layer is drawn: coloured by a numeric field, filtered to some values of a category. */
export interface LayerStyle {
  colorBy: string | null;
  filter: { field: string; values: string[] } | null;
}

/**
 * Layers of only points, from this many, reach the map as classed points for the GPU layer; all
 * others as GeoJSON (see MapDrawing).
 */
export const GPU_POINTS_FROM = 20_000;

/**
 * A layer as the map gets it: GeoJSON text in a Blob, or classed points (typed arrays); each
 * with the values of the field filtered by, as its features' categories index them.
 */
export type MapDrawing = { kind: 'geojson'; blob: Blob; categoryValues: string[] } | ClassedPoints;

/**
 * The buffers of the classed points and of a big layer's names in an answer, to transfer rather
 * than copy (a transferred buffer moves: the worker does not keep the drawings it sends).
 */
export function transferablesOf(value: unknown, depth = 0): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) return [value.buffer as ArrayBuffer];
  if (depth > 4 || value === null || typeof value !== 'object' || value instanceof Blob) return [];
  const found = Object.values(value).flatMap((v) => transferablesOf(v, depth + 1));
  return [...new Set(found)];
}

export const PLAIN_STYLE: LayerStyle = { colorBy: null, filter: null };

/**
 * The fields a layer's drawing was made for: each feature carries its value of `colorBy` (the
 * colours) and its category in `category` (`c` in GeoJSON, `categories` in classed points).
 */
export interface DrawnFields {
  colorBy: string | null;
  category: string | null;
}

export const drawnFields = (style: LayerStyle): DrawnFields => ({
  colorBy: style.colorBy,
  category: style.filter?.field ?? null,
});

/**
 * Whether the map can show `next` with a drawing made for `drawn`: the same colours, and no
 * filter or one on the field the drawing carries. Then only which categories are shown changed,
 * a filter on the map, with no new drawing from the worker.
 */
export function drawingFits(drawn: DrawnFields, next: LayerStyle): boolean {
  return next.colorBy === drawn.colorBy && (!next.filter || next.filter.field === drawn.category);
}

/** A layer coloured by a numeric field: its classes (quantiles, 5) and legend. */
export interface Coloring {
  field: string;
  classification: Classification;
  entries: LegendEntry[];
  noData: number;
}

export interface ShownLayer {
  summary: LayerSummary;
  settings: LayerSettings;
  /** What the map draws: the features' geometry with their id and name, or classed points. */
  map: MapDrawing;
  /** Kept in the browser's storage (false for a layer a link brought, or not yet written). */
  stored: boolean;
  /** Being written to storage after this answer; a KeptNotice follows. */
  storing?: boolean;
  coloring: Coloring | null;
}

export interface ImportResult {
  layers: ShownLayer[];
  /** Files that could not be read at all, each with why. */
  failed: ImportIssue[];
}

/**
 * Sent by the worker, outside any call, once a new layer's background write has ended: kept, or
 * why not (it stays shown for this visit all the same).
 */
export interface KeptNotice {
  type: 'kept';
  layer: string;
  storage?: string;
}

export type Request =
  | {
      type: 'import';
      /** Bytes (transferred), or picked files the worker reads. */
      files: (ImportFile | PickedFile)[];
      options: ReadOptions & { idPrefix: string };
      /** Settings for the new layers: colours by position, whether to store them. */
      colors: string[];
      store: boolean;
    }
  | { type: 'restore' }
  /** A feature by its id, or by its index (a hit on classed points knows only that). */
  | { type: 'feature'; layer: string; id?: string; row?: number }
  | { type: 'export'; layer: string | null; format: 'geojson' | 'csv' }
  | { type: 'report'; layers: string[]; failed: ImportIssue[] }
  | { type: 'settings'; settings: LayerSettings }
  | { type: 'remove'; layer: string }
  | { type: 'style'; layer: string; style: LayerStyle }
  /** The toolkit's nearby: features of the shown layers within radiusKm of a point. */
  | { type: 'nearby'; at: [number, number]; radiusKm: number; limit: number }
  /** The toolkit's site search over the shown layers: industries named, distance. */
  | ({ type: 'site' } & ImportedSiteAsk);

export interface Responses {
  import: ImportResult;
  restore: { layers: ShownLayer[]; storage?: string };
  feature: { feature: ImportedFeature; name: string; row: number } | null;
  export: Blob;
  report: Blob;
  /** A new drawing and names when the name field changed; null otherwise. */
  settings: {
    map: MapDrawing | null;
    names: [string, string][] | null;
    nameText: Uint16Array | null;
    storage?: string;
  };
  remove: { storage?: string };
  style: { map: MapDrawing; coloring: Coloring | null; storage?: string } | null;
  nearby: ImportedNearby;
  site: ImportedSite;
}

export type ToWorker = { call: number; request: Request };

export type FromWorker =
  | { call: number; type: 'progress'; progress: ImportProgress }
  | { call: number; type: 'done'; result: unknown }
  | { call: number; type: 'error'; message: string }
  | KeptNotice;
