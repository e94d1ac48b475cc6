import type { Feature, FeatureCollection } from 'geojson';
import { bbox } from '@turf/bbox';
import { asBasemapTopology, basemapLayers, type BasemapLayers } from '../geo/basemap.ts';
import { aggregateToDistricts } from '../geo/aggregate.ts';
import { aggregateProp } from '../names.ts';
import { polygonLabelPoints } from '../geo/labels.ts';
import type { FontIndex } from '../map/fonts.ts';
import { toMapCollection } from './flat.ts';
import type { StyleData } from '../map/style/index.ts';
import { BULK_POINTS } from '../map/style/data-layers.ts';
import {
  buildDataset,
  figureValue,
  numericFields,
  parseFeatures,
  parseIndustries,
  type Dataset,
  type NumericField,
} from './dataset.ts';
import { DataError, type DataIssue } from './errors.ts';
import { checkFeatureCollection } from './geojson.ts';
import { fetchJson } from './json.ts';
import type { ParkFeature } from './schema.ts';
import type { TilesArchive } from './tiles.ts';

export interface DataUrls {
  basemapUrl: string;
  industriesUrl: string;
  zoneUrls: Record<string, string>;
  fontIndexUrl: string;
  /** A same-origin PMTiles archive of points (`?tiles=`): it replaces the zone files' features. */
  tilesUrl?: string;
  /** Problems found while choosing the URLs (e.g. a refused `?data=`), shown with the rest. */
  notes?: DataIssue[];
}

export interface AppData {
  style: StyleData;
  /** [west, south, east, north] of the basemap: the initial view. */
  bounds: [number, number, number, number];
  fontIndex: FontIndex;
  dataset: Dataset;
  /** Numeric fields the choropleth can use. */
  fields: NumericField[];
  /** Per district code: `count` of features inside and the sum of each field. */
  districtValues: Map<string, Record<string, number>>;
  /** The point features when there are more than BULK_POINTS (drawn on the GPU), else null. */
  bulkPoints: ParkFeature[] | null;
  /**
   * The points archive when the page reads points from tiles (`?tiles=`); null otherwise, and
   * when it could not be opened (the issue says why; the basemap still shows).
   */
  tiles: TilesArchive | null;
  /** Everything that was wrong but did not stop the app. */
  issues: DataIssue[];
}

/**
 * Opens a points archive and registers it with MapLibre's `pmtiles://` protocol; pmtiles, the
 * tile decoder and the metadata schema are loaded here, in their own chunk, and nowhere else.
 */
async function openTiles(url: string, issues: DataIssue[]): Promise<TilesArchive | null> {
  const [{ TilesArchive }, { registerArchive }] = await Promise.all([
    import('./tiles.ts'),
    import('../map/pmtiles-protocol.ts'),
  ]);
  try {
    const archive = await TilesArchive.open(url);
    registerArchive(archive.pmtiles);
    return archive;
  } catch (e) {
    if (e instanceof DataError) issues.push(...e.issues);
    else issues.push({ source: url, path: '', message: String(e) });
    return null;
  }
}

/** Splits map features into zone polygons and everything else (drawn as points). */
export function splitByGeometry(collection: FeatureCollection): {
  zones: FeatureCollection;
  points: FeatureCollection;
} {
  const zones: Feature[] = [];
  const points: Feature[] = [];
  for (const f of collection.features) (f.geometry?.type === 'Point' ? points : zones).push(f);
  return {
    zones: { type: 'FeatureCollection', features: zones },
    points: { type: 'FeatureCollection', features: points },
  };
}

/** Count and field sums of the non-zone features inside each district, computed once. */
export function districtAggregates(
  districts: BasemapLayers['districts'],
  features: readonly ParkFeature[],
  fields: readonly NumericField[],
): Map<string, Record<string, number>> {
  const inputs = features
    .filter((f) => f.properties.kind !== 'zone' && f.geometry.type === 'Point')
    .map((f) => ({
      point: f.geometry.coordinates as [number, number],
      values: Object.fromEntries(
        fields
          .map(
            (field) =>
              [field.key, figureValue(f.properties.figures, field.key, field.unit)] as const,
          )
          .filter((e): e is readonly [string, number] => e[1] !== undefined),
      ),
    }));
  const aggregates = aggregateToDistricts(districts, inputs, (d) => String(d.properties?.code));
  return new Map([...aggregates].map(([code, a]) => [code, { count: a.count, ...a.sums }]));
}

