/**
 * The app's wiring, in plain TypeScript: one loaded data source, the basemap and what is derived
 * from them for a view — counts, the choropleth and its colours, the list, search, details. The
 * Svelte components read these through App.svelte and never ask where the data came from; a
 * test drives it in Node with a fake source (test/app/atlas.test.ts).
 */
import { districtTotals, type DistrictTotals } from '../lib/data/districts.ts';
import { nameIn } from '../lib/i18n/localized.ts';
import { fetchJson } from '../lib/data/json.ts';
import type { FieldValues, FilterView } from '../lib/data/table.ts';
import type { Industry, ParkFeature } from '../lib/data/schema.ts';
import type { RenderedFeature, ViewPoint } from '../lib/list/in-view.ts';
import { mapPaint, type MapPaint, type StatusPaint } from '../lib/map/style/paint.ts';
import { defaultTheme } from '../lib/map/style/theme.ts';
import type { FontIndex } from '../lib/map/fonts.ts';
import {
  districtFields,
  type ChoroplethModel,
  type ChoroplethField,
} from '../lib/scales/choropleth.ts';
import type { AtlasEngine } from './search-engine.ts';
import type { TimeView } from './time.ts';
import { placeOf, type Place } from './places.ts';
import type { SearchHit } from './search.ts';
import { loadBasemap, type Basemap } from '../lib/source/basemap.ts';
import { embeddedAssets, type AppAssets } from '../lib/source/embedded.ts';
import { openPage } from '../lib/source/open.ts';
import type { DataSource, Listing, SourceNotes } from '../lib/source/types.ts';
import type { DroppedPart, KnownValues } from '../lib/state/url/index.ts';
// Named imports: the file's `about` text stays out of the bundle.
import { fields as renamedFields, ids as renamedIds } from '../../data/renamed.json';
import type { ChoroplethSpec, Lang, SortKey, ViewState } from '../lib/state/view.ts';

/** A link's `cby=districts` that this data cannot colour by district. */
const not = (value: string, detail: string): DroppedPart => ({
  key: 'cby',
  problem: 'not-aggregated',
  value,
  to: '',
  detail,
});

/** The list renders at most this many rows: a DOM of 100,000 buttons would freeze the page. */
export const LIST_LIMIT = 300;

export interface AtlasLoadOptions {
  location: Pick<Location, 'search' | 'href' | 'origin'>;
  /** A file the user opened that looks like the dataset's own schema: opened as the dataset. */
  file?: File;
  assets?: AppAssets;
  fetchImpl?: typeof fetch;
}

/** A feature read on demand: null while reading, or with the reason it could not be read. */
export interface FeatureRead {
  id: string;
  feature: ParkFeature | null;
  error: string;
}

/** What the map tells about where things are drawn (MapController). */
export interface MapPlaces {
  camera(): { lng: number; lat: number };
  locate(id: string): [number, number] | null;
  viewBounds(): [number, number, number, number];
}

export type { SearchHit } from './search.ts';

/** What the list needs from the page: its words, in the current language. */
export interface ListWords {
  kindLabel: (kind: ViewPoint['kind']) => string;
  formatValue: (value: number, unit: string) => string;
}

/** The view's parts that the list, the counts and the choropleth read. */
export type ListView = FilterView & {
  choropleth: ChoroplethSpec;
  sort: SortKey;
  lang: Lang;
  values?: FieldValues | null; // figures as of a year (app/time.ts); else the latest
  time?: Pick<TimeView, 'districts'> | null; // district totals as of that year
};

export class Atlas {
  /** What the page must do besides showing the source (files to import, to ask about). */
  importUrl: string | null = null;
  remoteUrl: string | null = null;
  ownFile: string | null = null;
  importFile: File | null = null;
  /** Each industry's names by code (the details panel's labels). */
  readonly industryLabels: Map<string, Industry>;
  private visibilityKey = '';
  private visibilityReported: Uint8Array | null = null;
  private visibleFlags: Uint8Array = new Uint8Array(0);

