/**
 * An imported layer as the page holds it (a plain object, replaced whole on every change), and
 * what the map is given of it.
 */
import {
  drawnFields,
  PLAIN_STYLE,
  type Coloring,
  type DrawnFields,
  type KeptNotice,
  type LayerSummary,
  type MapDrawing,
  type ShownLayer,
} from '../lib/import/protocol.ts';
import type { ImportedFeature } from '../lib/import/layer.ts';
import type { LayerSettings } from '../lib/import/store.ts';
import type { ImportIssue, ImportProgress } from '../lib/import/types.ts';
import { CLUSTER_FROM, type UserLayerData } from '../lib/map/user-layers.ts';

export interface ImportJobState {
  files: string[];
  progress: ImportProgress;
}

export interface ImportReportState {
  layers: LayerSummary[];
  failed: ImportIssue[];
}

export interface PickedFeature {
  layer: LayerSummary;
  feature: ImportedFeature;
  name: string;
}

export interface LayerEntry {
  summary: LayerSummary;
  settings: LayerSettings;
  /** What the map draws: the object URL of its GeoJSON Blob, or its classed points. */
  drawing: UserLayerData['drawing'];
  /** The fields `drawing` carries: a style that fits them needs no new drawing. */
  drawn: DrawnFields;
  stored: boolean;
  /** Being written to storage: a reload now would not bring it back. */
  storing: boolean;
  coloring: Coloring | null;
}

export function drawingOf(map: MapDrawing): LayerEntry['drawing'] {
  if (map.kind !== 'geojson') return map;
  return {
    kind: 'geojson',
    url: URL.createObjectURL(map.blob),
    categoryValues: map.categoryValues,
  };
}

export const release = (d: LayerEntry['drawing']) =>
  d.kind === 'geojson' && URL.revokeObjectURL(d.url);

/** A layer the worker sent; its drawing was made for its stored style. */
export function entryOf({ map, ...shown }: ShownLayer): LayerEntry {
  const drawn = drawnFields(shown.settings.style ?? PLAIN_STYLE);
  return { ...shown, storing: shown.storing ?? false, drawing: drawingOf(map), drawn };
}

/** The entry once its background write ended: kept, or not (a KeptNotice's storage says why). */
export const keptEntry = (e: LayerEntry, notice: KeptNotice): LayerEntry => ({
  ...e,
  storing: false,
  stored: !notice.storage,
});

/**
 * What to say of layers a Cancel took: one still being written when the worker was stopped was
 * not kept, so the new worker does not bring it back.
 */
export function lostByCancel(before: readonly LayerEntry[], now: readonly LayerEntry[]) {
  const back = new Set(now.map((e) => e.summary.id));
  const lost = before.filter((e) => e.storing && !back.has(e.summary.id));
  if (lost.length === 0) return null;
  const titles = lost.map((e) => e.settings.title).join(', ');
  return `Lost, as it was still being stored when the import was cancelled (open it again): ${titles}`;
}

/** The entries with layer `id`'s replaced by `change` of it. */
export function withEntry(
  entries: readonly LayerEntry[],
  id: string,
  change: (e: LayerEntry) => LayerEntry,
): LayerEntry[] {
  return entries.map((e) => (e.summary.id === id ? change(e) : e));
}

/** What the map draws: each layer's GeoJSON by URL, or its classed points. */
export function mapDataOf(entries: readonly LayerEntry[]): UserLayerData[] {
  return entries.map((e) => ({
    id: e.summary.id,
    visible: e.settings.visible,
    color: e.settings.color,
    drawing: e.drawing,
    cluster: e.summary.points >= CLUSTER_FROM,
    classes: e.coloring?.classification ?? null,
    shownCategories: e.settings.style?.filter?.values ?? null,
  }));
}
