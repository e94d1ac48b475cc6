/**
 * Cuts point features into Mapbox Vector Tiles (one source layer, `points`), zoom 0 to
 * `maxZoom`, for a PMTiles archive the app reads instead of a GeoJSON source past ~100k points.
 *
 * Which points a tile keeps: every point has a stable priority (a hash of its id). Below the
 * maximum zoom a tile keeps the `cap` points of highest priority among those located in it, so a
 * point shown at zoom z is shown at every higher zoom (a child tile's points are a subset of its
 * parent's: tippecanoe's drop-densest, by rank instead of by distance). At the maximum zoom every
 * point is kept; MapLibre over-zooms past it.
 *
 * Cutting and encoding are @maplibre/geojson-vt (`geoJSONToTile`, with its 64-unit buffer, so a
 * circle near a tile edge is drawn whole by the neighbour too) and @maplibre/vt-pbf, the same code
 * MapLibre uses for GeoJSON sources, so a tile holds what the GeoJSON source would have shown.
 * Tile properties are the app's `mapProperties` as they are (build.ts adds `asof`, the status
 * letters per year): the filter and paint expressions work on the tiles unchanged. At the maximum zoom only, each point also carries `detail`: the
 * JSON of its full properties as the app's schema parsed them (figures with their quotes,
 * sources, timeline), which the app's details panel reads from one tile
 * (src/lib/data/tile-detail.ts). Below it tiles stay small: a view at zoom 6 loads no quotes.
 */
import { geoJSONToTile, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { zxyToTileId } from 'pmtiles';
import type { NumericField } from '../../src/lib/data/dataset.ts';
import type { MapProperties } from '../../src/lib/data/flat.ts';
import type { TileYears } from '../../src/lib/data/tile-years.ts';
import { mercatorX, mercatorY } from '../../src/lib/geo/mercator.ts';
import {
  fieldProp,
  industryProp,
  POINTS_SOURCE_LAYER,
  TILE_DETAIL_PROP,
} from '../../src/lib/names.ts';
import type { Bounds } from './pmtiles-writer.ts';

export const EXTENT = 4096;
/** geojson-vt's default: points within 64/4096 of a tile's edge are in the neighbour too. */
export const BUFFER = 64;
export const MAX_ZOOM = 12;
export const DEFAULT_CAP = 4000;
/** Field values kept in the metadata per numeric field, for class breaks. */
export const SAMPLE_SIZE = 10_000;

/**
 * Tiles and ranks are packed into one double per (tile, point) for a native sort: tile index
 * (< 4^12) × 2^28 ranks × 2 flags stays below 2^53 up to zoom 12 and 268M points.
 */
const RANKS = 2 ** 28;
const MAX_PACKED_ZOOM = 12;

export interface TileOptions {
  /** Last zoom with tiles; every point is in them. */
  maxZoom: number;
  /** Points located in a tile, at most, below maxZoom. */
  cap: number;
}

export interface PointTile {
  z: number;
  x: number;
  y: number;
  /** The encoded tile (uncompressed MVT). */
  data: Uint8Array;
  /** Points located in the tile (not counting copies from the neighbours' buffers). */
  points: number;
  /** Features encoded, buffer copies included. */
  features: number;
}

/** FNV-1a, 32 bits: a stable, well-spread hash of a feature id. */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** `cap` values at evenly spaced ranks of the sorted values (all of them when fewer). */
export function evenSample(values: Float64Array | readonly number[], cap = SAMPLE_SIZE): number[] {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length <= cap) return [...sorted];
  const out: number[] = [];
  for (let i = 0; i < cap; i++)
    out.push(sorted[Math.round((i * (sorted.length - 1)) / (cap - 1))]!);
  return out;
}

