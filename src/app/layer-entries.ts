/**
 * An imported layer as the page holds it (a plain object, replaced whole on every change), and
 * what the map is given of it.
 */
import {
  drawnFields,
  PLAIN_STYLE,
  type Coloring,
  type DrawnFields,
  type LayerSummary,
  type MapDrawing,
  type ShownLayer,
} from '../lib/import/protocol.ts';
import type { LayerSettings } from '../lib/import/store.ts';
import { CLUSTER_FROM, type UserLayerData } from '../lib/map/user-layers.ts';

export interface LayerEntry {
  summary: LayerSummary;
  settings: LayerSettings;
  /** What the map draws: the object URL of its GeoJSON Blob, or its classed points. */
  drawing: UserLayerData['drawing'];
  /** The fields `drawing` carries: a style that fits them needs no new drawing. */
  drawn: DrawnFields;
  stored: boolean;
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
  return { ...shown, drawing: drawingOf(map), drawn };
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
