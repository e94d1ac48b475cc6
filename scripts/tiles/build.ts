/**
 * `npm run data:tiles` — builds a PMTiles archive of point features for the app to read as a
 * vector source (#6), from the seeded bench generator or from a GeoJSON file:
 *
 *   npm run data:tiles -- --points 1m --seed 1 --out dist/bench/points-1m.pmtiles
 *   npm run data:tiles -- --in features.geojson --out dist/features.pmtiles [--cap 4000] [--maxzoom 12]
 *
 * Generated features stream straight into the tiler (a 1M-feature GeoJSON string would pass
 * V8's string limit). Either way every feature goes through the app's own parsing
 * (read-features.ts), then point-tiles.ts cuts and pmtiles-writer.ts writes. Each point also
 * gets `asof`, its status at the end of each year of the time control (src/lib/data/tile-years.ts,
 * by the dates of data/sources/documents.json), and the metadata the counts per year: the app's
 * map as of a year follows them. Synthetic points cite a document no date is known for, so they
 * are "not yet reported" in every year. Prints the figures:
 * features, tiles per zoom, bytes, seconds, peak RSS.
 *
 * The npm script fixes V8's heap limit at 4 GB whatever the machine's default: 1M points peak at
 * about 1.8 GB RSS (about 100 s on two cores).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatIssue } from '../../src/lib/data/errors.ts';
import { checkFeatureCollection } from '../../src/lib/data/geojson.ts';
import { TILES_METADATA_KEY } from '../../src/lib/names.ts';
import { YEARS_PROP, YearCounter, yearLetters } from '../../src/lib/data/tile-years.ts';
import type { DocDates } from '../../src/lib/data/time.ts';
import { FIRST_YEAR, LAST_YEAR } from '../../src/lib/state/view.ts';
import { pointFeatures } from '../bench/generate.ts';
import { formatTable, parseSize, sizeLabel } from '../bench/stats.ts';
import {
  centerZoom,
  DEFAULT_CAP,
  MAX_ZOOM,
  PointTiler,
  type PointsSummary,
} from './point-tiles.ts';
import { PmtilesFileWriter, type ArchiveSummary } from './pmtiles-writer.ts';
import { readPoints, type ReadReport } from './read-features.ts';

export interface BuildOptions {
  /** The features, readable twice (see read-features.ts). */
  input: () => Iterable<unknown>;
  /** Name of the input in messages. */
  source: string;
  out: string;
  cap?: number;
  maxZoom?: number;
  /** `name` in the archive metadata. */
  name?: string;
  description?: string;
  /**
   * The documents' dates (file → `YYYY[-MM[-DD]]`) each point's status per year is read with
   * (`asof`, lib/data/tile-years.ts); data/sources/documents.json's by default. `false`: no
   * dates, as archives built before them (the app then says the year does not apply).
   */
  docs?: DocDates | false;
}

/** data/sources/documents.json's dates, by file name: the documents the dataset cites. */
export function documentDates(): DocDates {
  const file = fileURLToPath(new URL('../../data/sources/documents.json', import.meta.url));
  const { documents } = JSON.parse(readFileSync(file, 'utf8')) as {
    documents: { file: string; date: string }[];
  };
  return new Map(documents.map((d) => [d.file, d.date]));
}

export interface BuildResult {
  read: ReadReport;
  summary: PointsSummary;
  archive: ArchiveSummary;
  /** The metadata written. */
  metadata: Record<string, unknown>;
  /** Per zoom: uncompressed MVT bytes in all tiles and in the largest. */
  tileBytes: { total: number; largest: number }[];
}

