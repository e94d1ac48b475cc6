/** The GeoJSON the style's sources hold, from the basemap and the feature table. */
import { toMapCollection } from '../data/flat.ts';
import type { FeatureTable } from '../data/table.ts';
import type { BasemapLayers } from '../geo/basemap.ts';
import { polygonLabelPoints } from '../geo/labels.ts';
import { effectivePrecision } from '../data/precision.ts';
import type { ParkFeature } from '../data/schema.ts';
import { withFans } from './schematic.ts';
import type { StyleData } from './style/index.ts';

/**
 * Sources for the style: the basemap, zones as polygons, and points as GeoJSON when the style
 * draws them (`pointsInSource`; the GPU layer and tiles draw theirs elsewhere).
 */
export function styleData(
  basemap: BasemapLayers,
  table: FeatureTable,
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
    districts: basemap.districts,
    countyLines: basemap.countyLines,
    prefectureLines: basemap.prefectureLines,
    context: basemap.context,
    attribution: basemap.attribution,
    zones,
    zoneLabels: polygonLabelPoints(zones),
    points: withFans(toMapCollection(table, pointRows), (f) => schematic.has(String(f.id))),
  };
}
