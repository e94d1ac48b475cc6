/**
 * The layers users bring (imported files), drawn above the dataset: one GeoJSON source per
 * layer, areas filled, lines drawn, points as circles, the selected feature outlined — or, for a
 * big layer of points, the GPU point layer. Only each feature's id and name go to the map: the
 * full properties stay in the import worker. Which categories are shown is a filter on the map
 * (`setFilter`, or the GPU layer's hidden rows): a toggle changes no source.
 */
import { toMercator } from '../geo/mercator.ts';
import type { ClassedPoints } from '../scales/classed-points.ts';
import { colorExpression, type Classification } from '../scales/classify.ts';
import { GpuPointsLayer } from './gpu/points-layer.ts';
import {
  IMPORTED_VISIBILITY,
  hiddenByCategory,
  importedColors,
  importedRows,
  nearestRow,
} from './imported-points.ts';
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  Map as MapLibreMap,
} from 'maplibre-gl';

/** What the map needs of one imported layer. */
export interface UserLayerData {
  id: string;
  visible: boolean;
  color: string;
  /**
   * The URL of its GeoJSON (an object URL of the import worker's Blob: MapLibre's worker reads
   * and parses it; each feature's properties are its id (USER_ID_PROP) and its name), or its
   * classed points for the GPU layer.
   */
  drawing: { kind: 'geojson'; url: string } | ClassedPoints;
  /** Points are many: drawn as clusters until zoomed in (see CLUSTER_FROM). */
  cluster: boolean;
  /** Coloured by the feature's `v` in these classes; one colour when null. */
  classes: Classification | null;
  /** Only features whose `c` is one of these are drawn; all when null. */
  shownCategories: readonly string[] | null;
}

/**
 * From this many points a layer is clustered in MapLibre's worker: half a million circles in a
 * few low-zoom tiles cost the page seconds of bucket work per redraw, and read as one blot.
 */
export const CLUSTER_FROM = 20_000;

/** Distinct from the dataset's kind colours; the n-th layer takes the n-th, round again after. */
export const USER_LAYER_COLORS = ['#d6336c', '#0c8599', '#e8590c', '#5f3dc4', '#2b8a3e', '#364fc7'];

export const USER_ID_PROP = 'atlas_user_id';
const sourceId = (id: string) => `user:${id}`;
const layerIds = (id: string) => ({
  fill: `user:${id}:fill`,
  line: `user:${id}:line`,
  point: `user:${id}:point`,
  cluster: `user:${id}:cluster`,
  selected: `user:${id}:selected`,
});
const gpuLayerId = (id: string) => `user:${id}:gpu`;

const isArea: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
const isLine: FilterSpecification = ['!=', ['geometry-type'], 'Point'];
const isPoint: FilterSpecification = ['==', ['geometry-type'], 'Point'];
const selectedFilter = (id: string): FilterSpecification =>
  ['all', isLine, ['==', ['get', USER_ID_PROP], id]] as FilterSpecification;

/** The map's source of a layer. */
export function userLayerSource(layer: UserLayerData, url: string): GeoJSONSourceSpecification {
  return layer.cluster
    ? { type: 'geojson', data: url, cluster: true, clusterRadius: 40, clusterMaxZoom: 13 }
    : { type: 'geojson', data: url };
}

const isCluster: FilterSpecification = ['has', 'point_count'];
const isLonePoint = ['all', isPoint, ['!', isCluster]] as FilterSpecification;

/**
 * The filters of a layer's areas, lines and points, narrowed to the categories shown: all that a
 * category toggle changes.
 */
export function userLayerFilters(
  layer: Pick<UserLayerData, 'cluster' | 'shownCategories'>,
): Record<'fill' | 'line' | 'point', FilterSpecification> {
  const shown = layer.shownCategories;
  const only = (f: FilterSpecification) =>
    (shown ? ['all', f, ['in', ['get', 'c'], ['literal', [...shown]]]] : f) as FilterSpecification;
  const point = layer.cluster ? isLonePoint : isPoint;
  return { fill: only(isArea), line: only(isLine), point: only(point) };
}

