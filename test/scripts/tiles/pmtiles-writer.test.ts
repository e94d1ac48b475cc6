import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bytesToHeader,
  Compression,
  TileType,
  tileIdToZxy,
  zxyToTileId,
  type Header,
} from 'pmtiles';
import { mulberry32 } from '../../../scripts/bench/generate.ts';
import {
  HEADER_BYTES,
  pmtilesBuffer,
  PmtilesFileWriter,
  ROOT_MAX_BYTES,
  serializeDirectory,
  serializeHeader,
  TileCollector,
  writeVarint,
  type ArchiveInfo,
  type Tile,
} from '../../../scripts/tiles/pmtiles-writer.ts';
import { openArchive } from './pmtiles-source.ts';

const INFO: ArchiveInfo = {
  minZoom: 0,
  maxZoom: 3,
  bounds: [114.8, 34.38, 122.71, 38.4],
  center: [118.75, 36.39, 5],
  metadata: { name: 'test', vector_layers: [{ id: 'points', fields: {} }], nested: { a: [1, 2] } },
};

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytesOf = (buf: ArrayBuffer | undefined): string =>
  buf === undefined ? 'missing' : new TextDecoder().decode(buf);

/** Every tile of zooms 0–3 over the world, content `z/x/y`, except a few that repeat. */
function pyramid(): Tile[] {
  const tiles: Tile[] = [];
  for (let z = 0; z <= 3; z++) {
    for (let x = 0; x < 2 ** z; x++) {
      for (let y = 0; y < 2 ** z; y++) tiles.push({ z, x, y, data: text(`${z}/${x}/${y}`) });
    }
  }
  return tiles;
}

describe('writeVarint', () => {
  it('writes LEB128 beyond 32 bits', () => {
    const out: number[] = [];
    writeVarint(out, 300);
    writeVarint(out, 2 ** 40 + 5);
    expect(out.slice(0, 2)).toEqual([0xac, 0x02]);
    // 2^40 + 5: 5 in the first group of 7 bits, 2^(40 − 35) in the sixth
    expect(out.slice(2)).toEqual([0x85, 0x80, 0x80, 0x80, 0x80, 0x20]);
    expect(() => writeVarint(out, -1)).toThrow();
  });
});

describe('serializeDirectory', () => {
  it('delta-encodes ids and zeroes contiguous offsets, column by column', () => {
    const bytes = serializeDirectory([
      { tileId: 5, offset: 0, length: 10, runLength: 1 },
      { tileId: 6, offset: 10, length: 20, runLength: 3 },
      { tileId: 20, offset: 0, length: 10, runLength: 1 },
    ]);
    // count │ ids 5, +1, +14 │ runs │ lengths │ offsets 0+1, contiguous → 0, back to 0 → 0+1
    expect([...bytes]).toEqual([3, 5, 1, 14, 1, 3, 1, 10, 20, 10, 1, 0, 1]);
  });

  it('refuses an empty directory and zero-length entries (spec 3.1)', () => {
    expect(() => serializeDirectory([])).toThrow();
    expect(() => serializeDirectory([{ tileId: 0, offset: 0, length: 0, runLength: 1 }])).toThrow();
  });
});

describe('serializeHeader', () => {
  it('is read back field for field by pmtiles bytesToHeader', () => {
    const header: Header = {
      specVersion: 3,
      rootDirectoryOffset: 127,
      rootDirectoryLength: 1000,
      jsonMetadataOffset: 1127,
      jsonMetadataLength: 300,
      leafDirectoryOffset: 1427,
      leafDirectoryLength: 70_000,
      tileDataOffset: 71_427,
      tileDataLength: 2 ** 33 + 7,
      numAddressedTiles: 12_345,
      numTileEntries: 12_000,
      numTileContents: 11_000,
      clustered: true,
      internalCompression: Compression.Gzip,
      tileCompression: Compression.Gzip,
      tileType: TileType.Mvt,
      minZoom: 0,
      maxZoom: 12,
      minLon: -122.4194155,
      minLat: 34.3800001,
      maxLon: 122.7099999,
      maxLat: 38.4,
      centerZoom: 5,
      centerLon: 118.75,
      centerLat: -36.39,
    };
    const bytes = serializeHeader(header);
    expect(bytes.length).toBe(HEADER_BYTES);
    expect(new TextDecoder().decode(bytes.slice(0, 7))).toBe('PMTiles');
    expect(bytesToHeader(bytes.buffer as ArrayBuffer)).toEqual({ ...header, etag: undefined });
  });
});

