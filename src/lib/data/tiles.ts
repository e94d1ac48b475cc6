/**
 * A PMTiles archive of points (`?tiles=`), read with the `pmtiles` package: its metadata when the
 * app opens, single tiles of the last zoom when a feature's details are asked for. Only imported
 * dynamically (its own chunk, with pmtiles and the tile decoder): the embedded dataset never
 * loads it.
 */
import { PMTiles } from 'pmtiles';
import { DataError } from './errors.ts';
import { findInTile, parseDetail } from './tile-detail.ts';
import { tileAt, tileCenter, type TileAddress } from '../geo/mercator.ts';
import { parseTilesMetadata, type TilesSummary } from './tiles-schema.ts';
import type { ParkFeature } from './schema.ts';
import { summaryIndustryCounts, summaryLayerCounts } from './tiles-summary.ts';
import { sampledChoroplethModel } from '../scales/sampled.ts';
import type { ChoroplethModel } from '../scales/choropleth.ts';
import type { ChoroplethSpec, Lang, LayerKey } from '../state/view.ts';
import { tilesMessages, type TilesMessages } from '../i18n/tiles.ts';
import {
  dedupePoints,
  inViewItems,
  type InViewOptions,
  type RenderedFeature,
  type ViewPoint,
} from '../list/in-view.ts';
import type { ListItem } from '../list/sort.ts';

/** Tiles of the last zoom tried per details request, at most (a view's worth). */
const MAX_DETAIL_TILES = 16;

export class TilesArchive {
  private constructor(
    /** Absolute URL of the archive: MapLibre's source reads `pmtiles://` + it. */
    readonly url: string,
    readonly pmtiles: PMTiles,
    readonly summary: TilesSummary,
  ) {}

  /**
   * Opens the archive and checks its header and metadata. Throws a DataError naming the URL and
   * what is wrong (not reachable, not PMTiles, metadata missing or not this app's).
   */
  static async open(url: string): Promise<TilesArchive> {
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
    return new TilesArchive(url, pmtiles, parsed.summary);
  }

  /** The tiles path's own messages (src/lib/i18n/tiles.ts). */
  text(lang: Lang): TilesMessages {
    return tilesMessages[lang];
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

  /**
   * The list over the points drawn (src/lib/list/in-view.ts), here so that it loads with the
   * tiles chunk and not in the main one. Search uses the app's index over the same points.
   */
  pointsInView(rendered: readonly RenderedFeature[]): ViewPoint[] {
    return dedupePoints(rendered);
  }

  listItems(points: readonly ViewPoint[], options: InViewOptions): ListItem[] {
    return inViewItems(points, options);
  }

  /**
   * The full feature `id`, from the last-zoom tile at the first of `near` (where it was clicked or
   * listed, the link's camera, the view) that holds it. Resolves to a message when no tile near
   * those places has it or its details are broken; rejects only when the archive cannot be read.
   */
  async feature(
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
      if (found) return parseDetail(found);
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
