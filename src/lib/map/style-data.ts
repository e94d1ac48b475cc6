/** The GeoJSON the style's sources hold, from the basemap and the feature table. */
import type { FeatureCollection } from 'geojson';
import type { DistrictTotals } from '../data/districts.ts';
import { toMapCollection } from '../data/flat.ts';
import type { FeatureTable } from '../data/table.ts';
import type { BasemapLayers } from '../geo/basemap.ts';
import { polygonLabelPoints } from '../geo/labels.ts';
import { effectivePrecision } from '../data/precision.ts';
import type { ParkFeature } from '../data/schema.ts';
import { aggregateProp } from '../names.ts';
import { withFans } from './schematic.ts';
import type { StyleData } from './style/index.ts';

/** Districts with each total as a flat property (`agg_count`, `agg_<field>`) for expressions. */
function districtsWithTotals(
  districts: BasemapLayers['districts'],
  totals: DistrictTotals | null,
): FeatureCollection {
  if (!totals) return districts;
  return {
    type: 'FeatureCollection',
    features: districts.features.map((d) => {
      const props: Record<string, unknown> = { ...d.properties };
      for (const [field, value] of Object.entries(totals.get(d.properties.code) ?? {}))
        props[aggregateProp(field)] = value;
      return { ...d, properties: props };
    }),
  };
}

/**
 * Sources for the style: the basemap, zones as polygons, and points as GeoJSON when the style
 * draws them (`pointsInSource`; the GPU layer and tiles draw theirs elsewhere).
 */
export function styleData(
  basemap: BasemapLayers,
  table: FeatureTable,
  totals: DistrictTotals | null,
  pointsInSource: boolean,
): StyleData {
  const zoneRows: number[] = [];
  const pointRows: number[] = [];
  for (let row = 0; row < table.length; row++) {
    if (!table.isPoint(row)) zoneRows.push(row);
    else if (pointsInSource) pointRows.push(row);
  }
  const zones = toMapCollection(table, zoneRows);
  const byId = new Map<string, ParkFeature>(table.features.map((f) => [f.id, f]));
  const schematic = new Set(
    pointRows
      .map((row) => table.features[row] as ParkFeature)
      .filter((f) => effectivePrecision(f, byId) === 'zone')
      .map((f) => f.id),
  );
  return {
    districts: districtsWithTotals(basemap.districts, totals),
    countyLines: basemap.countyLines,
    prefectureLines: basemap.prefectureLines,
    context: basemap.context,
    attribution: basemap.attribution,
    zones,
    zoneLabels: polygonLabelPoints(zones),
    points: withFans(toMapCollection(table, pointRows), (f) => schematic.has(String(f.id))),
  };
}