describe('an archive read back with the pmtiles reader', () => {
  const tiles = pyramid();
  // Tiles 1/0/0 and 1/0/1 (ids 1, 2: consecutive) share content, and so do 0/0/0 and 3/7/7.
  const same = text('same');
  const edited = tiles.map((t) =>
    t.z === 1 && t.x === 0
      ? { ...t, data: same }
      : t.z === 3 && t.x === 7 && t.y === 7
        ? { ...t, data: tiles[0]!.data }
        : t,
  );
  const archive = pmtilesBuffer(edited, INFO);

  it('has the header the spec asks for', async () => {
    const { archive: reader } = openArchive(archive);
    const h = await reader.getHeader();
    expect(h.specVersion).toBe(3);
    expect(h.clustered).toBe(true);
    expect(h.internalCompression).toBe(Compression.Gzip);
    expect(h.tileCompression).toBe(Compression.Gzip);
    expect(h.tileType).toBe(TileType.Mvt);
    expect([h.minZoom, h.maxZoom]).toEqual([0, 3]);
    expect([h.minLon, h.minLat, h.maxLon, h.maxLat]).toEqual(INFO.bounds);
    expect([h.centerLon, h.centerLat, h.centerZoom]).toEqual(INFO.center);
    expect(h.rootDirectoryOffset).toBe(HEADER_BYTES);
    // Sections in the recommended order, end to end.
    expect(h.jsonMetadataOffset).toBe(h.rootDirectoryOffset + h.rootDirectoryLength);
    expect(h.leafDirectoryOffset).toBe(h.jsonMetadataOffset + h.jsonMetadataLength);
    expect(h.leafDirectoryLength).toBe(0);
    expect(h.tileDataOffset).toBe(h.leafDirectoryOffset + (h.leafDirectoryLength ?? 0));
    expect(h.tileDataOffset + (h.tileDataLength ?? 0)).toBe(archive.length);
    expect(h.numAddressedTiles).toBe(85);
    // 1/0/0 and 1/0/1 are one entry with run length 2; 3/7/7 is an entry of its own.
    expect(h.numTileEntries).toBe(84);
    expect(h.numTileContents).toBe(83);
  });

  it('gives back the metadata', async () => {
    const { archive: reader } = openArchive(archive);
    expect(await reader.getMetadata()).toEqual(INFO.metadata);
  });

  it('gives back every tile, and nothing where there is no tile', async () => {
    const { archive: reader } = openArchive(archive);
    for (const t of edited) {
      expect(bytesOf((await reader.getZxy(t.z, t.x, t.y))?.data), `${t.z}/${t.x}/${t.y}`).toBe(
        new TextDecoder().decode(t.data),
      );
    }
    expect(await reader.getZxy(4, 0, 0)).toBeUndefined();
    const sparse = pmtilesBuffer([tiles[0]!, tiles[5]!], INFO);
    const { archive: sparseReader } = openArchive(sparse);
    expect(await sparseReader.getZxy(1, 0, 0)).toBeUndefined();
    expect(bytesOf((await sparseReader.getZxy(2, 0, 0))?.data)).toBe('2/0/0');
  });

  it('stores a repeated content once: the tile data holds the distinct contents only', async () => {
    const distinct = pmtilesBuffer(tiles, INFO);
    const h = bytesToHeader(archive.slice(0, HEADER_BYTES).buffer as ArrayBuffer);
    const hd = bytesToHeader(distinct.slice(0, HEADER_BYTES).buffer as ArrayBuffer);
    expect(hd.numTileContents).toBe(85);
    // Two contents fewer (`1/0/1` and `3/7/7`), one of them ("1/0/0" → "same") shorter.
    expect((hd.tileDataLength ?? 0) - (h.tileDataLength ?? 0)).toBeGreaterThan(0);
    const gz = archive.slice(h.tileDataOffset, h.tileDataOffset + (h.tileDataLength ?? 0));
    // Each content is one gzip member: count the gzip magic numbers in the data section.
    let members = 0;
    for (let i = 0; i + 2 < gz.length; i++)
      if (gz[i] === 0x1f && gz[i + 1] === 0x8b && gz[i + 2] === 8) members++;
    expect(members).toBe(83);
  });

  it('points a repeated content back at its first copy, extending a run for consecutive ids', () => {
    const chunks: Uint8Array[] = [];
    const collector = new TileCollector((b) => chunks.push(b));
    collector.addId(0, text('a'));
    collector.addId(1, text('b'));
    collector.addId(2, text('b'));
    collector.addId(3, text('b'));
    collector.addId(5, text('b'));
    collector.addId(6, text('a'));
    expect(collector.entries).toEqual([
      { tileId: 0, offset: 0, length: chunks[0]!.length, runLength: 1 },
      { tileId: 1, offset: chunks[0]!.length, length: chunks[1]!.length, runLength: 3 },
      { tileId: 5, offset: chunks[0]!.length, length: chunks[1]!.length, runLength: 1 },
      { tileId: 6, offset: 0, length: chunks[0]!.length, runLength: 1 },
    ]);
    expect(chunks.map((c) => new TextDecoder().decode(gunzipSync(c)))).toEqual(['a', 'b']);
    expect(() => collector.addId(6, text('c'))).toThrow(/ascending/);
    expect(() => collector.addId(7, new Uint8Array())).toThrow(/empty/);
  });
});

