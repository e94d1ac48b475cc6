/**
 * The layers users bring (imported files), drawn above the dataset: one GeoJSON source per
 * layer, areas filled, lines drawn, points as circles, the selected feature outlined — or, for a
 * big layer of points, the GPU point layer. Only each feature's id and name go to the map: the
 * full properties stay in the import worker. Which categories are shown is decided on the map
 * (feature-state, or the GPU layer's hidden rows): a toggle changes no source and no tiles.
 */
import { toMercator } from '../geo/mercator.ts';
import { GpuPointsLayer } from './gpu/points-layer.ts';
import { prepareProgram } from './gpu/program.ts';
import type { ClassedPoints } from '../scales/classed-points.ts';
import {
  IMPORTED_VISIBILITY,
  hiddenByCategory,
  importedColors,
  importedRows,
  nearestRow,
} from './imported-points.ts';
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  categoryStates,
  CATEGORY_OFF,
  gpuLayerId,
  layerIds,
  selectedFilter,
  sourceId,
  USER_ID_PROP,
  userLayerFilters,
  userLayerSource,
  userLayerSpecs,
  type UserLayerData,
} from './style/user-layers.ts';

export { USER_ID_PROP, type UserLayerData } from './style/user-layers.ts';

/**
 * From this many points a layer is clustered in MapLibre's worker: half a million circles in a
 * few low-zoom tiles cost the page seconds of bucket work per redraw, and read as one blot.
 */
export const CLUSTER_FROM = 20_000;

/** Distinct from the dataset's kind colours; the n-th layer takes the n-th, round again after. */
export const USER_LAYER_COLORS = ['#d6336c', '#0c8599', '#e8590c', '#5f3dc4', '#2b8a3e', '#364fc7'];

/** An imported feature: by its id, or by its index in a layer of classed points. */
export type UserHit =
  { layer: string; id: string; row?: undefined } | { layer: string; row: number; id?: undefined };

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Keeps the map's user layers in step with the list the app holds. */
export class UserLayers {
  private shown = new Map<string, UserLayerData>();
  private gpu = new Map<string, GpuPointsLayer>();
  /** The GPU layers' points hidden by the category filter (a hit skips them). */
  private hidden = new Map<string, Uint8Array | null>();
  private selected: UserHit | null = null;

  constructor(private readonly map: MapLibreMap) {}

  /**
   * `importing`: an import is under way, so its GPU program starts compiling now, while the
   * worker parses, and is ready (no wait for the driver) when a big layer arrives.
   */
  set(layers: readonly UserLayerData[], importing = false): void {
    const gl = importing ? this.map.getCanvas().getContext('webgl2') : null;
    if (gl) void prepareProgram(gl, 250).catch(() => {});
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

  /** Another set of categories shown: the same data, drawn with other states. */
  private showCategories(layer: UserLayerData): void {
    const before = this.shown.get(layer.id);
    this.shown.set(layer.id, layer);
    const gpu = this.gpu.get(layer.id);
    if (gpu && layer.drawing.kind === 'points') {
      const hidden = hiddenByCategory(layer.drawing, layer.shownCategories);
      this.hidden.set(layer.id, hidden);
      gpu.setVisibility({ ...IMPORTED_VISIBILITY, hidden });
      return;
    }
    if (layer.drawing.kind !== 'geojson') return;
    // New filters (new tiles) only when filtering starts or stops.
    if ((before?.shownCategories === null) !== (layer.shownCategories === null)) {
      const [ids, filters] = [layerIds(layer.id), userLayerFilters(layer)];
      for (const k of ['fill', 'line', 'point'] as const) this.map.setFilter(ids[k], filters[k]);
    }
    this.setCategoryStates(layer);
  }

  private setCategoryStates(layer: UserLayerData): void {
    if (layer.drawing.kind !== 'geojson') return;
    const source = sourceId(layer.id);
    for (const { id, off } of categoryStates(layer.drawing.categoryValues, layer.shownCategories))
      this.map.setFeatureState({ source, id }, { [CATEGORY_OFF]: off });
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
    // A feature of a category not shown is drawn transparent: not one to pick.
    const hit = layers.length
      ? this.map
          .queryRenderedFeatures([point.x, point.y], { layers })
          .find((f) => !f.state[CATEGORY_OFF])
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
      // The shaders compile a step per task first: no long task where the worker's answer lands.
      const gl = this.map.getCanvas().getContext('webgl2');
      const added = () => {
        const now = this.shown.get(layer.id);
        if (now?.drawing === drawing && !this.gpu.has(layer.id)) this.addPoints(now, drawing);
      };
      // A task of its own even when the program is ready: not the one the answer landed in.
      if (gl) void prepareProgram(gl).then(nextTask).then(added, added);
      else this.addPoints(layer, drawing);
      return;
    }
    this.map.addSource(sourceId(layer.id), userLayerSource(layer, drawing.url));
    const sel = this.selected?.layer === layer.id ? (this.selected.id ?? null) : null;
    for (const spec of userLayerSpecs(layer, sel)) this.map.addLayer(spec);
    this.setCategoryStates(layer);
  }

  private addPoints(layer: UserLayerData, drawing: ClassedPoints): void {
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