  constructor(
    readonly source: DataSource,
    readonly basemap: Basemap,
    readonly fontIndex: FontIndex,
    /** District totals, when the source can have them. */
    readonly districts: DistrictTotals | null,
    /** Absolute URL the font index's chunk paths are relative to. */
    readonly fontBaseUrl: string,
  ) {
    this.industryLabels = new Map(source.industries.map((i) => [i.code, i]));
  }

  /**
   * Loads the source this page asks for, the basemap and the font index. A broken data file is
   * in `source.issues`; only a missing basemap or font index rejects.
   */
  static async load(options: AtlasLoadOptions): Promise<Atlas> {
    const { assets = embeddedAssets, fetchImpl = fetch } = options;
    const [opened, basemap, fontIndex] = await Promise.all([
      openPage(options.file ?? options.location, {
        industriesUrl: assets.industriesUrl,
        fetchImpl,
      }),
      loadBasemap(assets.basemapUrl, fetchImpl),
      fetchJson(assets.fontIndexUrl, { fetchImpl }) as Promise<FontIndex>,
    ]);
    const fontBaseUrl = new URL(assets.fontIndexUrl, options.location.href).href;
    const { source, ...besides } = opened;
    return Object.assign(
      Atlas.from(source, basemap, { index: fontIndex, baseUrl: fontBaseUrl }),
      besides,
    );
  }

  static from(
    source: DataSource,
    basemap: Basemap,
    fonts: { index: FontIndex; baseUrl: string },
  ): Atlas {
    const totals = source.capabilities.districts
      ? districtTotals(basemap.layers.districts, source.table)
      : null;
    return new Atlas(source, basemap, fonts.index, totals, fonts.baseUrl);
  }

  /** What a link may name: ids (unless any id can exist), industries, choropleth fields. */
  linkVocabulary(): KnownValues {
    const { source } = this;
    return {
      ...(source.capabilities.allFeatures ? { ids: new Set(source.table.ids) } : {}),
      industries: new Set(source.industries.map((i) => i.code)),
      fields: new Set([...districtFields([]), ...source.fields].map((f) => f.key)),
      renamed: {
        ids: new Map(Object.entries(renamedIds)),
        fields: new Map(Object.entries(renamedFields)),
      },
    };
  }

  /** A link's view as this data can show it, and what had to be left out. */
  adaptView(view: ViewState): { view: ViewState; dropped: DroppedPart[] } {
    const { by, field } = view.choropleth;
    if (by !== 'districts') return { view, dropped: [] };
    if (!this.districts)
      return {
        view: { ...view, choropleth: { ...view.choropleth, by: 'features', field: null } },
        dropped: [not('districts', 'cby: districts are not aggregated from tiles')],
      };
    if (!field || this.districtFieldOptions().some((f) => f.key === field))
      return { view, dropped: [] };
    // A figure that does not add up into districts, or that only zones give: shown per feature.
    return {
      view: { ...view, choropleth: { ...view.choropleth, by: 'features' } },
      dropped: [not(field, `cby=districts: ${field} is not summed into districts`)],
    };
  }

  /** The table's visibility for a view, recomputed only when layers, industries or year change. */
  visibility(view: FilterView): Uint8Array {
    const key = JSON.stringify([view.layers, view.industries]);
    const reported = view.reported ?? null;
    if (key !== this.visibilityKey || reported !== this.visibilityReported) {
      this.visibleFlags = this.source.table.visibility(view);
      this.visibilityKey = key;
      this.visibilityReported = reported;
    }
    return this.visibleFlags;
  }

  /**
   * The features the filters show, for export; null when the source does not hold every
   * feature (an archive of tiles), since "what is shown" would then be a sample.
   */
  shownFeatures(view: FilterView): ParkFeature[] | null {
    if (!this.source.capabilities.allFeatures) return null;
    const visible = this.visibility(view);
    const { ids } = this.source.table;
    return ids.flatMap((id, i) => (visible[i] ? (this.source.feature(id) ?? []) : []));
  }

