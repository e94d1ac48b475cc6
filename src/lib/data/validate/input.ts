/** What validate() takes: the parsed files and document texts, read by the caller. */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export interface ZoneFileInput {
  /** Path as it should appear in messages, e.g. `data/zones/heze-hitech.geojson`. */
  file: string;
  /** The parsed JSON. */
  data: unknown;
}

/** County-level districts of the basemap, as GeoJSON (the CLI converts the TopoJSON). */
export type BasemapDistricts = FeatureCollection<
  Polygon | MultiPolygon,
  { name: string; city?: string }
>;

export interface ValidateInput {
  zoneFiles: readonly ZoneFileInput[];
  /** Source document texts by file name, e.g. `{ '000_3dd22fdc9e0e8f3b.txt': '…' }`. */
  sources: Readonly<Record<string, string>>;
  /** Parsed data/industries.json. */
  industries: unknown;
  /** Parsed data/divisions.json; its schema and zone entries are checked when given. */
  divisions?: unknown;
  /** When given, every zone polygon must lie inside the union of its `districts`. */
  basemap?: BasemapDistricts | undefined;
  /** Parsed data/places/towns.json; when given, outlines and point placement are checked against it. */
  places?: unknown;
  placesFile?: string;
  /** Parsed data/sources/documents.json; when given, checked against the texts in `sources`. */
  documents?: unknown;
  documentsFile?: string;
  industriesFile?: string;
  divisionsFile?: string;
}
