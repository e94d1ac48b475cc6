/**
 * Reading features and industries into the dataset's schema, each problem located. The data the
 * app ships is trusted (checked before it shipped: ../data/trusted.ts); anything else is checked
 * with the valibot schema, a chunk loaded only then.
 */
import { buildDataset } from '../data/dataset.ts';
import { DataError, type DataIssue } from '../data/errors.ts';
import { fetchJson } from '../data/json.ts';
import type { Industry, ParkFeature } from '../data/schema.ts';
import { trustedFeatures, trustedIndustries } from '../data/trusted.ts';
import { FeatureTable } from '../data/table.ts';
import { industryAncestors } from '../data/industries.ts';
import { FeatureSource } from './features.ts';

export interface LoadedFeatures {
  features: ParkFeature[];
  issues: DataIssue[];
}

/** One untrusted file (`?data=`, a user's file), checked; valibot and the schema load now. */
export async function readFeatureCollection(json: unknown, name: string): Promise<LoadedFeatures> {
  const { parseFeatureCollection } = await import('../data/parse.ts');
  return parseFeatureCollection(json, name);
}

/** A failure as located issues: a DataError's own, or one naming the source. */
export function issuesOf(error: unknown, source: string): DataIssue[] {
  return error instanceof DataError ? error.issues : [{ source, path: '', message: String(error) }];
}

/**
 * Every file named (name → URL), in parallel; a file that fails is reported, the rest kept.
 * `trusted`: the app's own files, read without the schema.
 */
export async function loadFeatureUrls(
  files: Readonly<Record<string, string>>,
  fetchImpl: typeof fetch,
  options: { trusted: boolean },
): Promise<LoadedFeatures> {
  const read = options.trusted ? trustedFeatures : readFeatureCollection;
  const results = await Promise.allSettled(
    Object.entries(files).map(async ([name, url]) =>
      read(await fetchJson(url, { fetchImpl }), name),
    ),
  );
  const out: LoadedFeatures = { features: [], issues: [] };
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') {
      out.features.push(...r.value.features);
      out.issues.push(...r.value.issues);
    } else out.issues.push(...issuesOf(r.reason, Object.keys(files)[i] ?? 'data'));
  });
  return out;
}

/**
 * The industry names, from the app's own file (trusted, as its zone files are); a broken file
 * gives none (and says why): the map still opens.
 */
export async function loadIndustries(
  url: string,
  fetchImpl: typeof fetch,
): Promise<LoadedIndustries> {
  let json: unknown;
  try {
    json = await fetchJson(url, { fetchImpl });
  } catch (e) {
    return { industries: [], issues: issuesOf(e, url) };
  }
  return trustedIndustries(json, url);
}

/** The in-memory source of loaded features: ids made unique (reported), then one table. */
export interface LoadedIndustries {
  industries: Industry[];
  issues: DataIssue[];
}

export function featureSource(
  name: string,
  loaded: LoadedFeatures,
  industries: LoadedIndustries,
  options: { linkable: boolean },
): FeatureSource {
  const built = buildDataset(loaded.features, industries.industries);
  const issues = [...industries.issues, ...loaded.issues, ...built.issues];
  const broader = industryAncestors(industries.industries);
  const table = FeatureTable.from(built.dataset.features, undefined, broader);
  return new FeatureSource(name, table, industries.industries, issues, options);
}