/** Growing column of doubles. */
class Column {
  data = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * Strings kept as UTF-8 in one growing buffer: a million details of ~500 bytes are one
 * ArrayBuffer outside the JS heap, not a million heap strings (two bytes a character for CJK).
 */
class TextColumn {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private readonly ends = new Column();
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();
  get length(): number {
    return this.ends.length;
  }
  push(text: string): void {
    // UTF-8 is at most 3 bytes per UTF-16 unit.
    const need = this.used + text.length * 3;
    if (need > this.bytes.length) {
      const next = new Uint8Array(Math.max(need, this.bytes.length * 2));
      next.set(this.bytes.subarray(0, this.used));
      this.bytes = next;
    }
    this.used += this.encoder.encodeInto(text, this.bytes.subarray(this.used)).written;
    this.ends.push(this.used);
  }
  get(i: number): string {
    const start = i === 0 ? 0 : this.ends.data[i - 1]!;
    return this.decoder.decode(this.bytes.subarray(start, this.ends.data[i]!));
  }
}

/** What the archive's metadata says about its points, under `park_atlas`. */
export interface PointsSummary {
  /** Points in the archive. */
  count: number;
  /** Points per kind. */
  kinds: Record<string, number>;
  /** Points per industry code. */
  industries: Record<string, number>;
  /** [west, south, east, north] of the points. */
  bounds: Bounds;
  maxzoom: number;
  cap: number;
  /** Per zoom 0…maxzoom: points shown (each once, wherever it lies), tiles, most points in a tile. */
  zooms: { zoom: number; features: number; tiles: number; max_per_tile: number }[];
  /**
   * Numeric fields (the app's `NumericField`s) with `count` = points carrying a value and
   * `sample` = at most 10,000 of those values at evenly spaced ranks, ascending, so class
   * breaks computed on it approximate those of every value.
   */
  fields: (NumericField & { sample: number[] })[];
  /** The years the points' status letters cover, with counts (lib/data/tile-years.ts). */
  years?: TileYears;
}

/**
 * Points collected for tiling: positions and properties in columns, so a million fit in memory.
 * `add` them, then iterate `tiles()` once (ascending tile id, as the archive writer wants), then
 * read `summary()`.
 */
export class PointTiler {
  private lng = new Column();
  private lat = new Column();
  private readonly props: MapProperties[] = [];
  private readonly ids: string[] = [];
  /** `detail` per point, when every point was added with one. */
  private readonly details = new TextColumn();
  private readonly zoomStats: PointsSummary['zooms'] = [];
  readonly options: TileOptions;

  constructor(options: Partial<TileOptions> = {}) {
    this.options = { maxZoom: MAX_ZOOM, cap: DEFAULT_CAP, ...options };
    const { maxZoom, cap } = this.options;
    if (!Number.isInteger(maxZoom) || maxZoom < 0 || maxZoom > MAX_PACKED_ZOOM)
      throw new Error(`maxZoom must be a whole number 0–${MAX_PACKED_ZOOM}, not ${maxZoom}`);
    if (!Number.isInteger(cap) || cap < 1) throw new Error(`cap must be a whole number ≥ 1`);
  }

  get count(): number {
    return this.props.length;
  }

  /**
   * Adds a point; `properties` are the app's map properties (`id` is its identity), `detail` the
   * JSON of its full properties, for the maximum zoom. Give a detail for every point or none.
   */
  add(lng: number, lat: number, properties: MapProperties, detail?: string): void {
    const withDetails = this.count === 0 ? detail !== undefined : this.details.length > 0;
    if ((detail !== undefined) !== withDetails)
      throw new Error(`point ${String(properties.id)}: give a detail for every point or for none`);
    if (this.count >= RANKS) throw new Error(`at most ${RANKS} points`);
    if (!Number.isFinite(lng) || !Number.isFinite(lat))
      throw new Error(`point ${String(properties.id)} has no finite position`);
    this.lng.push(lng);
    this.lat.push(lat);
    this.props.push(properties);
    this.ids.push(String(properties.id));
    if (detail !== undefined) this.details.push(detail);
  }

  /**
   * Point indices, highest priority first: by the hash of the id, ties by the id, so the order
   * does not depend on the input's.
   */
  priorityOrder(): Uint32Array {
    const hashes = Uint32Array.from(this.ids, idHash);
    const order = Uint32Array.from({ length: this.count }, (_, i) => i);
    return order.sort(
      (a, b) =>
        hashes[a]! - hashes[b]! ||
        (this.ids[a]! < this.ids[b]! ? -1 : this.ids[a]! > this.ids[b]! ? 1 : 0),
    );
  }

