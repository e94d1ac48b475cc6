/**
 * The layers users bring (imported files), drawn above the dataset: one GeoJSON source per
 * layer, areas filled, lines drawn, points as circles, the selected feature outlined. Only each
 * feature's id and name go to the map: the full properties stay with the layer, in the page.
 */
import type {
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  Map as MapLibreMap,
} from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';

/** What the map needs of one imported layer. */
export interface UserLayerData {
  id: string;
  visible: boolean;
  color: string;
  features: readonly { id: string; geometry: Geometry; name: string }[];
}

/** Distinct from the dataset's kind colours; the n-th layer takes the n-th, round again after. */
export const USER_LAYER_COLORS = ['#d6336c', '#0c8599', '#e8590c', '#5f3dc4', '#2b8a3e', '#364fc7'];

export const USER_ID_PROP = 'atlas_user_id';
const sourceId = (id: string) => `user:${id}`;
const layerIds = (id: string) => ({
  fill: `user:${id}:fill`,
  line: `user:${id}:line`,
  point: `user:${id}:point`,
  selected: `user:${id}:selected`,
});

const isArea: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
const isLine: FilterSpecification = ['!=', ['geometry-type'], 'Point'];
const isPoint: FilterSpecification = ['==', ['geometry-type'], 'Point'];
const selectedFilter = (id: string): FilterSpecification =>
  ['all', isLine, ['==', ['get', USER_ID_PROP], id]] as FilterSpecification;

/** The map's copy of a layer: geometry with its id and name, nothing else. */
export function userLayerSource(layer: UserLayerData): GeoJSONSourceSpecification {
  const data: FeatureCollection = {
    type: 'FeatureCollection',
    features: layer.features.map((f) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: { [USER_ID_PROP]: f.id, name: f.name },
    })),
  };
  return { type: 'geojson', data };
}

/** The style layers of one imported layer, in drawing order. */
export function userLayerSpecs(
  layer: Pick<UserLayerData, 'id' | 'color' | 'visible'>,
  selected: string | null,
): LayerSpecification[] {
  const ids = layerIds(layer.id);
  const source = sourceId(layer.id);
  const visibility = layer.visible ? 'visible' : 'none';
  return [
    {
      id: ids.fill,
      type: 'fill',
      source,
      filter: isArea,
      layout: { visibility },
      paint: { 'fill-color': layer.color, 'fill-opacity': 0.22 },
    },
    {
      id: ids.line,
      type: 'line',
      source,
      filter: isLine,
      layout: { visibility },
      paint: { 'line-color': layer.color, 'line-width': 2 },
    },
    {
      id: ids.point,
      type: 'circle',
      source,
      filter: isPoint,
      layout: { visibility },
      paint: {
        'circle-color': layer.color,
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

export interface UserHit {
  layer: string;
  id: string;
}

/** Keeps the map's user layers in step with the list the app holds. */
export class UserLayers {
  private shown = new Map<string, UserLayerData>();
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
      } else if (before.features !== layer.features) {
        this.remove(layer.id);
        this.add(layer);
      }
    }
  }

  setSelected(hit: UserHit | null): void {
    this.selected = hit;
    for (const id of this.shown.keys()) {
      const selectedHere = hit?.layer === id ? hit.id : '';
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
    const layers = [...this.shown.keys()].flatMap((id) => Object.values(layerIds(id)).slice(0, 3));
    if (layers.length === 0) return null;
    const hit = this.map.queryRenderedFeatures([point.x, point.y], { layers })[0];
    const id = hit?.properties[USER_ID_PROP];
    const layer = hit?.source.replace(/^user:/, '');
    return typeof id === 'string' && layer ? { layer, id } : null;
  }

  private add(layer: UserLayerData): void {
    this.map.addSource(sourceId(layer.id), userLayerSource(layer));
    const sel = this.selected?.layer === layer.id ? this.selected.id : null;
    for (const spec of userLayerSpecs(layer, sel)) this.map.addLayer(spec);
    this.shown.set(layer.id, layer);
  }

  private remove(id: string): void {
    for (const layer of Object.values(layerIds(id)))
      if (this.map.getLayer(layer)) this.map.removeLayer(layer);
    if (this.map.getSource(sourceId(id))) this.map.removeSource(sourceId(id));
    this.shown.delete(id);
  }
}
