/**
 * A writer of PMTiles v3 archives: one file holding every tile of a tile set, read by the app
 * with HTTP range requests (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
 * Field by field it follows the `pmtiles` package's own reader (node_modules/pmtiles/src/index.ts:
 * `bytesToHeader`, `deserializeIndex`, `findTile`), which is what the app will read with.
 *
 * Layout, in the spec's recommended order:
 *
 *   header (127 B) │ root directory │ JSON metadata │ leaf directories │ tile data
 *
 * Tiles are added in ascending tile id (zoom by zoom, Hilbert order within a zoom), so the data
 * section is "clustered": a new content is appended, a repeated one points back at the first copy,
 * and a run of consecutive ids with the same content is one entry with a run length.
 *
 * The pure part is {@link TileCollector} plus the serialisers; {@link PmtilesFileWriter} streams
 * the tile data to a temporary file so that a few hundred MB of tiles are never held in memory.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type PathLike,
} from 'node:fs';
import { gzipSync } from 'node:zlib';
import { Compression, TileType, tileIdToZxy, zxyToTileId, type Entry, type Header } from 'pmtiles';

export const HEADER_BYTES = 127;
/** The spec requires header + root directory to fit in the first 16,384 bytes of the archive. */
export const ROOT_MAX_BYTES = 16_384 - HEADER_BYTES;
/** go-pmtiles and the python writer start leaves at 4,096 entries and grow them until the root fits. */
export const MIN_LEAF_ENTRIES = 4096;

export type Bounds = [west: number, south: number, east: number, north: number];

/** What the header says besides offsets and counts. */
export interface ArchiveInfo {
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: Bounds;
  /** [longitude, latitude, zoom]: where a viewer opens. */
  center: [lng: number, lat: number, zoom: number];
  /** The JSON metadata (TileJSON-like: `vector_layers`, `name`, … and our own keys). */
  metadata: Record<string, unknown>;
}

export interface DirectoryOptions {
  /** Largest compressed root directory; smaller values force leaves (tests). */
  rootMaxBytes?: number;
  /** Entries per leaf directory to start from; it grows by 1.2× until the root fits. */
  minLeafEntries?: number;
}

/** Figures about a finished archive. */
export interface ArchiveSummary {
  /** Bytes of the whole archive. */
  bytes: number;
  tileDataBytes: number;
  header: Header;
  /** Leaf directories (0 when the root holds every entry). */
  leaves: number;
}

const gzip = (bytes: Uint8Array): Uint8Array => gzipSync(bytes);

/**
 * Appends an unsigned LEB128 varint. Tile ids pass 2^32 from zoom 16 on, so this divides rather
 * than shifts (safe up to 2^53).
 */
export function writeVarint(out: number[], value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`not a varint: ${value}`);
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/**
 * A directory before compression: entry count, then the columns tile id (delta), run length,
 * length and offset (0 when it follows the previous entry's data, offset + 1 otherwise).
 */
export function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  if (entries.length === 0) throw new Error('a directory must not be empty (spec 3.1)');
  const out: number[] = [];
  writeVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    if (e.tileId < lastId) throw new Error('directory entries must be sorted by tile id');
    writeVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) {
    if (e.length <= 0) throw new Error('an entry length must be > 0 (spec 3.1)');
    writeVarint(out, e.length);
  }
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    writeVarint(out, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

function setUint64(view: DataView, offset: number, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`not a uint64: ${value}`);
  view.setUint32(offset, value % 2 ** 32, true);
  view.setUint32(offset + 4, Math.floor(value / 2 ** 32), true);
}

/** Degrees as the header stores them: signed 32-bit, × 10^7. */
const e7 = (deg: number): number => Math.round(deg * 1e7);

/** The 127-byte header; the inverse of pmtiles' `bytesToHeader`. */
export function serializeHeader(h: Header): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode('PMTiles'), 0);
  view.setUint8(7, 3);
  setUint64(view, 8, h.rootDirectoryOffset);
  setUint64(view, 16, h.rootDirectoryLength);
  setUint64(view, 24, h.jsonMetadataOffset);
  setUint64(view, 32, h.jsonMetadataLength);
  setUint64(view, 40, h.leafDirectoryOffset);
  setUint64(view, 48, h.leafDirectoryLength ?? 0);
  setUint64(view, 56, h.tileDataOffset);
  setUint64(view, 64, h.tileDataLength ?? 0);
  setUint64(view, 72, h.numAddressedTiles);
  setUint64(view, 80, h.numTileEntries);
  setUint64(view, 88, h.numTileContents);
  view.setUint8(96, h.clustered ? 1 : 0);
  view.setUint8(97, h.internalCompression);
  view.setUint8(98, h.tileCompression);
  view.setUint8(99, h.tileType);
  view.setUint8(100, h.minZoom);
  view.setUint8(101, h.maxZoom);
  view.setInt32(102, e7(h.minLon), true);
  view.setInt32(106, e7(h.minLat), true);
  view.setInt32(110, e7(h.maxLon), true);
  view.setInt32(114, e7(h.maxLat), true);
  view.setUint8(118, h.centerZoom);
  view.setInt32(119, e7(h.centerLon), true);
  view.setInt32(123, e7(h.centerLat), true);
  return bytes;
}

