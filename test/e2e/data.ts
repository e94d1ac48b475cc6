/**
 * The embedded dataset as the tests read it, from data/ with node:fs: expected counts and
 * features come from here, so adding a park as data/README.md says breaks no test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LayerKey } from '../../src/lib/state/view.ts';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));

export type Kind = 'zone' | 'park' | 'platform' | 'project' | 'enterprise';

export interface DataFeature {
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | { type: 'Polygon' };
  properties: {
    id: string;
    kind: Kind;
    name_zh: string;
    name_en: string;
    zone: string;
    precision: 'address' | 'town' | 'zone';
    industries?: string[];
    figures?: { what: string; value: number; unit: string }[];
    districts?: string[];
  };
}

/** Each zone file's name (without .geojson) and features, in file order. */
export const zoneFiles: { zone: string; features: DataFeature[] }[] = readdirSync(`${dataDir}zones`)
  .filter((f) => f.endsWith('.geojson'))
  .sort()
  .map((file) => ({
    zone: file.replace(/\.geojson$/, ''),
    features: (
      JSON.parse(readFileSync(`${dataDir}zones/${file}`, 'utf8')) as { features: DataFeature[] }
    ).features,
  }));

export const features: DataFeature[] = zoneFiles.flatMap((z) => z.features);

export const industries: { code: string; zh: string; en: string }[] = (
  JSON.parse(readFileSync(`${dataDir}industries.json`, 'utf8')) as {
    industries: { code: string; zh: string; en: string }[];
  }
).industries;

export const layerOf: Record<Kind, LayerKey> = {
  zone: 'zones',
  park: 'parks',
  platform: 'platforms',
  project: 'projects',
  enterprise: 'enterprises',
};

export const ofKind = (kind: Kind): DataFeature[] =>
  features.filter((f) => f.properties.kind === kind);

export const industriesOf = (f: DataFeature): string[] => f.properties.industries ?? [];

/** The value of a figure as the app reads it (the first with that `what`), or undefined. */
export const figureOf = (f: DataFeature, what: string): number | undefined =>
  f.properties.figures?.find((x) => x.what === what)?.value;

export const byId = (id: string): DataFeature => {
  const f = features.find((x) => x.id === id);
  if (!f) throw new Error(`no feature ${id} in data/zones`);
  return f;
};

/** The list draws at most this many rows (App.svelte), whatever the data holds. */
export const LIST_LIMIT = 300;
