/**
 * Checks of a zone feature's own links: itself as its zone, its entry in data/divisions.json,
 * and its polygon inside the basemap districts it names.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { ParkFeature, PolygonGeometry } from '../schema.ts';
import type { AddProblem } from './errors.ts';
import type { BasemapDistricts } from './input.ts';

/** Points checked per polygon edge for district containment (vertices alone miss edges cutting a notch). */
const EDGE_SAMPLES = 16;

export function checkZoneFeature(
  f: ParkFeature,
  divisionZones: ReadonlySet<string> | null,
  basemap: BasemapDistricts | undefined,
  add: AddProblem,
): void {
  const p = f.properties;
  if (p.zone !== p.id) add('zone', 'a zone feature names itself as its zone');
  if (divisionZones && !divisionZones.has(p.id))
    add('id', 'zone has no entry in data/divisions.json');
  const names = p.districts ?? [];
  if (names.length === 0) {
    add('districts', 'a zone lists the basemap districts it lies in');
    return;
  }
  if (!basemap || f.geometry.type !== 'Polygon') return;
  // Names are matched without the city: the dataset's districts are unambiguous within Shandong's
  // zones, and a name shared by two cities (市中区) only widens the area, never hides an error.
  const districts: Feature<Polygon | MultiPolygon>[] = [];
  for (const [i, name] of names.entries()) {
    const found = basemap.features.filter((d) => d.properties.name === name);
    if (found.length === 0) add(`districts[${i}]`, `district "${name}" is not in the basemap`);
    districts.push(...found);
  }
  // An official outline is the district's own boundary (checked vertex by vertex in places.ts):
  // sampling it would find half its edge points a rounding error outside.
  if (districts.length === 0 || p.outline === 'official') return;
  checkInsideDistricts(f.geometry.coordinates[0] ?? [], districts, names, add);
}

/** Samples along every edge of the ring; reports the first that lies in none of the districts. */
function checkInsideDistricts(
  ring: Readonly<PolygonGeometry['coordinates'][number]>,
  districts: readonly Feature<Polygon | MultiPolygon>[],
  names: readonly string[],
  add: AddProblem,
): void {
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i];
    const b = ring[i + 1];
    if (!a || !b) continue;
    for (let s = 0; s < EDGE_SAMPLES; s++) {
      const t = s / EDGE_SAMPLES;
      const pt: [number, number] = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      if (!districts.some((d) => booleanPointInPolygon(pt, d))) {
        add(
          'geometry',
          `zone polygon leaves its districts (${names.join(', ')}) near [${pt[0].toFixed(5)}, ${pt[1].toFixed(5)}]`,
        );
        return;
      }
    }
  }
}