/** Loads one zone file: structure first (located errors), then the dataset schema per feature. */
async function loadZoneFile(
  name: string,
  url: string,
  fetchImpl: typeof fetch,
): Promise<{ features: ParkFeature[]; issues: DataIssue[] }> {
  const checked = checkFeatureCollection(await fetchJson(url, { fetchImpl }), { source: name });
  const parsed = parseFeatures(checked.collection.features, name);
  return { features: parsed.features, issues: [...checked.issues, ...parsed.issues] };
}

/**
 * Loads the basemap, the dataset and the font index. A broken zone file or feature is reported
 * and skipped; only a missing basemap or font index stops the map.
 */
export async function loadAppData(
  urls: DataUrls,
  fetchImpl: typeof fetch = fetch,
): Promise<AppData> {
  const issues: DataIssue[] = [...(urls.notes ?? [])];
  const [tiles, topologyJson, fontIndex, industriesJson] = await Promise.all([
    urls.tilesUrl ? openTiles(urls.tilesUrl, issues) : null,
    fetchJson(urls.basemapUrl, { fetchImpl }),
    fetchJson(urls.fontIndexUrl, { fetchImpl }) as Promise<FontIndex>,
    fetchJson(urls.industriesUrl, { fetchImpl }).catch((e: unknown) => {
      if (e instanceof DataError) issues.push(...e.issues);
      return { industries: [] };
    }),
  ]);
  const industries = parseIndustries(industriesJson, urls.industriesUrl);
  issues.push(...industries.issues);

  const results = await Promise.allSettled(
    Object.entries(urls.zoneUrls).map(([name, url]) => loadZoneFile(name, url, fetchImpl)),
  );
  const features: ParkFeature[] = [];
  for (const r of results) {
    if (r.status === 'fulfilled') {
      features.push(...r.value.features);
      issues.push(...r.value.issues);
    } else if (r.reason instanceof DataError) issues.push(...r.reason.issues);
    else issues.push({ source: 'data/zones', path: '', message: String(r.reason) });
  }
  const built = buildDataset(features, industries.industries);
  issues.push(...built.issues);
  // With tiles the archive's metadata lists the fields (over every point in it).
  const fields: NumericField[] = tiles
    ? tiles.summary.fields.map(({ key, label_zh, label_en, unit, count }) => ({
        key,
        label_zh,
        label_en,
        unit,
        count,
      }))
    : numericFields(built.dataset.features);

  const base = basemapLayers(asBasemapTopology(topologyJson));
  const districtValues = districtAggregates(base.districts, built.dataset.features, fields);
  for (const d of base.districts.features) {
    for (const [field, value] of Object.entries(districtValues.get(d.properties.code) ?? {})) {
      (d.properties as unknown as Record<string, unknown>)[aggregateProp(field)] = value;
    }
  }
  // Past BULK_POINTS the GPU layer draws the points from the features themselves: no flat copy.
  const all = built.dataset.features;
  const pointFeatures = all.filter((f) => f.geometry.type === 'Point');
  const bulkPoints = pointFeatures.length > BULK_POINTS ? pointFeatures : null;
  const { zones, points } = splitByGeometry(
    toMapCollection(bulkPoints ? all.filter((f) => f.geometry.type !== 'Point') : all, fields),
  );
  const [w, s, e, n] = bbox(base.districts);
  return {
    style: {
      districts: base.districts,
      countyLines: base.countyLines,
      prefectureLines: base.prefectureLines,
      districtLabels: base.labels,
      zones,
      zoneLabels: polygonLabelPoints(zones),
      points,
    },
    bounds: [w, s, e, n],
    fontIndex,
    dataset: built.dataset,
    fields,
    districtValues,
    bulkPoints,
    tiles,
    issues,
  };
}