/** Reads, tiles and writes; the whole build without the command line. */
export function buildPointArchive(options: BuildOptions): BuildResult {
  const tiler = new PointTiler({
    cap: options.cap ?? DEFAULT_CAP,
    maxZoom: options.maxZoom ?? MAX_ZOOM,
  });
  const docs = options.docs ?? documentDates();
  const years = docs ? new YearCounter(FIRST_YEAR, LAST_YEAR) : null;
  const read = readPoints(options.input, options.source, (p) => {
    // The point's status at the end of each year, by the rule the app applies to loaded data.
    const letters = docs && yearLetters(p.feature.properties, docs, FIRST_YEAR, LAST_YEAR);
    if (letters) years?.add(letters);
    const properties = letters ? { ...p.properties, [YEARS_PROP]: letters } : p.properties;
    tiler.add(p.lng, p.lat, properties, JSON.stringify(p.feature.properties));
  });
  if (tiler.count === 0) throw new Error(`${options.source}: no point features to tile`);
  mkdirSync(dirname(resolve(options.out)), { recursive: true });
  const writer = new PmtilesFileWriter(options.out);
  try {
    const tileBytes: BuildResult['tileBytes'] = [];
    for (const tile of tiler.tiles()) {
      writer.add(tile.z, tile.x, tile.y, tile.data);
      const b = (tileBytes[tile.z] ??= { total: 0, largest: 0 });
      b.total += tile.data.length;
      b.largest = Math.max(b.largest, tile.data.length);
    }
    const summary = { ...tiler.summary(read.fields), ...(years ? { years: years.years() } : {}) };
    const description = options.description ?? `Park Atlas points from ${options.source}`;
    const metadata = {
      name: options.name ?? 'park-atlas-points',
      description,
      version: '1',
      type: 'overlay',
      generator: 'park-atlas scripts/tiles/build.ts',
      vector_layers: [tiler.vectorLayer(description)],
      [TILES_METADATA_KEY]: summary,
    };
    const [w, s, e, n] = summary.bounds;
    const archive = writer.finish({
      minZoom: 0,
      maxZoom: tiler.options.maxZoom,
      bounds: summary.bounds,
      center: [(w + e) / 2, (s + n) / 2, centerZoom(summary.bounds, tiler.options.maxZoom)],
      metadata,
    });
    return { read, summary, archive, metadata, tileBytes };
  } catch (e) {
    writer.abort();
    throw e;
  }
}

/** A GeoJSON file's features after the app's structural check (located issues printed). */
export function fileFeatures(path: string): unknown[] {
  const checked = checkFeatureCollection(JSON.parse(readFileSync(path, 'utf8')), { source: path });
  for (const issue of checked.issues) console.warn(formatIssue(issue));
  return checked.collection.features;
}

const MB = 1024 * 1024;

export function report(result: BuildResult, out: string, seconds: number): string {
  const { read, summary, archive } = result;
  const withValues = summary.fields.filter((f) => f.count > 0);
  const lines = [
    `${out}: ${summary.count.toLocaleString('en')} points, ${archive.header.numAddressedTiles.toLocaleString('en')} tiles, ${(archive.bytes / MB).toFixed(1)} MB`,
    `read ${read.read.toLocaleString('en')} features: ${read.rejected} rejected by the schema, ${read.duplicates} duplicate ids, ${read.notPoints} not points`,
    `tile contents ${archive.header.numTileContents.toLocaleString('en')}, entries ${archive.header.numTileEntries.toLocaleString('en')}, leaf directories ${archive.leaves}`,
    `fields with point values: ${withValues.map((f) => `${f.key} (${f.unit}) ${f.count.toLocaleString('en')}`).join(', ') || 'none'}` +
      (withValues.length < summary.fields.length
        ? `; ${summary.fields.length - withValues.length} more on other features only`
        : ''),
    '',
    formatTable(
      ['zoom', 'tiles', 'points shown', 'most in a tile', 'MVT MB', 'largest tile KB'],
      summary.zooms.map((z) => [
        String(z.zoom),
        z.tiles.toLocaleString('en'),
        z.features.toLocaleString('en'),
        z.max_per_tile.toLocaleString('en'),
        ((result.tileBytes[z.zoom]?.total ?? 0) / MB).toFixed(1),
        ((result.tileBytes[z.zoom]?.largest ?? 0) / 1024).toFixed(0),
      ]),
    ),
    '',
    'MVT MB: uncompressed; the archive holds them gzipped.',
    `${seconds.toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  ];
  return lines.join('\n');
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      points: { type: 'string' },
      seed: { type: 'string', default: '1' },
      in: { type: 'string' },
      out: { type: 'string' },
      cap: { type: 'string', default: String(DEFAULT_CAP) },
      maxzoom: { type: 'string', default: String(MAX_ZOOM) },
    },
    strict: true,
  });
  if ((values.points === undefined) === (values.in === undefined))
    throw new Error('give either --points N (seeded synthetic points) or --in file.geojson');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number`);
  const started = performance.now();
  let options: BuildOptions;
  if (values.points !== undefined) {
    const n = parseSize(values.points);
    options = {
      input: () => pointFeatures(n, seed),
      source: `synthetic points n=${sizeLabel(n)} seed=${seed}`,
      out: values.out ?? `dist/bench/points-${sizeLabel(n)}.pmtiles`,
    };
  } else {
    const path = values.in ?? '';
    const features = fileFeatures(path);
    options = {
      input: () => features,
      source: path,
      out: values.out ?? path.replace(/\.(geo)?json$/i, '') + '.pmtiles',
    };
  }
  const result = buildPointArchive({
    ...options,
    cap: Number(values.cap),
    maxZoom: Number(values.maxzoom),
  });
  for (const issue of result.read.issues) console.warn(formatIssue(issue));
  console.log(report(result, options.out, (performance.now() - started) / 1000));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
