/**
 * Reading untrusted JSON (a `?data=` file, a user's file, a points archive's details) with the
 * valibot schema: each problem located. Its own module so that valibot and the schema are a
 * chunk of their own, loaded only for such data; the embedded data is read by ./trusted.ts.
 */
import * as v from 'valibot';
import { compactFeature, interner } from './compact.ts';
import type { DataIssue } from './errors.ts';
import { checkFeatureCollection } from './geojson.ts';
import {
  IndustriesFileSchema,
  ParkFeatureSchema,
  type Industry,
  type ParkFeature,
} from './schema.ts';

/** valibot's issue path as a JSON path: `features[3].properties.figures[0].value`. */
export function issuePath(prefix: string, issue: v.BaseIssue<unknown>): string {
  let out = prefix;
  for (const item of issue.path ?? []) {
    const key = item.key;
    out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  }
  return out;
}

/**
 * Parses one zone file's features with the schema; a feature that fails is dropped and reported
 * (its first issue, located), the others are kept.
 */
export function parseFeatures(
  features: unknown[],
  source: string,
): { features: ParkFeature[]; issues: DataIssue[] } {
  const kept: ParkFeature[] = [];
  const issues: DataIssue[] = [];
  const intern = interner();
  features.forEach((raw, i) => {
    const result = v.safeParse(ParkFeatureSchema, raw);
    if (result.success) kept.push(compactFeature(result.output, intern));
    else {
      const first = result.issues[0];
      issues.push({
        source,
        path: first ? issuePath(`features[${i}]`, first) : `features[${i}]`,
        message: first?.message ?? 'invalid feature',
      });
    }
  });
  return { features: kept, issues };
}

export function parseIndustries(
  json: unknown,
  source: string,
): { industries: Industry[]; issues: DataIssue[] } {
  const result = v.safeParse(IndustriesFileSchema, json);
  if (result.success) return { industries: result.output.industries, issues: [] };
  const first = result.issues[0];
  return {
    industries: [],
    issues: [
      {
        source,
        path: first ? issuePath('', first).replace(/^\./, '') : '',
        message: first?.message ?? 'invalid',
      },
    ],
  };
}

/** One file's features: GeoJSON structure first (located errors), then the schema per feature. */
export function parseFeatureCollection(
  json: unknown,
  source: string,
): { features: ParkFeature[]; issues: DataIssue[] } {
  const checked = checkFeatureCollection(json, { source });
  const parsed = parseFeatures(checked.collection.features, source);
  return { features: parsed.features, issues: [...checked.issues, ...parsed.issues] };
}
