import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import {
  LAYER,
  POINT_KINDS,
  SOURCE,
  markerImageId,
  pointLayerId,
  schematicMarkerId,
  type PointKind,
} from '../ids.ts';
import { MARKER_SCALE, fanOffset } from '../schematic.ts';
import { POINTS_SOURCE_LAYER } from '../../names.ts';
import type { Theme } from './theme.ts';
import type { PointDrawing } from '../points/types.ts';
import { ZONE_FILL_STATE, hasHighlight, industryFilter, perFeature } from './expressions.ts';

export type DataLayer =
  | FillLayerSpecification
  | LineLayerSpecification
  | SymbolLayerSpecification
  | CircleLayerSpecification;

/**
 * Above this many zones, zone names are labelled from LABEL_ZOOM_MANY_ZONES only: at 10,000
 * zones a frame spent ~400 ms of software WebGL on label vertices (most of them hidden by
 * collision anyway), which every choropleth change paid twice (docs/BENCHMARKS.md).
 */
export const BULK_ZONES = 500;
export const LABEL_ZOOM_MANY_ZONES = 10;

const highlighted: ExpressionSpecification = [
  'any',
  hasHighlight('selected'),
  hasHighlight('hovered'),
];

/**
 * A point layer's filter: its kind, the selected industries (none selected = all), not one of
 * the `hidden` ids and passing `shown` (the map as of a year: not reported by then, by id or,
 * from tiles, by the points' status letters).
 */
export function pointLayerFilter(
  kind: PointKind,
  industries: readonly string[],
  hidden: readonly string[] = [],
  shown?: ExpressionSpecification,
): ExpressionSpecification {
  const byKind: ExpressionSpecification = ['==', ['get', 'kind'], kind];
  const rest = shownFilter(industries, hidden, shown);
  return rest === true ? byKind : ['all', byKind, rest];
}

/** The selected industries' filter, that the id is none of `hidden`, and `shown`. */
export function shownFilter(
  industries: readonly string[],
  hidden: readonly string[],
  shown?: ExpressionSpecification,
): ExpressionSpecification | true {
  const notHidden = hidden.length > 0 && ['!', ['in', ['get', 'id'], ['literal', hidden]]];
  const all = [industryFilter(industries), shown, notHidden].filter(
    Array.isArray,
  ) as ExpressionSpecification[];
  return all.length > 1 ? (['all', ...all] as ExpressionSpecification) : (all[0] ?? true);
}

/** The feature's name in the language held in the style's global state `lang`. */
export const localizedName: ExpressionSpecification = [
  'case',
  ['==', ['global-state', 'lang'], 'en'],
  ['coalesce', ['get', 'name_en'], ['get', 'name_zh']],
  ['get', 'name_zh'],
];

/**
 * Wrap width in ems per label language: a Chinese character is 1 em wide, a Latin letter about
 * half, so English gets twice the width and wraps to the same few lines (8 ems wrapped English
 * names to 3–8 lines, #15 point 20).
 */
export const labelMaxWidth = (zhEms: number): ExpressionSpecification => [
  'case',
  ['==', ['global-state', 'lang'], 'en'],
  zhEms * 2,
  zhEms,
];

/** True for features whose location is only known to the town or zone (drawn hollow). */
export const isApproximate: ExpressionSpecification = ['!=', ['get', 'precision'], 'address'];

/** Marker outline: dark when highlighted, a wide pale halo for approximate locations. */
const outlineColor: ExpressionSpecification = [
  'case',
  highlighted,
  '#000000',
  isApproximate,
  'rgba(255,255,255,0.9)',
  '#1f1f1f',
];

/** Known only to its zone: a hollow marker in a fan (src/lib/map/schematic.ts). */
const isSchematic: ExpressionSpecification = ['==', ['get', 'schematic'], true];

function pointLayer(
  kind: PointKind,
  theme: Theme,
  industries: readonly string[],
): SymbolLayerSpecification {
  return {
    id: pointLayerId(kind),
    type: 'symbol',
    source: SOURCE.points,
    filter: pointLayerFilter(kind, industries),
    layout: {
      'icon-image': ['case', isSchematic, schematicMarkerId(kind), markerImageId(kind)],
      'icon-offset': fanOffset,
      'icon-size': [
        'interpolate',
        ['linear'],
        ['zoom'],
        6,
        MARKER_SCALE[kind] * 0.6,
        12,
        MARKER_SCALE[kind] * 1.2,
      ],
      // Every feature stays reachable: markers never hide each other, and labels move away from them.
      'icon-allow-overlap': true,
      'icon-ignore-placement': false,
    },
    paint: {
      'icon-color': theme.kind[kind],
      // Approximate locations get a wide pale halo, exact ones a thin dark outline.
      'icon-halo-color': outlineColor,
      'icon-halo-width': ['case', highlighted, 3, isApproximate, 2.5, 1],
    },
  };
}

/**
 * A kind's points from a points archive: circles (a symbol per point would place up to 4,000
 * markers per tile), with the symbol layer's id and filter, so the controller's filters, colours
 * (`circle-color`) and hit tests work on them unchanged.
 */