describe('leaf directories', () => {
  /**
   * `n` tiles of distinct, incompressible contents of random length, at tile ids with random gaps,
   * so that the directory compresses badly (about 1.4 bytes an entry).
   */
  function distinctTiles(n: number): Tile[] {
    const random = mulberry32(7);
    let id = 0;
    return Array.from({ length: n }, () => {
      id += 1 + Math.floor(random() * 8);
      const [z, x, y] = tileIdToZxy(id);
      const data = new Uint8Array(4 + Math.floor(random() * 80));
      new DataView(data.buffer).setUint32(0, id);
      for (let i = 4; i < data.length; i++) data[i] = Math.floor(random() * 256);
      return { z, x, y, data };
    });
  }

  it('appear when the root would pass 16 KB, and every tile is still found', async () => {
    const tiles = distinctTiles(15_000);
    const bytes = pmtilesBuffer(tiles, { ...INFO, maxZoom: 9 });
    const { archive, source } = openArchive(bytes);
    const h = await archive.getHeader();
    expect(h.leafDirectoryLength).toBeGreaterThan(0);
    expect(h.rootDirectoryOffset + h.rootDirectoryLength).toBeLessThanOrEqual(16_384);
    expect(h.rootDirectoryLength).toBeLessThanOrEqual(ROOT_MAX_BYTES);
    for (const i of [0, 1, 4095, 4096, 10_000, 14_999]) {
      const t = tiles[i]!;
      const got = await archive.getZxy(t.z, t.x, t.y);
      expect(new Uint8Array(got?.data ?? new ArrayBuffer(0)), `tile ${i}`).toEqual(t.data);
    }
    // The reader went through the leaf section to find them.
    const leafEnd = h.leafDirectoryOffset + (h.leafDirectoryLength ?? 0);
    expect(
      source.requests.some((r) => r.offset >= h.leafDirectoryOffset && r.offset < leafEnd),
    ).toBe(true);
    expect(await archive.getZxy(9, 511, 0)).toBeUndefined();
  });

  it('split into many leaves when the root must stay small', async () => {
    const tiles = distinctTiles(3000);
    const bytes = pmtilesBuffer(
      tiles,
      { ...INFO, maxZoom: 9 },
      { rootMaxBytes: 60, minLeafEntries: 50 },
    );
    const { archive } = openArchive(bytes);
    const h = await archive.getHeader();
    expect(h.rootDirectoryLength).toBeLessThanOrEqual(60);
    for (let id = 0; id < tiles.length; id += 97) {
      const t = tiles[id]!;
      const got = await archive.getZxy(t.z, t.x, t.y);
      expect(new Uint8Array(got?.data ?? new ArrayBuffer(0)), `tile id ${id}`).toEqual(t.data);
    }
  });
});

describe('PmtilesFileWriter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pmtiles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the same bytes as the in-memory writer, and no temporary files', () => {
    const tiles = pyramid().sort((a, b) => zxyToTileId(a.z, a.x, a.y) - zxyToTileId(b.z, b.x, b.y));
    const path = join(dir, 'a.pmtiles');
    const writer = new PmtilesFileWriter(path);
    for (const t of tiles) writer.add(t.z, t.x, t.y, t.data);
    const summary = writer.finish(INFO);
    const written = new Uint8Array(readFileSync(path));
    expect(written).toEqual(pmtilesBuffer(tiles, INFO));
    expect(summary.bytes).toBe(written.length);
    expect(summary.header.numAddressedTiles).toBe(85);
    expect(() => readFileSync(`${path}.tiles.tmp`)).toThrow();
  });
});

describe('zoom range', () => {
  it('refuses tiles outside the header’s zooms, which the reader would never return', () => {
    expect(() => pmtilesBuffer(pyramid(), { ...INFO, maxZoom: 2 })).toThrow(/zooms 0–3/);
    expect(() => pmtilesBuffer(pyramid(), { ...INFO, minZoom: 1 })).toThrow(/zooms 0–3/);
  });
});
