import type {
  BackgroundLayerSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { LAYER, SOURCE } from '../ids.ts';
import type { Theme } from './theme.ts';

export type BasemapLayer =
  | BackgroundLayerSpecification
  | FillLayerSpecification
  | LineLayerSpecification
  | SymbolLayerSpecification;

/**
 * The embedded basemap: districts on a sea-coloured background, county borders thin, prefecture
 * borders stronger, district names from zoom 7 so the province view stays uncluttered.
 */
export function basemapStyleLayers(theme: Theme): BasemapLayer[] {
  return [
    { id: LAYER.background, type: 'background', paint: { 'background-color': theme.sea } },
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
    {
      id: LAYER.districtLabel,
      type: 'symbol',
      source: SOURCE.districtLabels,
      minzoom: 7,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [theme.font],
        'text-size': ['interpolate', ['linear'], ['zoom'], 7, 11, 11, 14],
        'text-padding': 4,
      },
      paint: {
        'text-color': theme.label,
        'text-halo-color': theme.labelHalo,
        'text-halo-width': 1.2,
      },
    },
  ];
}
