/**
 * One interface for every way features reach the app — the embedded dataset, a GeoJSON URL, a
 * local file, a PMTiles archive — so the UI never asks where data came from. What differs
 * between them is said by capability flags and by what the source answers, never by a type test.
 * Modelled on protomaps/PMTiles `app/src/tileset.ts`: one interface, a factory per origin.
 */
import type { NumericField } from '../data/dataset.ts';
import type { DataIssue } from '../data/errors.ts';
import type { Industry, ParkFeature } from '../data/schema.ts';
import type { FeatureTable, FieldValues } from '../data/table.ts';
import type { TileYears } from '../data/tile-years.ts';

export type { FieldValues };
import type { ListItem } from '../list/sort.ts';
import type { RenderedFeature, ViewPoint } from '../list/in-view.ts';
import type { SearchEntry } from '../search/index.ts';
import type { ChoroplethModel } from '../scales/choropleth.ts';
import type { ChoroplethSpec, Lang, LayerKey, SortKey } from '../state/view.ts';

export interface SourceCapabilities {
  /**
   * Every feature is in memory: counts, classes, the list and search are exact and cover all of
   * them. When false (an archive of tiles) they cover what the archive's summary says or what
   * the map draws now, and a feature's details are read on demand (`fetchFeature`).
   */
  allFeatures: boolean;
  /** Totals per basemap district can be computed: every point's position and value is known. */
  districts: boolean;
  /** A link can reopen it (the embedded data, a URL on this origin); a local file cannot. */
  linkable: boolean;
}

/** Where the map reads the points from. */
export type PointData =
  | { type: 'table' }
  | {
      type: 'tiles';
      /** Absolute URL of the archive: the vector source reads `pmtiles://` + it. */
      url: string;
      /** The opened archive, shared with the map's `pmtiles://` protocol (one header cache). */
      archive: unknown;
    };

/** Sentences a source adds to the panels, in the page's language; absent when they do not apply. */
export interface SourceNotes {
  /** Beside the layer counts. */
  counts?: string;
  /** Beside the choropleth settings. */
  choropleth?: string;
  /** Under the legend. */
  legend?: string;
  /** The list's summary, given the number of rows it covers. */
  list?: (n: number) => string;
  /** When the map shows a sample of the points at this zoom. */
  sample?: string;
  /** The search box's placeholder. */
  search?: string;
  detailLoading?: string;
  detailFailed?: string;
}

export interface ListQuery {
  /** The table's visibility for the view (FeatureTable.visibility). */
  visible: Uint8Array;
  sort: SortKey;
  lang: Lang;
  /** The choropleth field the list shows and sorts by, or null. */
  field: string | null;
  /** The field's values when not the table's own (the map as of a year). */
  values?: FieldValues | null;
  limit: number;
  /**
   * Zones apart from the rest (an industry filter is on): the rows and counts then cover what
   * the filter can hide, and the zones come as `Listing.zones`.
   */
  zonesApart?: boolean;
  kindLabel: (kind: ParkFeature['properties']['kind']) => string;
  formatValue: (value: number, unit: string) => string;
}

export interface Listing {
  /** The first `limit` rows in list order. */
  items: ListItem[];
  /** Rows the list covers (shown by the filter, or drawn in view). */
  shown: number;
  /** Rows before filtering: every feature, or the points in view. */
  total: number;
  /** The zones, listed apart and not filtered, when the query asked for them apart. */
  zones?: ListItem[];
}

export interface DataSource {
  /** What to call it in messages: a file name or URL, or the dataset's name. */
  readonly name: string;
  readonly capabilities: SourceCapabilities;
  /** The features held in memory, as columns (empty for an archive of tiles). */
  readonly table: FeatureTable;
  /** The numeric fields the choropleth and the list can use. */
  readonly fields: readonly NumericField[];
  readonly industries: readonly Industry[];
  /** What was wrong but did not stop loading, each located. */
  readonly issues: readonly DataIssue[];
  readonly points: PointData;
  /**
   * Points from tiles: the years their status letters cover (lib/data/tile-years.ts), or null
   * when the archive has none; absent on sources that hold every feature (their dates are in it).
   */
  readonly years?: TileYears | null;

  /** Features per layer, over the whole source. */
  layerCounts(): Record<LayerKey, number>;
  /**
   * Features per industry among the layers on and, as of a year, reported by then (`reported`,
   * one byte per table row); a source that cannot tell ignores both.
   */
  industryCounts(
    layers: Record<LayerKey, boolean>,
    reported?: Uint8Array | null,
  ): Map<string, number>;
  /**
   * Classes and legend of a choropleth spec, or null when it colours nothing. `visible` is the
   * table's visibility (FeatureTable.visibility); `districts` the district totals, when the
   * source can have them.
   */
  choropleth(
    spec: ChoroplethSpec,
    visible: Uint8Array,
    districts: ReadonlyMap<string, Readonly<Record<string, number>>> | null,
    /** Values per feature when not the table's own (the figures as of a year). */
    values?: FieldValues | null,
  ): ChoroplethModel | null;
  /** The list: `drawn` are the points the map draws now (what a source without every feature lists). */
  list(query: ListQuery, drawn: readonly ViewPoint[]): Listing;
  /** The names search covers: every feature, or the points drawn. */
  searchEntries(drawn: readonly ViewPoint[]): readonly SearchEntry[];
  /** A feature held in memory (or read before), else undefined. */
  feature(id: string): ParkFeature | undefined;
  /**
   * Reads a feature that is not in memory, from the first of `near` (places where it may be
   * drawn) that holds it, then the view. Absent on sources that hold every feature.
   */
  fetchFeature?(
    id: string,
    near: readonly ([number, number] | null | undefined)[],
    view: readonly [number, number, number, number],
  ): Promise<{ feature: ParkFeature } | { error: string }>;
  /** The drawn points as list rows, each once (sources without every feature). */
  pointsInView(rendered: readonly RenderedFeature[]): ViewPoint[];
  notes(lang: Lang, zoom: number): SourceNotes;
}