/** Leaves of `leafSize` entries each, and a root of pointers to them (run length 0). */
function rootAndLeaves(
  entries: readonly Entry[],
  leafSize: number,
): { root: Uint8Array; leaves: Uint8Array[]; leavesBytes: number } {
  const pointers: Entry[] = [];
  const leaves: Uint8Array[] = [];
  let offset = 0;
  for (let i = 0; i < entries.length; i += leafSize) {
    const leaf = gzip(serializeDirectory(entries.slice(i, i + leafSize)));
    const first = entries[i];
    if (!first) break;
    pointers.push({ tileId: first.tileId, offset, length: leaf.length, runLength: 0 });
    leaves.push(leaf);
    offset += leaf.length;
  }
  return { root: gzip(serializeDirectory(pointers)), leaves, leavesBytes: offset };
}

/**
 * Gzipped root directory, and leaf directories when the root alone would not fit in
 * `rootMaxBytes` (the algorithm of go-pmtiles' `optimizeDirectories`).
 */
export function buildDirectories(
  entries: readonly Entry[],
  options: DirectoryOptions = {},
): { root: Uint8Array; leaves: Uint8Array[]; leavesBytes: number } {
  const rootMax = options.rootMaxBytes ?? ROOT_MAX_BYTES;
  const root = gzip(serializeDirectory(entries));
  if (root.length <= rootMax) return { root, leaves: [], leavesBytes: 0 };
  let leafSize = Math.max(options.minLeafEntries ?? MIN_LEAF_ENTRIES, entries.length / 3500);
  for (;;) {
    const built = rootAndLeaves(entries, Math.floor(leafSize));
    if (built.root.length <= rootMax) return built;
    if (built.leaves.length === 1)
      throw new Error(`a root directory of one leaf is still over ${rootMax} bytes`);
    leafSize *= 1.2;
  }
}

/**
 * Collects tiles in ascending tile id: gzips each, deduplicates contents (a repeated content
 * points at the first copy; consecutive ids with the same content extend the previous entry's run
 * length) and hands new bytes to `sink`, which lays them end to end as the tile data section.
 */
export class TileCollector {
  readonly entries: Entry[] = [];
  /** Bytes handed to the sink so far: the tile data section's length. */
  tileDataBytes = 0;
  /** Distinct contents written. */
  contents = 0;
  /** Tiles added (sum of run lengths). */
  addressed = 0;
  private readonly seen = new Map<string, { offset: number; length: number }>();
  private lastTileId = -1;

  constructor(private readonly sink: (bytes: Uint8Array) => void) {}

  /** Adds tile z/x/y; `data` is the uncompressed tile (an MVT), gzipped here. */
  add(z: number, x: number, y: number, data: Uint8Array): void {
    this.addId(zxyToTileId(z, x, y), data);
  }

  addId(tileId: number, data: Uint8Array): void {
    if (tileId <= this.lastTileId)
      throw new Error(`tiles must come in ascending tile id: ${tileId} after ${this.lastTileId}`);
    if (data.length === 0) throw new Error(`tile ${tileId} is empty; leave it out instead`);
    this.lastTileId = tileId;
    this.addressed++;
    const hash = createHash('sha256').update(data).digest('base64');
    let where = this.seen.get(hash);
    if (!where) {
      const compressed = gzip(data);
      where = { offset: this.tileDataBytes, length: compressed.length };
      this.seen.set(hash, where);
      this.sink(compressed);
      this.tileDataBytes += compressed.length;
      this.contents++;
    }
    const last = this.entries[this.entries.length - 1];
    if (last && last.offset === where.offset && last.tileId + last.runLength === tileId) {
      last.runLength++;
    } else {
      this.entries.push({ tileId, offset: where.offset, length: where.length, runLength: 1 });
    }
  }

