import type {
  BackgroundLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { LAYER, SOURCE } from '../ids.ts';
import { STATE, perFeature } from './expressions.ts';
import type { Theme } from './theme.ts';

export type BasemapLayer =
  | BackgroundLayerSpecification
  | FillLayerSpecification
  | LineLayerSpecification
  | SymbolLayerSpecification;

/**
 * The embedded basemap: districts on a sea-coloured background with the neighbouring provinces
 * as land beside them, rivers and lakes in the sea colour, county borders thin, prefecture
 * borders stronger; the Yellow River and the prefecture seats named from zoom 6, county seats
 * (the districts' label points) from zoom 8, so the province view stays uncluttered.
 */
export function basemapStyleLayers(theme: Theme): BasemapLayer[] {
  return [
    { id: LAYER.background, type: 'background', paint: { 'background-color': theme.sea } },
    {
      id: LAYER.land,
      type: 'fill',
      source: SOURCE.context,
      filter: ['==', ['get', 'kind'], 'land'],
      paint: { 'fill-color': perFeature(theme.land) },
    },
    {
      id: LAYER.districtFill,
      type: 'fill',
      source: SOURCE.districts,
      paint: {
        // Alternate two near-identical tints by prefecture so neighbouring cities read apart.
        'fill-color': [
          'case',
          ['==', ['%', ['to-number', ['get', 'city_code'], 0], 2], 0],
          theme.land,
          theme.landAlt,
        ],
      },
    },
    {
      id: LAYER.water,
      type: 'fill',
      source: SOURCE.context,
      filter: ['==', ['get', 'kind'], 'water'],
      paint: { 'fill-color': perFeature(theme.sea) },
    },
    {
      id: LAYER.countyLine,
      type: 'line',
      source: SOURCE.countyLines,
      minzoom: 6,
      paint: {
        'line-color': theme.countyLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.4, 10, 1.2],
      },
    },
    {
      id: LAYER.prefectureLine,
      type: 'line',
      source: SOURCE.prefectureLines,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': theme.prefectureLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.8, 10, 2.2],
      },
    },
    riverLabel(theme),
    countySeatLabels(theme),
    cityLabels(theme),
  ];
}

/** "黄河 / Yellow River" written along the river (a label line in the file, never drawn). */
function riverLabel(theme: Theme): SymbolLayerSpecification {
  return {
    id: LAYER.riverLabel,
    type: 'symbol',
    source: SOURCE.context,
    filter: ['==', ['get', 'kind'], 'river'],
    minzoom: 6,
    layout: {
      'symbol-placement': 'line',
      'symbol-spacing': 400,
      'text-field': placeName,
      'text-font': [theme.font],
      'text-size': 13,
      'text-letter-spacing': 0.3,
    },
    paint: {
      'text-color': theme.label,
      'text-halo-color': theme.labelHalo,
      'text-halo-width': 1.2,
      'text-opacity': perFeature(1),
    },
  };
}

/**
 * A place label's text in the interface language (the style's global state `lang`): `name_en`
 * from the basemap file in English (the Chinese name where an old file has none), `name` in
 * Chinese. The context source is small, so its re-layout on a language switch costs little.
 */
export const placeName: ExpressionSpecification = [
  'case',
  ['==', ['global-state', STATE.lang], 'en'],
  ['coalesce', ['get', 'name_en'], ['get', 'name']],
  ['get', 'name'],
];

/** The prefecture seats' names, from zoom 5 (the province view): above the district names (8). */
function cityLabels(theme: Theme): SymbolLayerSpecification {
  return {
    id: LAYER.cityLabel,
    type: 'symbol',
    source: SOURCE.context,
    filter: ['==', ['get', 'kind'], 'city'],
    minzoom: 5,
    layout: {
      'text-field': placeName,
      'text-font': [theme.font],
      // One size: above the district names (11–14) at every zoom, and no bytes for a curve.
      'text-size': 15,
    },
    paint: {
      'text-color': theme.prefectureLine,
      'text-halo-color': theme.labelHalo,
      'text-halo-width': 1.2,
      'text-opacity': perFeature(1),
    },
  };
}

/** District names at their label points (the source's `cp`), the county seats, from zoom 8. */
function countySeatLabels(theme: Theme): SymbolLayerSpecification {
  return {
    id: LAYER.districtLabel,
    type: 'symbol',
    source: SOURCE.context,
    filter: ['==', ['get', 'kind'], 'seat'],
    minzoom: 8,
    layout: {
      'text-field': placeName,
      'text-font': [theme.font],
      'text-size': ['interpolate', ['linear'], ['zoom'], 7, 11, 11, 14],
      'text-padding': 4,
    },
    paint: {
      'text-color': theme.label,
      'text-halo-color': theme.labelHalo,
      'text-halo-width': 1.2,
      'text-opacity': perFeature(1),
    },
  };
}
