/**
 * A PMTiles archive of points (`?tiles=`), read with the `pmtiles` package: its metadata when the
 * app opens, single tiles of the last zoom when a feature's details are asked for. It holds no
 * feature in memory: counts and classes come from the archive's summary, the list and search
 * cover the points the map draws. Only imported dynamically (its own chunk, with pmtiles and the
 * tile decoder): the embedded dataset never loads it.
 */
import { PMTiles } from 'pmtiles';
import { DataError, type DataIssue } from '../data/errors.ts';
import type { NumericField } from '../data/dataset.ts';
import { findInTile, parseDetail } from '../data/tile-detail.ts';
import { parseTilesMetadata, type TilesSummary } from '../data/tiles-schema.ts';
import type { Industry, ParkFeature } from '../data/schema.ts';
import type { TileYears } from '../data/tile-years.ts';
import { FeatureTable } from '../data/table.ts';
import { summaryIndustryCounts, summaryLayerCounts } from '../data/tiles-summary.ts';
import { tileAt, tileCenter, type TileAddress } from '../geo/mercator.ts';
import { sampledChoroplethModel } from '../scales/sampled.ts';
import type { ChoroplethModel } from '../scales/choropleth.ts';
import type { ChoroplethSpec, Lang, LayerKey } from '../state/view.ts';
import { tilesMessages } from '../i18n/tiles.ts';
import {
  dedupePoints,
  inViewItems,
  type RenderedFeature,
  type ViewPoint,
} from '../list/in-view.ts';
import type { SearchEntry } from '../search/index.ts';
import type { DataSource, ListQuery, Listing, SourceNotes } from './types.ts';

/** Tiles of the last zoom tried per details request, at most (a view's worth). */
const MAX_DETAIL_TILES = 16;

export class TilesSource implements DataSource {
  readonly capabilities = { allFeatures: false, districts: false, linkable: true };
  readonly table: FeatureTable;
  readonly fields: readonly NumericField[];
  readonly points: { type: 'tiles'; url: string; archive: PMTiles };
  readonly years: TileYears | null;
  /** Details read from tiles, kept so a feature read once is not read again. */
  private readonly read = new Map<string, ParkFeature>();
  private notesCache: { key: string; notes: SourceNotes } | null = null;

  private constructor(
    /** Absolute URL of the archive: MapLibre's source reads `pmtiles://` + it. */
    readonly name: string,
    readonly pmtiles: PMTiles,
    readonly summary: TilesSummary,
    readonly industries: readonly Industry[],
    readonly issues: readonly DataIssue[],
  ) {
    this.fields = summary.fields.map(({ key, label_zh, label_en, unit, count }) => ({
      key,
      label_zh,
      label_en,
      unit,
      count,
    }));
    this.table = FeatureTable.from([], this.fields);
    this.points = { type: 'tiles', url: name, archive: pmtiles };
    this.years = summary.years ?? null;
  }

  /**
   * Opens the archive and checks its header and metadata. Throws a DataError naming the URL and
   * what is wrong (not reachable, not PMTiles, metadata missing or not this app's).
   */
  static async open(
    url: string,
    industries: readonly Industry[],
    issues: readonly DataIssue[],
  ): Promise<TilesSource> {
    const pmtiles = new PMTiles(url);
    let header: Awaited<ReturnType<PMTiles['getHeader']>>;
    let metadata: unknown;
    try {
      header = await pmtiles.getHeader();
      metadata = await pmtiles.getMetadata();
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new DataError([
        { source: url, path: '', message: `the points archive could not be read: ${why}` },
      ]);
    }
    const parsed = parseTilesMetadata(metadata, header, url);
    if (!parsed.summary) throw new DataError(parsed.issues);
    return new TilesSource(url, pmtiles, parsed.summary, industries, issues);
  }

  /** Points per layer, over the whole archive (its metadata). */
  layerCounts(): Record<LayerKey, number> {
    return summaryLayerCounts(this.summary);
  }

  /** Points per industry, over the whole archive, whatever layers are on. */
  industryCounts(): Map<string, number> {
    return summaryIndustryCounts(this.summary);
  }

  /** The choropleth from the metadata's samples (scales/sampled.ts): features only. */
  choropleth(spec: ChoroplethSpec): ChoroplethModel | null {
    return sampledChoroplethModel(spec, this.summary.fields, this.summary.count);
  }