  /**
   * The lowest zoom each point is shown at. Zoom by zoom from the top, a point stays when fewer
   * than `cap` points of higher priority, shown at the zoom above, lie in its tile; so the points
   * of a zoom are a subset of those of the next.
   */
  minZooms(order: Uint32Array): Uint8Array {
    const { maxZoom, cap } = this.options;
    const minZoom = new Uint8Array(this.count).fill(maxZoom);
    const x = this.lng.values().map(mercatorX);
    const y = this.lat.values().map(mercatorY);
    for (let z = maxZoom - 1; z >= 0; z--) {
      const z2 = 2 ** z;
      const perTile = new Map<number, number>();
      for (const i of order) {
        if (minZoom[i]! > z + 1) continue;
        const key = tileIndex(x[i]!, z2) * z2 + tileIndex(y[i]!, z2);
        const n = perTile.get(key) ?? 0;
        if (n < cap) {
          perTile.set(key, n + 1);
          minZoom[i] = z;
        }
      }
    }
    return minZoom;
  }

  /** Every non-empty tile, zoom 0 first, Hilbert order within a zoom (ascending tile id). */
  *tiles(): Generator<PointTile> {
    const { maxZoom } = this.options;
    const order = this.priorityOrder();
    const minZoom = this.minZooms(order);
    const x = this.lng.values().map(mercatorX);
    const y = this.lat.values().map(mercatorY);
    const buffer = BUFFER / EXTENT;
    this.zoomStats.length = 0;
    for (let z = 0; z <= maxZoom; z++) {
      const z2 = 2 ** z;
      // (tile, priority rank) pairs as one sortable number each: a tile's points come together,
      // highest priority first. A point goes to its own tile and to the neighbours whose buffer
      // it lies in; geojson-vt's clip settles the exact edge.
      const keys: number[] = [];
      let shown = 0;
      for (let rank = 0; rank < order.length; rank++) {
        const i = order[rank]!;
        if (minZoom[i]! > z) continue;
        shown++;
        const px = x[i]! * z2;
        const py = y[i]! * z2;
        const tx = tileIndex(x[i]!, z2);
        const ty = tileIndex(y[i]!, z2);
        const xs = neighbours(tx, px - tx, buffer, z2);
        const ys = neighbours(ty, py - ty, buffer, z2);
        for (const nx of xs) {
          for (const ny of ys) {
            // Home tile flagged by the lowest bit, so it can be told from a buffer copy.
            const home = nx === tx && ny === ty ? 1 : 0;
            keys.push(((nx * z2 + ny) * RANKS + rank) * 2 + home);
          }
        }
      }
      const sorted = Float64Array.from(keys).sort();
      const groups: { id: number; x: number; y: number; start: number; end: number }[] = [];
      for (let start = 0; start < sorted.length;) {
        const tile = Math.floor(sorted[start]! / (2 * RANKS));
        let end = start + 1;
        while (end < sorted.length && Math.floor(sorted[end]! / (2 * RANKS)) === tile) end++;
        const tx = Math.floor(tile / z2);
        const ty = tile % z2;
        groups.push({ id: zxyToTileId(z, tx, ty), x: tx, y: ty, start, end });
        start = end;
      }
      groups.sort((a, b) => a.id - b.id);
      let tiles = 0;
      let maxPerTile = 0;
      for (const g of groups) {
        const features: Feature<Point>[] = [];
        let points = 0;
        for (let k = g.start; k < g.end; k++) {
          const key = sorted[k]!;
          const i = order[Math.floor(key / 2) % RANKS]!;
          if (key % 2 === 1) points++;
          const properties =
            z === maxZoom && this.details.length > 0
              ? { ...this.props[i]!, [TILE_DETAIL_PROP]: this.details.get(i) }
              : this.props[i]!;
          features.push({
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [this.lng.data[i]!, this.lat.data[i]!] },
            properties,
          });
        }
        const tile = cutTile({ type: 'FeatureCollection', features }, z, g.x, g.y);
        if (tile.features.length === 0) continue;
        tiles++;
        maxPerTile = Math.max(maxPerTile, points);
        yield { z, x: g.x, y: g.y, data: encodeTile(tile), points, features: tile.features.length };
      }
      this.zoomStats.push({ zoom: z, features: shown, tiles, max_per_tile: maxPerTile });
    }
  }

