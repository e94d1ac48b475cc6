/** Loads test/fixtures/data-valid as validate() input; every call returns a fresh, mutable copy. */
import { readFileSync } from 'node:fs';
import type { BasemapDistricts, ValidateInput } from '../../../src/lib/data/validate/index.ts';
import type { ParkFeatureInput } from '../../../src/lib/data/schema.ts';

const dir = new URL('../../fixtures/data-valid/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, dir), 'utf8');

export interface ZoneFixture {
  type: 'FeatureCollection';
  features: ParkFeatureInput[];
}

export const ZONE_FILE = 'data/zones/test-zone.geojson';

export function loadFixture(): ValidateInput & {
  zone: ZoneFixture;
  basemap: BasemapDistricts;
} {
  const zone = JSON.parse(read('zones/test-zone.geojson')) as ZoneFixture;
  const basemap = JSON.parse(read('basemap.geojson')) as BasemapDistricts;
  return {
    zone,
    zoneFiles: [{ file: ZONE_FILE, data: zone }],
    sources: { 'doc-a.txt': read('sources/doc-a.txt'), 'doc-b.txt': read('sources/doc-b.txt') },
    industries: JSON.parse(read('industries.json')) as unknown,
    divisions: JSON.parse(read('divisions.json')) as unknown,
    basemap,
  };
}

/** The fixture's feature with this id; throws so a renamed fixture fails loudly. */
export function featureOf(zone: ZoneFixture, id: string): ParkFeatureInput {
  const f = zone.features.find((x) => x.id === id);
  if (!f) throw new Error(`fixture has no feature ${id}`);
  return f;
}