  /** Fields the choropleth can colour districts by (none when the data cannot have totals). */
  districtFieldOptions(): ChoroplethField[] {
    return this.districts ? districtFields(this.source.fields, this.districts) : [];
  }

  choropleth(view: ListView): ChoroplethModel | null {
    const { choropleth, values, time } = view;
    // As of a year, the year's totals: read (computed) only for a district choropleth.
    const totals = (choropleth.by === 'districts' && time?.districts) || this.districts;
    return this.source.choropleth(choropleth, this.visibility(view), totals, values);
  }

  /** The map's colours; `status`: points by their status as of a year (app/time.ts). */
  paint(model: ChoroplethModel | null, view: ListView, status?: StatusPaint): MapPaint {
    return mapPaint(model, view.choropleth.by, view.industries, defaultTheme, status);
  }

  /** The field the list shows and sorts by: the choropleth's when it colours features. */
  listField(model: ChoroplethModel | null, view: ListView): string | null {
    return model && view.choropleth.by === 'features' ? model.field.key : null;
  }

  listing(
    view: ListView,
    field: string | null,
    words: ListWords,
    drawn: readonly ViewPoint[],
  ): Listing {
    const { sort, lang, values = null, industries } = view;
    // Zones are listed apart while an industry filter is on (the filter's count leaves them out).
    const zonesApart = industries.length > 0;
    const query = { visible: this.visibility(view), sort, lang, field, values, zonesApart };
    return this.source.list({ ...query, limit: LIST_LIMIT, ...words }, drawn);
  }

  /** Turns what the map draws into the points a source without every feature lists. */
  pointsInView(rendered: readonly RenderedFeature[]): ViewPoint[] {
    return this.source.pointsInView(rendered);
  }

  /** True when the list and search follow what the map draws (not every feature is held). */
  followsMap(): boolean {
    return !this.source.capabilities.allFeatures;
  }

  /** Search over what the source offers and the districts; [] until the engine has loaded. */
  search(
    query: string,
    lang: Lang,
    engine: AtlasEngine | null,
    drawn: readonly ViewPoint[],
    kindLabel: ListWords['kindLabel'],
    /** What a district is called in the results ("区县", "District"). */
    placeLabel = '',
  ): SearchHit[] {
    const words = { kindLabel, placeLabel };
    return engine?.atlas.hits(this.source, this.basemap, { query, lang, drawn, words }) ?? [];
  }

  /** The district a search result names (its outline, to fly to), or null for a feature. */
  place(id: string): Place | null {
    return placeOf(this.basemap, id);
  }

  /**
   * Reads a feature the source does not hold (from the tile where it is drawn, `near`, else the
   * view); resolves to a message when it cannot be found or read.
   */
  async readFeature(
    id: string,
    near: readonly ([number, number] | null | undefined)[],
    view: readonly [number, number, number, number],
  ): Promise<{ feature: ParkFeature } | { error: string }> {
    const held = this.source.feature(id);
    if (held) return { feature: held };
    if (!this.source.fetchFeature) return { error: `${id}: no such feature` };
    try {
      return await this.source.fetchFeature(id, near, view);
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }

  /**
   * Reads a feature where the map draws it, else near its camera (a link's is centred on its
   * feature), else anywhere in view.
   */
  async readNear(id: string, map: MapPlaces): Promise<FeatureRead> {
    const c = map.camera();
    const r = await this.readFeature(id, [map.locate(id), [c.lng, c.lat]], map.viewBounds());
    return 'feature' in r
      ? { id, feature: r.feature, error: '' }
      : { id, feature: null, error: r.error };
  }

  nameOf(id: string, lang: Lang): string | null {
    const f = this.source.feature(id);
    return f ? nameIn(f.properties, lang) : null;
  }

  notes(lang: Lang, zoom: number): SourceNotes {
    return this.source.notes(lang, zoom);
  }
}
