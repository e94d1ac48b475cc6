/**
 * The embedded dataset as the tests read it, from data/ with node:fs: expected counts and
 * features come from here, so adding a park as data/README.md says breaks no test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { LayerKey } from '../../src/lib/state/view.ts';
import { industryAncestors } from '../../src/lib/data/industries.ts';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));

export type Kind = 'zone' | 'park' | 'platform' | 'project' | 'enterprise' | 'nonplace';

export interface DataFeature {
  id: string;
  geometry:
    | { type: 'Point'; coordinates: [number, number] }
    | { type: 'Polygon'; coordinates: [number, number][][] };
  properties: {
    id: string;
    kind: Kind;
    name_zh: string;
    name_en: string;
    zone: string;
    precision: 'address' | 'town' | 'zone';
    industries?: string[];
    figures?: {
      what: string;
      value: number;
      unit: string;
      year?: number | null;
      target?: boolean;
      doc: string;
      quote: string;
    }[];
    parent?: string | null;
    districts?: string[];
    status?: string;
    status_source?: { doc: string; quote: string } | null;
    sources?: { doc: string; quote: string }[];
    timeline?: { date: string; doc: string; quote: string }[];
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

export const industries: { code: string; zh: string; en: string; parent?: string }[] = (
  JSON.parse(readFileSync(`${dataDir}industries.json`, 'utf8')) as {
    industries: { code: string; zh: string; en: string; parent?: string }[];
  }
).industries;

/** Each industry's broader ones: a feature counts for those too (data/industries.json `parent`). */
const broader = industryAncestors(industries);

export const layerOf: Record<Kind, LayerKey> = {
  zone: 'zones',
  park: 'parks',
  platform: 'platforms',
  project: 'projects',
  enterprise: 'enterprises',
  nonplace: 'nonplaces',
};

export const ofKind = (kind: Kind): DataFeature[] =>
  features.filter((f) => f.properties.kind === kind);

/** A feature's industries and their broader ones, each once, as the app filters and counts. */
export const industriesOf = (f: DataFeature): string[] => [
  ...new Set((f.properties.industries ?? []).flatMap((c) => [c, ...(broader.get(c) ?? [])])),
];

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

/** 亿元 per unit of money (data/README.md: 亿元 = 100 million CNY, 万元 = 10,000 CNY). */
const YI: Record<string, number> = { 亿元: 1, 万元: 1e-4, 元: 1e-8 };

/**
 * A feature's value of a figure in `unit`, as a reader of data/README.md takes it: achieved
 * values before targets, then the latest year; undefined when it has none in a comparable unit.
 */
export function valueOf(f: DataFeature, what: string, unit = '亿元'): number | undefined {
  const found = (f.properties.figures ?? [])
    .filter((x) => x.what === what && (x.unit === unit || (YI[x.unit] && YI[unit])))
    .sort(
      (a, b) =>
        Number(a.target ?? false) - Number(b.target ?? false) || (b.year ?? 0) - (a.year ?? 0),
    )[0];
  if (!found) return undefined;
  return found.unit === unit ? found.value : (found.value * YI[found.unit]!) / YI[unit]!;
}

export type District = Feature<
  Polygon | MultiPolygon,
  { name: string; code: string; city: string; label: [number, number] }
>;

const topology = JSON.parse(
  readFileSync(`${dataDir}basemap/shandong.topo.json`, 'utf8'),
) as Topology<{
  districts: GeometryCollection<District['properties']>;
}>;

/** The basemap's county-level districts. */
export const districts = (
  topoFeature(topology, topology.objects.districts) as unknown as { features: District[] }
).features;

/** The points (every kind but zones) inside a district: what the app counts for it. */
export const pointsIn = (d: District): DataFeature[] =>
  features.filter(
    (f) =>
      f.geometry.type === 'Point' &&
      f.properties.kind !== 'zone' &&
      booleanPointInPolygon(f.geometry.coordinates, d),
  );

/** A source document as data/sources/documents.json describes it. */
export interface DataDocument {
  file: string;
  title: string;
  title_en: string;
  publisher: string | null;
  publisher_en: string | null;
  date: string;
}

export const documents: DataDocument[] = (
  JSON.parse(readFileSync(`${dataDir}sources/documents.json`, 'utf8')) as {
    documents: DataDocument[];
  }
).documents;

export function documentOf(file: string): DataDocument {
  const d = documents.find((x) => x.file === file);
  if (!d) throw new Error(`no document ${file} in data/sources/documents.json`);
  return d;
}

/** A source document's text. */
export const documentText = (file: string): string =>
  readFileSync(`${dataDir}sources/${file}`, 'utf8');

/** The points the map draws: non-places (designations, programmes, events) are listed, not drawn. */
export const drawnPoints: DataFeature[] = features.filter(
  (f) => f.geometry.type === 'Point' && f.properties.kind !== 'nonplace',
);
