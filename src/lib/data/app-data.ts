import type { Feature, FeatureCollection, Point } from 'geojson';
import { bbox } from '@turf/turf';
import { asBasemapTopology, basemapLayers } from '../geo/basemap.ts';
import { polygonLabelPoints } from '../geo/labels.ts';
import type { FontIndex } from '../map/fonts.ts';
import type { StyleData } from '../map/style/index.ts';
import { DataError, type DataIssue } from './errors.ts';
import { checkFeatureCollection } from './geojson.ts';
import { fetchJson } from './json.ts';

export interface DataUrls {
  basemapUrl: string;
  industriesUrl: string;
  zoneUrls: Record<string, string>;
  fontIndexUrl: string;
}

export interface AppData {
  style: StyleData;
  /** [west, south, east, north] of the basemap: the initial view. */
  bounds: [number, number, number, number];
  fontIndex: FontIndex;
  /** Everything that was wrong but did not stop the app. */
  issues: DataIssue[];
}

/** Splits the dataset's features into zone polygons and point features. */
export function splitDataset(features: Feature[]): { zones: FeatureCollection; points: FeatureCollection<Point> } {
  const zones: Feature[] = [];
  const points: Feature<Point>[] = [];
  for (const f of features) {
    if (f.geometry?.type === 'Point') points.push(f as Feature<Point>);
    else if (f.geometry) zones.push(f);
  }
  return {
    zones: { type: 'FeatureCollection', features: zones },
    points: { type: 'FeatureCollection', features: points },
  };
}

/** Loads the basemap, the zone files and the font index; one broken zone file never stops the rest. */
export async function loadAppData(urls: DataUrls, fetchImpl: typeof fetch = fetch): Promise<AppData> {
  const issues: DataIssue[] = [];
  const [topologyJson, fontIndex] = await Promise.all([
    fetchJson(urls.basemapUrl, { fetchImpl }),
    fetchJson(urls.fontIndexUrl, { fetchImpl }) as Promise<FontIndex>,
  ]);
  const zoneResults = await Promise.allSettled(
    Object.entries(urls.zoneUrls).map(async ([name, url]) => {
      const checked = checkFeatureCollection(await fetchJson(url, { fetchImpl }), { source: name });
      issues.push(...checked.issues);
      return checked.collection.features;
    }),
  );
  const features: Feature[] = [];
  for (const r of zoneResults) {
    if (r.status === 'fulfilled') features.push(...r.value);
    else if (r.reason instanceof DataError) issues.push(...r.reason.issues);
    else issues.push({ source: 'data/zones', path: '', message: String(r.reason) });
  }
  const base = basemapLayers(asBasemapTopology(topologyJson));
  const { zones, points } = splitDataset(features);
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
    issues,
  };
}
