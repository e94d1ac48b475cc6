/** Reading features and industries into the dataset's schema, each problem located. */
import { buildDataset } from '../data/dataset.ts';
import { parseFeatures, parseIndustries } from '../data/parse.ts';
import { DataError, type DataIssue } from '../data/errors.ts';
import { checkFeatureCollection } from '../data/geojson.ts';
import { fetchJson } from '../data/json.ts';
import type { Industry, ParkFeature } from '../data/schema.ts';
import { FeatureTable } from '../data/table.ts';
import { FeatureSource } from './features.ts';

export interface LoadedFeatures {
  features: ParkFeature[];
  issues: DataIssue[];
}

/** One file's features: structure first (located errors), then the dataset schema per feature. */
export function readFeatureCollection(json: unknown, name: string): LoadedFeatures {
  const checked = checkFeatureCollection(json, { source: name });
  const parsed = parseFeatures(checked.collection.features, name);
  return { features: parsed.features, issues: [...checked.issues, ...parsed.issues] };
}

/** A failure as located issues: a DataError's own, or one naming the source. */
export function issuesOf(error: unknown, source: string): DataIssue[] {
  return error instanceof DataError ? error.issues : [{ source, path: '', message: String(error) }];
}

/** Every file named (name → URL), in parallel; a file that fails is reported, the rest kept. */
export async function loadFeatureUrls(
  files: Readonly<Record<string, string>>,
  fetchImpl: typeof fetch,
): Promise<LoadedFeatures> {
  const results = await Promise.allSettled(
    Object.entries(files).map(async ([name, url]) =>
      readFeatureCollection(await fetchJson(url, { fetchImpl }), name),
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

/** The industry names; a broken file gives none (and says why): the map still opens. */
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
  return parseIndustries(json, url);
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
  const table = FeatureTable.from(built.dataset.features);
  return new FeatureSource(name, table, industries.industries, issues, options);
}
