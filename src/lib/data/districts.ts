/** Totals per basemap district of the features in a table: the district choropleth's values. */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { aggregateToDistricts, type AggregateInput } from '../geo/aggregate.ts';
import type { FeatureTable, FieldValues } from './table.ts';

/**
 * Per district code: `count` of the non-zone points inside and the sum of each field over the
 * points that give it (absent where none does). A district the data does not cover — no zone
 * lies in it and no point — has no totals at all (`{}`): its count is not 0 but unknown, since
 * the data holds only the parks of the zones it describes.
 */
export type DistrictTotals = Map<string, Record<string, number>>;

/**
 * Count and field sums of the points inside each district: at load, of every point and its
 * latest figures; as of a year (app/time.ts), of the points `reported` by then (the rule the
 * list and the map follow) and their figures then (`values`).
 */
export function districtTotals(
  districts: FeatureCollection<Polygon | MultiPolygon, { code: string; name?: string }>,
  table: FeatureTable,
  values?: FieldValues,
  reported?: Uint8Array,
): DistrictTotals {
  const columns = table.fields.map(
    (f) => [f.key, values ? values.of(f.key) : table.values(f.key)] as const,
  );
  const inputs: AggregateInput[] = [];
  for (let row = 0; row < table.length; row++) {
    if (table.isZone(row) || !table.isPoint(row) || reported?.[row] === 0) continue;
    const sums: Record<string, number> = {};
    for (const [key, column] of columns) {
      const v = column[row] as number;
      if (!Number.isNaN(v)) sums[key] = v;
    }
    const point: [number, number] = [
      table.positions[row * 2] as number,
      table.positions[row * 2 + 1] as number,
    ];
    inputs.push({ point, values: sums });
  }
  const totals = aggregateToDistricts(districts, inputs, (d) => String(d.properties?.code));
  // Covered: a district a zone lies in (its `districts`, by name), or one holding a point.
  const zoneDistricts = new Set(
    table.features.flatMap((f) => (f.properties.kind === 'zone' ? f.properties.districts : [])),
  );
  const names = new Map(districts.features.map((d) => [d.properties.code, d.properties.name]));
  return new Map(
    [...totals].map(([code, a]) => [
      code,
      a.count > 0 || zoneDistricts.has(names.get(code) ?? '') ? { count: a.count, ...a.sums } : {},
    ]),
  );
}