  /**
   * The archive up to the tile data: header, root directory, metadata and leaf directories. The
   * tile data handed to the sink follows it directly.
   */
  prefix(
    info: ArchiveInfo,
    options: DirectoryOptions = {},
  ): { bytes: Uint8Array; header: Header; leaves: number } {
    const first = this.entries[0];
    const last = this.entries[this.entries.length - 1];
    if (!first || !last) throw new Error('an archive needs at least one tile');
    // The reader answers nothing outside [minZoom, maxZoom], so a tile there would be lost.
    const zooms = [tileIdToZxy(first.tileId)[0], tileIdToZxy(last.tileId + last.runLength - 1)[0]];
    if (zooms[0]! < info.minZoom || zooms[1]! > info.maxZoom)
      throw new Error(
        `tiles span zooms ${zooms.join('–')}, outside ${info.minZoom}–${info.maxZoom}`,
      );
    const dirs = buildDirectories(this.entries, options);
    const metadata = gzip(new TextEncoder().encode(JSON.stringify(info.metadata)));
    const rootOffset = HEADER_BYTES;
    const metadataOffset = rootOffset + dirs.root.length;
    const leafOffset = metadataOffset + metadata.length;
    const tileDataOffset = leafOffset + dirs.leavesBytes;
    const [west, south, east, north] = info.bounds;
    const header: Header = {
      specVersion: 3,
      rootDirectoryOffset: rootOffset,
      rootDirectoryLength: dirs.root.length,
      jsonMetadataOffset: metadataOffset,
      jsonMetadataLength: metadata.length,
      leafDirectoryOffset: leafOffset,
      leafDirectoryLength: dirs.leavesBytes,
      tileDataOffset,
      tileDataLength: this.tileDataBytes,
      numAddressedTiles: this.addressed,
      numTileEntries: this.entries.length,
      numTileContents: this.contents,
      clustered: true,
      internalCompression: Compression.Gzip,
      tileCompression: Compression.Gzip,
      tileType: TileType.Mvt,
      minZoom: info.minZoom,
      maxZoom: info.maxZoom,
      minLon: west,
      minLat: south,
      maxLon: east,
      maxLat: north,
      centerZoom: info.center[2],
      centerLon: info.center[0],
      centerLat: info.center[1],
    };
    const bytes = new Uint8Array(tileDataOffset);
    bytes.set(serializeHeader(header), 0);
    bytes.set(dirs.root, rootOffset);
    bytes.set(metadata, metadataOffset);
    let at = leafOffset;
    for (const leaf of dirs.leaves) {
      bytes.set(leaf, at);
      at += leaf.length;
    }
    return { bytes, header, leaves: dirs.leaves.length };
  }
}

export interface Tile {
  z: number;
  x: number;
  y: number;
  /** The uncompressed tile. */
  data: Uint8Array;
}

/** A whole archive in memory, for tests and small tile sets. Tiles may come in any order. */
export function pmtilesBuffer(
  tiles: Iterable<Tile>,
  info: ArchiveInfo,
  options: DirectoryOptions = {},
): Uint8Array {
  const chunks: Uint8Array[] = [];
  const collector = new TileCollector((bytes) => chunks.push(bytes));
  const sorted = [...tiles]
    .map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data }))
    .sort((a, b) => a.id - b.id);
  for (const t of sorted) collector.addId(t.id, t.data);
  const { bytes: prefix } = collector.prefix(info, options);
  const out = new Uint8Array(prefix.length + collector.tileDataBytes);
  out.set(prefix, 0);
  let at = prefix.length;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Streams an archive to a file. Tile data goes to `<path>.tiles.tmp` as tiles arrive (in
 * ascending tile id); `finish` writes header, directories and metadata to `<path>.tmp`, appends
 * the tile data and renames the result to `path`, so a failed build never leaves a half archive.
 */
export class PmtilesFileWriter {
  private readonly collector: TileCollector;
  private readonly tilesPath: string;
  private tilesFd: number | null;

  constructor(
    readonly path: string,
    private readonly options: DirectoryOptions = {},
  ) {
    this.tilesPath = `${path}.tiles.tmp`;
    const fd = openSync(this.tilesPath, 'w');
    this.tilesFd = fd;
    this.collector = new TileCollector((bytes) => {
      writeAll(fd, bytes);
    });
  }

  /** Adds tile z/x/y (uncompressed); tiles must come in ascending tile id. */
  add(z: number, x: number, y: number, data: Uint8Array): void {
    this.collector.add(z, x, y, data);
  }

  get tileCount(): number {
    return this.collector.addressed;
  }

  finish(info: ArchiveInfo): ArchiveSummary {
    if (this.tilesFd === null) throw new Error('the archive is already finished');
    closeSync(this.tilesFd);
    this.tilesFd = null;
    const { bytes: prefix, header, leaves } = this.collector.prefix(info, this.options);
    const partial = `${this.path}.tmp`;
    const out = openSync(partial, 'w');
    try {
      writeAll(out, prefix);
      appendFile(out, this.tilesPath);
    } finally {
      closeSync(out);
    }
    rmSync(this.tilesPath);
    renameSync(partial, this.path);
    return {
      bytes: statSync(this.path).size,
      tileDataBytes: this.collector.tileDataBytes,
      header,
      leaves,
    };
  }

  /** Removes the temporary file after a failure. */
  abort(): void {
    if (this.tilesFd !== null) closeSync(this.tilesFd);
    this.tilesFd = null;
    rmSync(this.tilesPath, { force: true });
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

function appendFile(fd: number, from: PathLike): void {
  const input = openSync(from, 'r');
  const buffer = new Uint8Array(8 << 20);
  try {
    for (;;) {
      const n = readSync(input, buffer, 0, buffer.length, null);
      if (n === 0) break;
      writeAll(fd, buffer.subarray(0, n));
    }
  } finally {
    closeSync(input);
  }
}