function circleLayer(
  kind: PointKind,
  theme: Theme,
  industries: readonly string[],
): CircleLayerSpecification {
  const r = MARKER_SCALE[kind] * 8;
  return {
    id: pointLayerId(kind),
    type: 'circle',
    source: SOURCE.points,
    'source-layer': POINTS_SOURCE_LAYER,
    filter: pointLayerFilter(kind, industries),
    paint: {
      'circle-color': theme.kind[kind],
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, r * 0.3, 12, r],
      'circle-stroke-color': outlineColor,
      // Thin outlines only once points are few enough on screen to tell apart.
      'circle-stroke-width': [
        'interpolate',
        ['linear'],
        ['zoom'],
        8,
        ['case', highlighted, 3, 0],
        12,
        ['case', highlighted, 3, 1],
      ],
    },
  };
}

/** Zones as translucent polygons with dashed (approximate) outlines, and their names. */
function zoneLayers(theme: Theme, manyZones: boolean): DataLayer[] {
  return [
    {
      id: LAYER.zoneFill,
      type: 'fill',
      source: SOURCE.zones,
      paint: {
        // The theme's fill unless the zone's feature state holds a choropleth colour.
        'fill-color': [
          'to-color',
          ['coalesce', ['feature-state', ZONE_FILL_STATE], theme.zoneFill],
        ],
        'fill-opacity': 0.12,
      },
    },
    {
      id: LAYER.zoneLine,
      type: 'line',
      source: SOURCE.zones,
      paint: {
        'line-color': theme.zoneLine,
        'line-width': ['case', hasHighlight('selected'), 3.5, hasHighlight('hovered'), 2.5, 1.5],
        // An approximate outline is dashed; an official boundary (胶州市) is a solid line.
        'line-dasharray': [
          'case',
          ['==', ['get', 'outline'], 'official'],
          ['literal', [1, 0]],
          ['literal', [3, 2]],
        ],
      },
    },
    {
      id: LAYER.zoneLabel,
      type: 'symbol',
      source: SOURCE.zoneLabels,
      ...(manyZones ? { minzoom: LABEL_ZOOM_MANY_ZONES } : {}),
      layout: {
        'text-field': localizedName,
        'text-font': [theme.font],
        'text-size': 13,
        'text-max-width': labelMaxWidth(8),
        'text-variable-anchor': ['bottom', 'top', 'left', 'right'],
        'text-radial-offset': 1.2,
      },
      paint: {
        'text-color': theme.zoneLine,
        'text-halo-color': theme.labelHalo,
        'text-halo-width': 1.5,
        'text-opacity': perFeature(1),
      },
    },
  ];
}

/** Point names from zoom 11; filtered like the points unless the source holds shown ones only. */
function pointLabelLayer(
  theme: Theme,
  industries: readonly string[],
  points: PointDrawing,
): SymbolLayerSpecification {
  return {
    id: LAYER.pointLabel,
    type: 'symbol',
    source: SOURCE.points,
    ...(points === 'tiles' ? { 'source-layer': POINTS_SOURCE_LAYER } : {}),
    minzoom: 11,
    ...(points === 'gpu' ? {} : { filter: industryFilter(industries) }),
    layout: {
      'text-field': localizedName,
      'text-font': [theme.font],
      'text-size': 11,
      // Below its marker, wherever the fan put it (FAN_FULL is reached before labels show).
      'text-offset': ['coalesce', ['get', 'fan_text'], ['literal', [0, 1.1]]],
      'text-anchor': 'top',
      'text-max-width': labelMaxWidth(9),
      'text-optional': true,
    },
    paint: {
      'text-color': '#333333',
      'text-halo-color': theme.labelHalo,
      'text-halo-width': 1.2,
      'text-opacity': perFeature(1),
    },
  };
}

/**
 * Zones as translucent polygons, points as one layer per kind (SDF symbols; none with `gpu`;
 * circles with `tiles`, where the points source is the archive's vector source and labels read
 * its `points` layer), then labels. Points are filtered by the selected `industries` (later
 * changes: MapController.setIndustries); with `gpu` the labels source holds only shown points, so
 * labels take no filter. `manyZones` labels zones from LABEL_ZOOM_MANY_ZONES.
 */
export function dataStyleLayers(
  theme: Theme,
  industries: readonly string[],
  options: { points?: PointDrawing; manyZones?: boolean } = {},
): DataLayer[] {
  const { points = 'symbols', manyZones = false } = options;
  const pointLayers =
    points === 'tiles'
      ? POINT_KINDS.map((kind) => circleLayer(kind, theme, industries))
      : points === 'gpu' || points === 'none'
        ? [] // With `gpu`, the GPU layer the point renderer inserts here draws them.
        : POINT_KINDS.map((kind) => pointLayer(kind, theme, industries));
  return [
    ...zoneLayers(theme, manyZones),
    ...pointLayers,
    pointLabelLayer(theme, industries, points),
  ];
}
