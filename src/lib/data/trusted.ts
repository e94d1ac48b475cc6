/**
 * Reading the data the app ships (data/zones/*.geojson, data/industries.json) without valibot.
 * Those files are checked against the schema by `npm run data:check` and by the tests, so every
 * visit need not load the schema to check them again: this only fills the defaults the schema
 * fills. test/lib/data/trusted.test.ts holds it to `v.parse(<schema>, raw)` for every feature of
 * every file, and fails when the schema gains a default this does not fill.
 */
import type { DataIssue } from './errors.ts';
import { isRecord } from './record.ts';
import type { Industry, ParkFeature, ParkFeatureInput } from './schema.ts';

/**
 * What `v.parse(ParkFeatureSchema, raw)` gives for a valid feature: the keys the contract lets a
 * file omit given their empty value (`v.optional(…, default)` in ./schema.ts).
 */
export function trustedFeature(raw: ParkFeatureInput): ParkFeature {
  const p = raw.properties;
  return {
    type: raw.type,
    id: raw.id,
    geometry: raw.geometry,
    properties: {
      ...p,
      aliases: p.aliases ?? [],
      parent: p.parent ?? null,
      place: p.place ?? null,
      industries: p.industries ?? [],
      status_source: p.status_source ?? null,
      location_note: p.location_note ?? null,
      figures: p.figures ?? [],
      timeline: p.timeline ?? [],
      relations: p.relations ?? [],
    },
  };
}

/**
 * One shipped zone file's features. Only its outer shape is looked at, so that a file the server
 * replaced (an error page) is reported, not thrown on; a feature itself is as data:check left it.
 * Not compacted as ./parse.ts compacts checked ones (./compact.ts): for the ~170 shipped features
 * that saves a few KB of heap, and would cost the first visit 0.6 KB of JS.
 */
export function trustedFeatures(
  json: unknown,
  source: string,
): { features: ParkFeature[]; issues: DataIssue[] } {
  if (!isRecord(json) || !Array.isArray(json.features))
    return {
      features: [],
      issues: [{ source, path: '', message: 'not a GeoJSON FeatureCollection' }],
    };
  // Trusted: the file is the app's own and was checked against the schema before it shipped.
  const raw = json.features as ParkFeatureInput[];
  return { features: raw.map(trustedFeature), issues: [] };
}

/** The shipped industries.json's names (the schema gives no defaults there). */
export function trustedIndustries(
  json: unknown,
  source: string,
): { industries: Industry[]; issues: DataIssue[] } {
  if (!isRecord(json) || !Array.isArray(json.industries))
    return {
      industries: [],
      issues: [{ source, path: 'industries', message: 'must be an array' }],
    };
  return { industries: json.industries as Industry[], issues: [] };
}