  /** The metadata summary; per-zoom figures once `tiles()` has run. */
  summary(fields: readonly NumericField[]): PointsSummary {
    const kinds: Record<string, number> = {};
    const industries: Record<string, number> = {};
    const values = new Map(fields.map((f) => [fieldProp(f.key), new Column()]));
    const industryPrefix = industryProp('');
    for (const p of this.props) {
      kinds[String(p.kind)] = (kinds[String(p.kind)] ?? 0) + 1;
      for (const key in p) {
        if (key.startsWith(industryPrefix) && p[key] === true) {
          const code = key.slice(industryPrefix.length);
          industries[code] = (industries[code] ?? 0) + 1;
        }
        const column = values.get(key);
        const v = p[key];
        if (column && typeof v === 'number') column.push(v);
      }
    }
    return {
      count: this.count,
      kinds,
      industries,
      bounds: this.bounds(),
      maxzoom: this.options.maxZoom,
      cap: this.options.cap,
      zooms: this.zoomStats.map((s) => ({ ...s })),
      fields: fields.map((f) => {
        const v = values.get(fieldProp(f.key))?.values() ?? new Float64Array();
        return { ...f, count: v.length, sample: evenSample(v) };
      }),
    };
  }

  /** [west, south, east, north] of the points. */
  bounds(): Bounds {
    const lng = this.lng.values();
    const lat = this.lat.values();
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < lng.length; i++) {
      w = Math.min(w, lng[i]!);
      e = Math.max(e, lng[i]!);
      s = Math.min(s, lat[i]!);
      n = Math.max(n, lat[i]!);
    }
    return [w, s, e, n];
  }

  /** TileJSON `vector_layers` entry: every property key with its type. */
  vectorLayer(description: string): VectorLayer {
    const types = new Map<string, Set<string>>();
    for (const p of this.props) {
      for (const key in p) {
        const t =
          typeof p[key] === 'number'
            ? 'Number'
            : typeof p[key] === 'boolean'
              ? 'Boolean'
              : 'String';
        let set = types.get(key);
        if (!set) types.set(key, (set = new Set()));
        set.add(t);
      }
    }
    if (this.details.length > 0) types.set(TILE_DETAIL_PROP, new Set(['String']));
    const fields: Record<string, string> = {};
    for (const [key, set] of [...types].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      fields[key] = set.size === 1 ? [...set][0]! : 'Mixed';
    return {
      id: POINTS_SOURCE_LAYER,
      description,
      minzoom: 0,
      maxzoom: this.options.maxZoom,
      fields,
    };
  }
}

export interface VectorLayer {
  id: string;
  description: string;
  minzoom: number;
  maxzoom: number;
  /** Property → `String`, `Number` or `Boolean` (TileJSON 3.0). */
  fields: Record<string, string>;
}

/** The tile itself and, when `frac` (position within it) is within the buffer of an edge, the neighbour there. */
function neighbours(t: number, frac: number, buffer: number, z2: number): number[] {
  const out = [t];
  if (frac < buffer && t > 0) out.push(t - 1);
  if (frac >= 1 - buffer && t < z2 - 1) out.push(t + 1);
  return out;
}

/** Column or row of the tile containing unit-square coordinate `v` at `z2` tiles a side. */
function tileIndex(v: number, z2: number): number {
  return Math.min(z2 - 1, Math.floor(v * z2));
}

/** One tile of points with geojson-vt: clipped to the tile and its buffer, in tile coordinates. */
export function cutTile(
  data: FeatureCollection<Point>,
  z: number,
  x: number,
  y: number,
): GeoJSONVTTile {
  return geoJSONToTile(data, z, x, y, { extent: EXTENT, buffer: BUFFER, clip: true, wrap: false });
}

/** The tile as an MVT (version 2) with one layer, `points`. */
export function encodeTile(tile: GeoJSONVTTile): Uint8Array {
  return fromGeojsonVt({ [POINTS_SOURCE_LAYER]: tile }, { version: 2, extent: EXTENT });
}

/**
 * A zoom at which the bounds fill about one 512-pixel view: where a viewer of the archive opens.
 */
export function centerZoom(bounds: Bounds, maxZoom: number): number {
  const [w, s, e, n] = bounds;
  const span = Math.max(mercatorX(e) - mercatorX(w), mercatorY(s) - mercatorY(n), 1e-9);
  return Math.max(0, Math.min(maxZoom, Math.floor(Math.log2(1 / span))));
}
