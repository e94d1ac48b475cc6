/**
 * The style of an imported layer drawn from GeoJSON: its source, its areas, lines, points,
 * clusters and selected outline, as pure functions of what the map needs of it. Which of its
 * categories are shown is feature-state (the feature id is its category), so a toggle repaints
 * the tiles the map has instead of making new ones.
 */
import { CATEGORY_PROP, type ClassedPoints } from '../../scales/classed-points.ts';
import { colorExpression, type Classification } from '../../scales/classify.ts';
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
} from 'maplibre-gl';

/** What the map needs of one imported layer. */
export interface UserLayerData {
  id: string;
  visible: boolean;
  color: string;
  /**
   * The URL of its GeoJSON (an object URL of the import worker's Blob: MapLibre's worker reads
   * and parses it; each feature's properties are its id (USER_ID_PROP), its name, `v` and its
   * category, CATEGORY_PROP, indexing `categoryValues`), or its classed points for the GPU layer.
   */
  drawing: { kind: 'geojson'; url: string; categoryValues: readonly string[] } | ClassedPoints;
  /** Points are many: drawn as clusters until zoomed in (see CLUSTER_FROM). */
  cluster: boolean;
  /** Coloured by the feature's `v` in these classes; one colour when null. */
  classes: Classification | null;
  /** Only features of these categories are drawn; all when null. */
  shownCategories: readonly string[] | null;
}

export const USER_ID_PROP = 'atlas_user_id';
export const sourceId = (id: string) => `user:${id}`;
export const layerIds = (id: string) => ({
  fill: `user:${id}:fill`,
  line: `user:${id}:line`,
  point: `user:${id}:point`,
  cluster: `user:${id}:cluster`,
  selected: `user:${id}:selected`,
});
export const gpuLayerId = (id: string) => `user:${id}:gpu`;

const isArea: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
const isLine: FilterSpecification = ['!=', ['geometry-type'], 'Point'];
const isPoint: FilterSpecification = ['==', ['geometry-type'], 'Point'];
export const selectedFilter = (id: string): FilterSpecification =>
  ['all', isLine, ['==', ['get', USER_ID_PROP], id]] as FilterSpecification;

/** The map's source of a layer; its features' ids are their categories (categoryStates). */
const promoteId = CATEGORY_PROP;

export function userLayerSource(
  layer: Pick<UserLayerData, 'cluster'>,
  url: string,
): GeoJSONSourceSpecification {
  return layer.cluster
    ? {
        type: 'geojson',
        data: url,
        promoteId,
        cluster: true,
        clusterRadius: 40,
        clusterMaxZoom: 13,
      }
    : { type: 'geojson', data: url, promoteId };
}

const isCluster: FilterSpecification = ['has', 'point_count'];
const isLonePoint = ['all', isPoint, ['!', isCluster]] as FilterSpecification;

/**
 * The filters of a layer's areas, lines and points: while it is filtered, features with no
 * category are left out (which categories are shown is feature-state: categoryStates).
 */
export function userLayerFilters(
  layer: Pick<UserLayerData, 'cluster' | 'shownCategories'>,
): Record<'fill' | 'line' | 'point', FilterSpecification> {
  const only = (f: FilterSpecification) =>
    (layer.shownCategories ? ['all', f, ['has', CATEGORY_PROP]] : f) as FilterSpecification;
  const point = layer.cluster ? isLonePoint : isPoint;
  return { fill: only(isArea), line: only(isLine), point: only(point) };
}

/** Feature-state of a feature whose category is not shown: drawn transparent, not picked. */
export const CATEGORY_OFF = 'off';
const unlessOff = (opacity: number): ExpressionSpecification => [
  'case',
  ['boolean', ['feature-state', CATEGORY_OFF], false],
  0,
  opacity,
];

/**
 * The feature-state of each category (the feature id is 1 + its index, CATEGORY_PROP): off when
 * the layer is filtered and it is not shown. One write per category, a repaint with no new tiles.
 */
export function categoryStates(
  values: readonly string[],
  shown: readonly string[] | null,
): { id: number; off: boolean }[] {
  return values.map((v, i) => ({ id: i + 1, off: shown !== null && !shown.includes(v) }));
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
      paint: { 'fill-color': color, 'fill-opacity': unlessOff(layer.classes ? 0.7 : 0.22) },
    },
    {
      id: ids.line,
      type: 'line',
      source,
      filter: filters.line,
      layout: { visibility },
      paint: { 'line-color': color, 'line-width': 2, 'line-opacity': unlessOff(1) },
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
        'circle-opacity': unlessOff(1),
        'circle-stroke-opacity': unlessOff(1),
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