/** The style layers of one imported layer, in drawing order. */
export function userLayerSpecs(
  layer: Pick<
    UserLayerData,
    'id' | 'color' | 'visible' | 'cluster' | 'classes' | 'shownCategories'
  >,
  selected: string | null,
): LayerSpecification[] {
  const ids = layerIds(layer.id);
  const source = sourceId(layer.id);
  const visibility = layer.visible ? 'visible' : 'none';
  const color: string | ExpressionSpecification = layer.classes
    ? colorExpression(layer.classes, ['get', 'v'])
    : layer.color;
  const filters = userLayerFilters(layer);
  return [
    {
      id: ids.fill,
      type: 'fill',
      source,
      filter: filters.fill,
      layout: { visibility },
      paint: { 'fill-color': color, 'fill-opacity': layer.classes ? 0.7 : 0.22 },
    },
    {
      id: ids.line,
      type: 'line',
      source,
      filter: filters.line,
      layout: { visibility },
      paint: { 'line-color': color, 'line-width': 2 },
    },
    ...(layer.cluster ? [clusterSpec(ids.cluster, source, layer.color, visibility)] : []),
    {
      id: ids.point,
      type: 'circle',
      source,
      filter: filters.point,
      layout: { visibility },
      paint: {
        'circle-color': color,
        'circle-radius': 5,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: ids.selected,
      type: 'line',
      source,
      filter: selectedFilter(selected ?? ''),
      layout: { visibility },
      paint: { 'line-color': '#111111', 'line-width': 4 },
    },
  ];
}

/** A cluster: a circle growing with the points it holds (10, 100, 1,000, 10,000). */
function clusterSpec(
  id: string,
  source: string,
  color: string,
  visibility: 'visible' | 'none',
): LayerSpecification {
  return {
    id,
    type: 'circle',
    source,
    filter: isCluster,
    layout: { visibility },
    paint: {
      'circle-color': color,
      'circle-opacity': 0.75,
      'circle-radius': ['step', ['get', 'point_count'], 8, 10, 11, 100, 14, 1000, 18, 10000, 22],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  };
}

/** An imported feature: by its id, or by its index in a layer of classed points. */
export type UserHit =
  { layer: string; id: string; row?: undefined } | { layer: string; row: number; id?: undefined };

/** Keeps the map's user layers in step with the list the app holds. */
export class UserLayers {
  private shown = new Map<string, UserLayerData>();
  private gpu = new Map<string, GpuPointsLayer>();
  /** The GPU layers' points hidden by the category filter (a hit skips them). */
  private hidden = new Map<string, Uint8Array | null>();
  private selected: UserHit | null = null;

  constructor(private readonly map: MapLibreMap) {}

  set(layers: readonly UserLayerData[]): void {
    const wanted = new Set(layers.map((l) => l.id));
    for (const id of [...this.shown.keys()]) if (!wanted.has(id)) this.remove(id);
    for (const layer of layers) {
      const before = this.shown.get(layer.id);
      if (!before) this.add(layer);
      else if (before.visible !== layer.visible || before.color !== layer.color) {
        this.remove(layer.id);
        this.add(layer);
      } else if (
        before.drawing !== layer.drawing ||
        before.cluster !== layer.cluster ||
        before.classes !== layer.classes
      ) {
        this.remove(layer.id);
        this.add(layer);
      } else if (before.shownCategories !== layer.shownCategories) this.showCategories(layer);
    }
  }

  /** Another set of categories shown: new filters on the same data. */
  private showCategories(layer: UserLayerData): void {
    this.shown.set(layer.id, layer);
    const gpu = this.gpu.get(layer.id);
    if (gpu && layer.drawing.kind === 'points') {
      const hidden = hiddenByCategory(layer.drawing, layer.shownCategories);
      this.hidden.set(layer.id, hidden);
      gpu.setVisibility({ ...IMPORTED_VISIBILITY, hidden });
      return;
    }
    if (layer.drawing.kind !== 'geojson') return;
    const [ids, filters] = [layerIds(layer.id), userLayerFilters(layer)];
    for (const k of ['fill', 'line', 'point'] as const) this.map.setFilter(ids[k], filters[k]);
  }

  setSelected(hit: UserHit | null): void {
    this.selected = hit;
    for (const [id, gpu] of this.gpu)
      gpu.setHighlight({ selected: hit?.layer === id ? (hit.row ?? -1) : -1, hovered: -1 });
    for (const id of this.shown.keys()) {
      if (this.gpu.has(id)) continue;
      const selectedHere = hit?.layer === id ? (hit.id ?? '') : '';
      this.map.setFilter(layerIds(id).selected, selectedFilter(selectedHere));
      this.map.setPaintProperty(layerIds(id).point, 'circle-stroke-color', [
        'case',
        ['==', ['get', USER_ID_PROP], selectedHere],
        '#111111',
        '#ffffff',
      ]);
    }
  }

  /** The topmost user feature at a screen position, or null. */
  hitAt(point: { x: number; y: number }): UserHit | null {
    const layers = [...this.shown.values()]
      .filter((l) => l.visible && l.drawing.kind === 'geojson')
      .flatMap((l) => Object.values(layerIds(l.id)).slice(0, 3));
    const hit = layers.length
      ? this.map.queryRenderedFeatures([point.x, point.y], { layers })[0]
      : undefined;
    const id = hit?.properties[USER_ID_PROP];
    const layer = hit?.source.replace(/^user:/, '');
    if (typeof id === 'string' && layer) return { layer, id };
    const { lng, lat } = this.map.unproject([point.x, point.y]);
    const at = toMercator(lng, lat);
    for (const l of [...this.shown.values()].reverse()) {
      if (!l.visible || l.drawing.kind !== 'points') continue;
      const row = nearestRow(l.drawing, this.hidden.get(l.id) ?? null, at, this.map.getZoom());
      if (row >= 0) return { layer: l.id, row };
    }
    return null;
  }

  private add(layer: UserLayerData): void {
    this.shown.set(layer.id, layer);
    const drawing = layer.drawing;
    if (drawing.kind === 'points') {
      if (!layer.visible) return;
      const colors = layer.classes?.colors ?? [layer.color];
      const hidden = hiddenByCategory(drawing, layer.shownCategories);
      this.hidden.set(layer.id, hidden);
      const gpu = new GpuPointsLayer(
        gpuLayerId(layer.id),
        importedRows(drawing),
        { ...IMPORTED_VISIBILITY, hidden },
        importedColors(drawing, colors),
        {
          selected: this.selected?.layer === layer.id ? (this.selected.row ?? -1) : -1,
          hovered: -1,
        },
      );
      this.map.addLayer(gpu);
      this.gpu.set(layer.id, gpu);
      return;
    }
    this.map.addSource(sourceId(layer.id), userLayerSource(layer, drawing.url));
    const sel = this.selected?.layer === layer.id ? (this.selected.id ?? null) : null;
    for (const spec of userLayerSpecs(layer, sel)) this.map.addLayer(spec);
  }

  private remove(id: string): void {
    if (this.map.getLayer(gpuLayerId(id))) this.map.removeLayer(gpuLayerId(id));
    this.gpu.delete(id);
    this.hidden.delete(id);
    for (const layer of Object.values(layerIds(id)))
      if (this.map.getLayer(layer)) this.map.removeLayer(layer);
    if (this.map.getSource(sourceId(id))) this.map.removeSource(sourceId(id));
    this.shown.delete(id);
  }
}
