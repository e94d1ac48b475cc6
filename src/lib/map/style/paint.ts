import type { DataDrivenPropertyValueSpecification } from 'maplibre-gl';
import type { ChoroplethField, ChoroplethModel } from '../../scales/choropleth.ts';
import type { Classification } from '../../scales/classify.ts';
import type { PointKind } from '../ids.ts';
import { fieldColor, fieldColorById, industryColor } from './choropleth.ts';
import type { Theme } from './theme.ts';

type Color = DataDrivenPropertyValueSpecification<string>;
/** Points' colour by status as of a year (style/status.ts `statusColor`), or none. */
export type StatusPaint = Color | null | undefined;

/**
 * How points are coloured, as data: the style expressions (`MapPaint.point`) and the GPU point
 * layer's per-point colours (src/lib/map/gpu/colors.ts) are both made from it, so they agree.
 */
export type FeatureColoring =
  | { by: 'kind' }
  | { by: 'industry'; selected: readonly string[] }
  | {
      by: 'field';
      field: ChoroplethField;
      classification: Classification;
      /** Each table row's value, when not the table's own (the figures as of a year). */
      values?: Float64Array;
      /** What `values` are (`asOf:2017`): coloringKey reads it instead of every value. */
      valuesTag?: string;
    };

/** A key equal for equal colourings, cheap also when the colouring carries a column of values. */
export function coloringKey(coloring: FeatureColoring): string {
  if (coloring.by !== 'field' || !coloring.values) return JSON.stringify(coloring);
  return JSON.stringify({ ...coloring, values: undefined });
}

export interface MapPaint {
  point: (kind: PointKind) => Color;
  /** Points and zones (src/lib/map/style/feature-colors.ts: zones get it through feature state). */
  coloring: FeatureColoring;
  /** True when the zone fill encodes a value (drawn more opaque). */
  zoneEncodes: boolean;
  districtFill: Color;
}

/** Okabe–Ito colours, one per selected industry in selection order (repeating after eight). */
export const INDUSTRY_PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#000000',
];

export function industryColors(selected: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    selected.map((code, i) => [code, INDUSTRY_PALETTE[i % INDUSTRY_PALETTE.length] as string]),
  );
}

/** The basemap's own district tint (alternating by prefecture), as in basemapStyleLayers. */
export function districtBase(theme: Theme): Color {
  return [
    'case',
    ['==', ['%', ['to-number', ['get', 'city_code'], 0], 2], 0],
    theme.land,
    theme.landAlt,
  ];
}

/**
 * What colours the map: a choropleth of features or districts when one is set, else (the map as
 * of a year) each point's status then, else the selected industries' colours, else each kind's
 * colour. Pure, so every combination is unit-tested. Status colours are for style-drawn points:
 * `coloring` (zones, the GPU layer) stays the industries' or the kinds'.
 */
export function mapPaint(
  model: ChoroplethModel | null,
  by: 'features' | 'districts',
  selectedIndustries: readonly string[],
  theme: Theme,
  statusColor: StatusPaint = null,
): MapPaint {
  const base = {
    zoneEncodes: false,
    districtFill: districtBase(theme),
  };
  const byRow = model?.byRow;
  if (model && by === 'features') {
    const color = byRow
      ? fieldColorById(model.classification, byRow.ids, byRow.values)
      : fieldColor(model.classification, model.field.key);
    const coloring: FeatureColoring = {
      by: 'field',
      field: model.field,
      classification: model.classification,
      ...(byRow ? { values: byRow.values, valuesTag: byRow.tag } : {}),
    };
    return { ...base, point: () => color, coloring, zoneEncodes: true };
  }
  const palette = industryColors(selectedIndustries);
  const point = (kind: PointKind) =>
    statusColor ?? industryColor(selectedIndustries, palette, theme.kind[kind]);
  const coloring: FeatureColoring =
    selectedIndustries.length > 0
      ? { by: 'industry', selected: selectedIndustries }
      : { by: 'kind' };
  if (model && byRow && by === 'districts') {
    return {
      ...base,
      point,
      coloring,
      districtFill: fieldColorById(model.classification, byRow.ids, byRow.values, 'code'),
    };
  }
  return { ...base, point, coloring };
}
