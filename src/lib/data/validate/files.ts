/** Reading the input files against their schemas: industries, divisions and zone files. */
import * as v from 'valibot';
import {
  DivisionsFileSchema,
  IndustriesFileSchema,
  ParkFeatureSchema,
  type ParkFeature,
} from '../schema.ts';
import { err, schemaErrors, type ValidationError } from './errors.ts';
import type { ZoneFileInput } from './input.ts';

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** `data/zones/heze-hitech.geojson` → `heze-hitech`. */
export function zoneIdOf(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.geojson$/, '');
}

/** The industry codes of a valid industries file (empty when it is not); duplicates reported. */
export function checkIndustries(
  data: unknown,
  file: string,
  errors: ValidationError[],
): Set<string> {
  const r = v.safeParse(IndustriesFileSchema, data);
  if (!r.success) {
    errors.push(...schemaErrors(r.issues, file, null));
    return new Set();
  }
  const codes = new Set<string>();
  for (const [i, ind] of r.output.industries.entries()) {
    if (codes.has(ind.code)) {
      errors.push(err(file, ind.code, `industries[${i}].code`, 'duplicate industry code'));
    }
    codes.add(ind.code);
  }
  const parents = new Map(r.output.industries.map((i) => [i.code, i.parent]));
  for (const [i, ind] of r.output.industries.entries()) {
    if (ind.parent === undefined) continue;
    const path = `industries[${i}].parent`;
    if (!codes.has(ind.parent)) {
      errors.push(err(file, ind.code, path, `parent "${ind.parent}" is not an industry code`));
      continue;
    }
    // Walk up: a chain that comes back to the industry is a cycle.
    const seen = new Set([ind.code]);
    for (let up: string | undefined = ind.parent; up; up = parents.get(up)) {
      if (seen.has(up)) {
        errors.push(err(file, ind.code, path, 'parent chain is a cycle'));
        break;
      }
      seen.add(up);
    }
  }
  return codes;
}

/** The zone ids a valid divisions file has entries for (empty when it is not valid). */
export function checkDivisions(
  data: unknown,
  file: string,
  errors: ValidationError[],
): Set<string> {
  const r = v.safeParse(DivisionsFileSchema, data);
  if (!r.success) {
    errors.push(...schemaErrors(r.issues, file, null));
    return new Set();
  }
  return new Set(Object.keys(r.output.zones));
}

/** Features that pass the schema, and the ids of zone features that do not. */
export function parseZoneFile(
  zf: ZoneFileInput,
  errors: ValidationError[],
): { features: ParkFeature[]; invalidZones: string[] } {
  const invalidZones: string[] = [];
  const data = zf.data;
  if (!isRecord(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    errors.push(
      err(zf.file, null, null, 'schema: not a GeoJSON FeatureCollection with a features array'),
    );
    // Nothing more to say about a file that is not a collection: layout checks would only echo this.
    return { features: [], invalidZones: [zoneIdOf(zf.file)] };
  }
  const out: ParkFeature[] = [];
  for (const [i, raw] of (data.features as unknown[]).entries()) {
    const r = v.safeParse(ParkFeatureSchema, raw);
    if (r.success) {
      out.push(r.output);
      continue;
    }
    const props = isRecord(raw) && isRecord(raw.properties) ? raw.properties : {};
    const rawId =
      typeof props.id === 'string'
        ? props.id
        : isRecord(raw) && typeof raw.id === 'string'
          ? raw.id
          : null;
    if (props.kind === 'zone') invalidZones.push(rawId ?? zoneIdOf(zf.file));
    // Without an id the feature's index is the only way to find it.
    errors.push(...schemaErrors(r.issues, zf.file, rawId, rawId === null ? `features[${i}]` : ''));
  }
  return { features: out, invalidZones };
}
