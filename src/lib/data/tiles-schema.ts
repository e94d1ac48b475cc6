/**
 * The metadata of a points archive (`npm run data:tiles`, scripts/tiles/build.ts), as a valibot
 * schema: what the app needs from it before drawing a tile — counts per kind and industry, the
 * numeric fields with a sample of their values, the zoom the full features (`detail`) are at.
 * Only the tiles path imports it (its own chunk, like `pmtiles`).
 */
import * as v from 'valibot';
import { issuePath } from './parse.ts';
import type { DataIssue } from './errors.ts';
import { POINTS_SOURCE_LAYER, TILES_METADATA_KEY } from '../names.ts';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const finite = v.pipe(v.number(), v.finite());
const nonEmpty = v.pipe(v.string(), v.minLength(1, 'must not be empty'));

/** One numeric field: the app's NumericField, with up to 10,000 values at evenly spaced ranks. */
export const TilesFieldSchema = v.object({
  key: nonEmpty,
  label_zh: nonEmpty,
  label_en: nonEmpty,
  unit: v.string(),
  /** Points carrying a value. */
  count,
  /** Values ascending, at evenly spaced ranks of all `count` values (all of them when fewer). */
  sample: v.pipe(
    v.array(finite),
    v.check((xs) => xs.every((x, i) => i === 0 || (xs[i - 1] as number) <= x), 'must be ascending'),
  ),
});

/** `park_atlas` in the archive's JSON metadata (scripts/tiles/point-tiles.ts `PointsSummary`). */
export const TilesSummarySchema = v.object({
  count,
  kinds: v.record(v.string(), count),
  industries: v.record(v.string(), count),
  bounds: v.tuple([finite, finite, finite, finite]),
  /** The archive's last zoom: its tiles hold every point, with `detail`. */
  maxzoom: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(22)),
  cap: count,
  zooms: v.array(v.object({ zoom: count, features: count, tiles: count, max_per_tile: count })),
  fields: v.array(TilesFieldSchema),
  /**
   * The years each point's status letters cover and the points per status each year
   * (lib/data/tile-years.ts); absent in an archive built without them, to which a year does not
   * apply.
   */
  years: v.optional(
    v.object({
      first: v.pipe(v.number(), v.integer()),
      last: v.pipe(v.number(), v.integer()),
      counts: v.array(
        v.object({
          unreported: count,
          planned: count,
          under_construction: count,
          operating: count,
          unknown: count,
        }),
      ),
    }),
  ),
});

/** The parts of the metadata the app reads; other keys (name, vector_layers…) are allowed. */
export const TilesMetadataSchema = v.object({
  vector_layers: v.pipe(
    v.array(v.object({ id: v.string() })),
    v.check((layers) => layers.some((l) => l.id === POINTS_SOURCE_LAYER), 'has no `points` layer'),
  ),
  [TILES_METADATA_KEY]: TilesSummarySchema,
});

/** PMTiles v3 header `tileType` of Mapbox Vector Tiles (the spec's TileType.Mvt). */
export const MVT_TILE_TYPE = 1;

export type TilesField = v.InferOutput<typeof TilesFieldSchema>;
export type TilesSummary = v.InferOutput<typeof TilesSummarySchema>;

/** The header fields checked against the metadata. */
export interface TilesHeader {
  tileType: number;
  maxZoom: number;
}

/**
 * The summary of an archive's metadata, or every problem found, located (`park_atlas.fields[2]
 * .sample`) under `source` (the archive's URL).
 */
export function parseTilesMetadata(
  metadata: unknown,
  header: TilesHeader,
  source: string,
): { summary: TilesSummary; issues: [] } | { summary: null; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  if (header.tileType !== MVT_TILE_TYPE)
    issues.push({
      source,
      path: 'header.tileType',
      message: `is ${header.tileType}, not vector tiles (1)`,
    });
  const result = v.safeParse(TilesMetadataSchema, metadata);
  if (!result.success) {
    for (const issue of result.issues.slice(0, 5)) {
      issues.push({
        source,
        path: `metadata${issuePath('', issue)}`,
        message: issue.message,
      });
    }
  } else if (result.output[TILES_METADATA_KEY].maxzoom !== header.maxZoom) {
    issues.push({
      source,
      path: `metadata.${TILES_METADATA_KEY}.maxzoom`,
      message: `is ${result.output[TILES_METADATA_KEY].maxzoom}, but the archive's tiles end at zoom ${header.maxZoom}`,
    });
  }
  if (issues.length > 0 || !result.success) return { summary: null, issues };
  return { summary: result.output[TILES_METADATA_KEY], issues: [] };
}