  list(q: ListQuery, drawn: readonly ViewPoint[]): Listing {
    const unit = q.field ? (this.fields.find((f) => f.key === q.field)?.unit ?? '') : '';
    const items = inViewItems(drawn, {
      sort: q.sort,
      lang: q.lang,
      field: q.field,
      limit: q.limit,
      kindLabel: q.kindLabel,
      formatValue: (v) => q.formatValue(v, unit),
    });
    return { items, shown: drawn.length, total: drawn.length };
  }

  searchEntries(drawn: readonly ViewPoint[]): readonly SearchEntry[] {
    return drawn;
  }

  feature(id: string): ParkFeature | undefined {
    return this.read.get(id);
  }

  /** The drawn points, each once (src/lib/list/in-view.ts), loaded with this chunk. */
  pointsInView(rendered: readonly RenderedFeature[]): ViewPoint[] {
    return dedupePoints(rendered);
  }

  /** Kept per language and side of the last zoom: the panels derive them on every map move. */
  notes(lang: Lang, zoom: number): SourceNotes {
    const { cap, maxzoom } = this.summary;
    const key = `${lang}|${zoom < maxzoom}`;
    if (this.notesCache?.key === key) return this.notesCache.notes;
    const m = tilesMessages[lang];
    const notes: SourceNotes = {
      counts: m.countsNote,
      choropleth: m.choroplethSampled,
      legend: m.legendApproximate,
      list: (n) => m.listInView.replace('{n}', String(n)),
      ...(zoom < maxzoom
        ? { sample: m.sampled.replace('{cap}', String(cap)).replace('{zoom}', String(maxzoom)) }
        : {}),
      search: m.searchInView,
      detailLoading: m.detailLoading,
      detailFailed: m.detailFailed,
    };
    this.notesCache = { key, notes };
    return notes;
  }

  /**
   * The full feature `id`, from the last-zoom tile at the first of `near` (where it was clicked or
   * listed, the link's camera, the view) that holds it. Resolves to a message when no tile near
   * those places has it or its details are broken; rejects only when the archive cannot be read.
   */
  async fetchFeature(
    id: string,
    near: readonly ([number, number] | null | undefined)[],
    view?: readonly [number, number, number, number],
  ): Promise<{ feature: ParkFeature } | { error: string }> {
    const z = this.summary.maxzoom;
    const seen = new Set<string>();
    const tiles: TileAddress[] = [];
    const places = [...near, ...(view ? viewPlaces(view, z) : [])];
    for (const place of places) {
      if (!place) continue;
      const t = tileAt(place[0], place[1], z);
      const key = `${t.x}/${t.y}`;
      if (!seen.has(key) && tiles.length < MAX_DETAIL_TILES) tiles.push(t);
      seen.add(key);
    }
    for (const t of tiles) {
      const tile = await this.pmtiles.getZxy(t.z, t.x, t.y);
      if (!tile) continue;
      const found = findInTile(new Uint8Array(tile.data), t, id);
      if (!found) continue;
      const result = parseDetail(found);
      if ('feature' in result) this.read.set(id, result.feature);
      return result;
    }
    return { error: `${id}: not found in the ${tiles.length} tile(s) of zoom ${z} in view` };
  }
}

/**
 * One place per tile of zoom `z` over a view [w, s, e, n], nearest the centre first (a link's
 * camera is centred on its feature).
 */
export function viewPlaces(
  view: readonly [number, number, number, number],
  z: number,
): [number, number][] {
  const [w, s, e, n] = view;
  const a = tileAt(w, n, z);
  const b = tileAt(e, s, z);
  const cx = (a.x + b.x) / 2;
  const cy = (a.y + b.y) / 2;
  const tiles: { x: number; y: number }[] = [];
  for (let x = a.x; x <= b.x && tiles.length < 256; x++)
    for (let y = a.y; y <= b.y && tiles.length < 256; y++) tiles.push({ x, y });
  tiles.sort((p, q) => Math.hypot(p.x - cx, p.y - cy) - Math.hypot(q.x - cx, q.y - cy));
  return tiles.map(({ x, y }) => tileCenter({ z, x, y }));
}
