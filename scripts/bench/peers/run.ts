/**
 * `npm run bench:peers` — Park Atlas beside kepler.gl, bare maplibre-gl and Leaflet, on the same
 * files, in one run, measured the same way; prints app ÷ best peer for every figure, the goals of
 * #16 as ratios, and how our peer figures compare with the reference harness's. Asserts nothing.
 *
 *   tsx scripts/bench/peers/run.ts [--runs 3] [--sizes 1k,10k,100k] [--toggles 5]
 *        [--tools app,app-import,maplibre,leaflet,kepler] [--build]
 *        [--reference ../shared/peers/results/results.json] [--out bench-results/peers.json]
 *        [--import 50 [--import-timeout 180]]   (--sizes none: only the import)
 *
 * Each load is a fresh Chromium (as the reference harness does), tools interleaved per size so
 * drift hits all alike. Per load: navigation → points drawn, the JS heap after a forced GC (main
 * thread + workers), then one warm-up filter toggle and `--toggles` timed ones alternating 3/8
 * and 5/8 of the industries. The app is measured twice: the plain file through its importer
 * (`?data=`, a layer filtered by category) and the same points converted to its own schema (its
 * industry filter).
 *
 * `--import <MB>` (slow, off by default) adds one more figure, after the sizes: a seeded CSV of
 * that size (scripts/bench/import.ts's) chosen in the app's file picker and handed to kepler.gl's
 * own file loader, `--runs` times each (import-file.ts): choose → drawn, longest main-thread
 * task, heap, and app ÷ kepler.gl. A kepler.gl load past `--import-timeout` seconds is reported.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, startServer } from '../../../test/e2e/harness.ts';
import { ROOT } from '../generate.ts';
import { DIST, ensureBuild } from '../build.ts';
import * as inPage from '../page.ts';
import { measureHeap } from '../heap.ts';
import { gzipSize, parseSize } from '../stats.ts';
import * as appPage from './app-page.ts';
import {
  agreement,
  agreementTable,
  checkGoals,
  goalTable,
  metricTable,
  summarizeLoads,
  METHODS,
  type LoadRecord,
  type ReferenceRun,
  type Tool,
} from './compare.ts';
import { APP_INDUSTRY, expectedCounts, FILTER_SETS, generateParks, toAppFeatures } from './data.ts';
import { startStaticServer, type StaticServer } from './server.ts';
import { ensureVendor, KEPLER_PACKAGES, VENDOR_DIR } from './vendor.ts';
import { benchImportFile, type ImportFileRun } from './import-file.ts';
import { IMPORT_TOOLS, importTable, summarizeImports } from './import-summary.ts';

interface Args {
  runs: number;
  sizes: number[];
  toggles: number;
  tools: Tool[];
  build: boolean;
  reference: string;
  out: string;
  /** MB of the CSV to import; 0 = no import figure. */
  importMb: number;
  importTimeoutS: number;
}

const ALL_TOOLS: Tool[] = ['app', 'app-import', 'maplibre', 'leaflet', 'kepler'];

function parse(argv: readonly string[]): Args {
  const args: Args = {
    runs: 3,
    sizes: [1e3, 1e4, 1e5],
    toggles: 5,
    tools: ALL_TOOLS,
    build: false,
    reference: resolve(ROOT, '../shared/peers/results/results.json'),
    out: 'bench-results/peers.json',
    importMb: 0,
    importTimeoutS: 180,
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = () => {
      const v = argv[++i];
      if (!v) throw new Error(`${name} needs a value`);
      return v;
    };
    if (name === '--runs') args.runs = Math.max(1, Number(value()) | 0);
    else if (name === '--toggles') args.toggles = Math.max(1, Number(value()) | 0);
    else if (name === '--sizes') {
      const v = value();
      args.sizes = v === 'none' ? [] : v.split(',').map(parseSize);
    } else if (name === '--import') args.importMb = Math.max(0, Number(value()) || 0);
    else if (name === '--import-timeout') args.importTimeoutS = Math.max(1, Number(value()) || 180);
    else if (name === '--tools') {
      const tools = value().split(',') as Tool[];
      const bad = tools.filter((t) => !ALL_TOOLS.includes(t));
      if (bad.length) throw new Error(`unknown tool ${bad.join(', ')}; known: ${ALL_TOOLS}`);
      args.tools = tools;
    } else if (name === '--build') args.build = true;
    else if (name === '--reference') args.reference = resolve(value());
    else if (name === '--out') args.out = value();
    else throw new Error(`unknown argument "${name}"`);
  }
  return args;
}

const started = performance.now();
const log = (text: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}`);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
const DATA_DIR = join(DIST, 'peers');
const loadTimeout = (n: number) => Math.min(300_000, 60_000 + n);
const plainFile = (n: number) => `parks-${n}.geojson`;
const appFile = (n: number) => `parks-${n}.app.geojson`;
const MB = 1024 * 1024;

function writeData(sizes: readonly number[]): Map<number, number[]> {
  mkdirSync(DATA_DIR, { recursive: true });
  const expected = new Map<number, number[]>();
  for (const n of sizes) {
    const fc = generateParks(n);
    writeFileSync(join(DATA_DIR, plainFile(n)), JSON.stringify(fc));
    const app = { type: 'FeatureCollection', features: toAppFeatures(fc) };
    writeFileSync(join(DATA_DIR, appFile(n)), JSON.stringify(app));
    expected.set(n, expectedCounts(fc));
    const size = (f: string) => (statSync(join(DATA_DIR, f)).size / MB).toFixed(1);
    log(`${n} parks: ${size(plainFile(n))} MB plain, ${size(appFile(n))} MB in the app's schema`);
  }
  return expected;
}

/** gzip -9 of the JS files a peer page loaded (from the static server's log), cached per file. */
const gzipCache = new Map<string, number>();
function jsGzip(server: StaticServer, from: number): number {
  const files = new Set(
    server.log
      .slice(from)
      .flatMap((s) => (s.status === 200 && s.file && /\.m?js$/.test(s.file) ? [s.file] : [])),
  );
  let total = 0;
  for (const f of files) {
    if (!gzipCache.has(f)) gzipCache.set(f, gzipSize(readFileSync(f)));
    total += gzipCache.get(f) ?? 0;
  }
  return total;
}

interface PeerState {
  phase: string;
  firstDrawMs: number | null;
  drawnCount: number | null;
  canvasChanged: boolean | null;
  error: string | null;
}
declare global {
  interface Window {
    PEER?: { state: PeerState };
    __peer?: { filter(method: string, codes: string[]): Promise<number> };
  }
}

async function heapOf(page: Page, rec: LoadRecord): Promise<void> {
  const heap = await measureHeap(page, 60_000);
  rec.heapMainMB = heap.main === null ? null : heap.main / MB;
  rec.heapWorkersMB = heap.workers.reduce((a, b) => a + b, 0) / MB;
}

async function measurePeer(
  page: Page,
  rec: LoadRecord,
  url: string,
  expected: number[],
  toggles: number,
): Promise<void> {
  const timeout = loadTimeout(rec.n);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => window.PEER && (window.PEER.state.phase === 'drawn' || window.PEER.state.error),
    null,
    { timeout, polling: 50 },
  );
  const state = await page.evaluate(() => window.PEER!.state);
  if (state.error) throw new Error(state.error);
  rec.firstDrawMs = state.firstDrawMs;
  await heapOf(page, rec);
  for (const method of METHODS[rec.tool]) {
    const times: number[] = [];
    let ok = true;
    for (let i = 0; i <= toggles; i++) {
      const set = i % 2;
      const ms = await page.evaluate(([m, codes]) => window.__peer!.filter(m, codes), [
        method,
        [...(FILTER_SETS[set] ?? [])],
      ] as [string, string[]]);
      const after = await page.evaluate(() => window.PEER!.state);
      if (after.error) throw new Error(after.error);
      ok &&= after.drawnCount === expected[set] && after.canvasChanged !== false;
      if (i > 0) times.push(ms);
    }
    rec.filters[method] = times;
    rec.countsOk[method] = ok;
  }
}

async function measureApp(
  page: Page,
  rec: LoadRecord,
  base: string,
  toggles: number,
): Promise<void> {
  const timeout = loadTimeout(rec.n);
  const method = METHODS[rec.tool][0] ?? '';
  if (rec.tool === 'app') {
    await page.goto(new URL(`?data=/peers/${appFile(rec.n)}`, base).href, { timeout });
    await page.waitForFunction(() => window.__bench?.firstIdleAt !== undefined, null, {
      timeout,
      polling: 50,
    });
    const loaded = await page.evaluate(inPage.inspectLoaded);
    if (loaded.sources.points !== rec.n)
      throw new Error(
        `the map holds ${loaded.sources.points} of ${rec.n} points: ${loaded.alerts}`,
      );
    rec.firstDrawMs = loaded.firstIdleAt;
    await heapOf(page, rec);
    const times: number[] = [];
    for (let i = 0; i <= toggles; i++) {
      const codes = (FILTER_SETS[i % 2] ?? []).map((c) => APP_INDUSTRY[c]);
      const t = await page.evaluate(inPage.timeIndustryToggle, codes);
      if (i > 0) times.push(t.ms);
    }
    rec.filters[method] = times;
    rec.countsOk[method] = null;
    return;
  }
  await page.goto(new URL(`?data=/peers/${plainFile(rec.n)}`, base).href, { timeout });
  const drawn = await page.evaluate(appPage.importedDrawn, { expected: rec.n, timeoutMs: timeout });
  rec.firstDrawMs = drawn.drawnAt;
  await heapOf(page, rec);
  await page.evaluate(appPage.colourImported, { layer: drawn.layer, field: 'investment' });
  const times: number[] = [];
  for (let i = 0; i <= toggles; i++) {
    const values = [...(FILTER_SETS[i % 2] ?? [])];
    const ms = await page.evaluate(appPage.timeImportedFilter, {
      layer: drawn.layer,
      colorBy: 'investment',
      field: 'ind',
      values,
    });
    if (i > 0) times.push(ms);
  }
  rec.filters[method] = times;
  rec.countsOk[method] = null;
}

function readReference(path: string): { runs: ReferenceRun[]; note: string } {
  if (!existsSync(path)) return { runs: [], note: `no reference at ${path}` };
  const json = JSON.parse(readFileSync(path, 'utf8')) as {
    runs?: ReferenceRun[];
    generatedAt?: string;
    versions?: Record<string, string>;
  };
  const v = json.versions ?? {};
  return {
    runs: json.runs ?? [],
    note: `reference ${relative(ROOT, path)} of ${json.generatedAt ?? '?'} (Chromium ${v.chromium ?? '?'}, kepler.gl ${v['kepler.gl'] ?? '?'}, maplibre-gl ${v['maplibre-gl'] ?? '?'}, Leaflet ${v.leaflet ?? '?'})`,
  };
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const buildInfo = await ensureBuild(args.build, log);
  const fetched = args.tools.includes('kepler') ? ensureVendor(log) : [];
  rmSync(DATA_DIR, { recursive: true, force: true });
  const expected = writeData(args.sizes);
  const app = await startServer(true, relative(ROOT, DIST));
  const peers = await startStaticServer({
    '/pages/': join(ROOT, 'scripts/bench/peers/pages'),
    '/vendor/': VENDOR_DIR,
    '/lib/maplibre-gl/': join(ROOT, 'node_modules/maplibre-gl/dist'),
    '/lib/leaflet/': join(ROOT, 'node_modules/leaflet/dist'),
    '/data/': DATA_DIR,
  });
  const records: LoadRecord[] = [];
  let imported: ImportFileRun | null = null;
  let chromium = '';
  try {
    for (let rep = 0; rep < args.runs; rep++) {
      for (const n of args.sizes) {
        for (const tool of args.tools) {
          const rec: LoadRecord = {
            tool,
            n,
            rep,
            error: null,
            firstDrawMs: null,
            heapMainMB: null,
            heapWorkersMB: null,
            filters: {},
            countsOk: {},
            jsGzip: null,
          };
          const browser = await launchChromium(['--enable-precise-memory-info']);
          chromium = browser.version();
          try {
            const context = await browser.newContext({
              viewport: { width: 1280, height: 800 },
              deviceScaleFactor: 1,
            });
            await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
            if (tool === 'app') await context.addInitScript(inPage.installProbe);
            const page = await context.newPage();
            const from = peers.log.length;
            if (tool === 'app' || tool === 'app-import')
              await measureApp(page, rec, app.url, args.toggles);
            else
              await measurePeer(
                page,
                rec,
                `${peers.url}/pages/${tool}.html?n=${n}`,
                expected.get(n) ?? [],
                args.toggles,
              );
            if (!tool.startsWith('app')) rec.jsGzip = jsGzip(peers, from);
          } catch (e) {
            rec.error = message(e).slice(0, 300);
          } finally {
            await browser.close().catch(() => {});
          }
          records.push(rec);
          const f = Object.entries(rec.filters)
            .map(([m, t]) => `${m} ${t.map((x) => x.toFixed(0)).join('/')} ms`)
            .join('; ');
          log(
            `run ${rep + 1} ${tool} ${n}: ${rec.error ? `ERROR ${rec.error}` : `drawn ${rec.firstDrawMs?.toFixed(0)} ms, heap ${((rec.heapMainMB ?? 0) + (rec.heapWorkersMB ?? 0)).toFixed(1)} MB, ${f}`}`,
          );
        }
      }
    }
    if (args.importMb > 0)
      imported = await benchImportFile({
        mb: args.importMb,
        runs: args.runs,
        tools: IMPORT_TOOLS.filter((t) => args.tools.includes(t)),
        urls: { 'app-import': app.url, kepler: peers.url },
        dir: DATA_DIR,
        timeoutMs: args.importTimeoutS * 1000,
        log,
      });
  } finally {
    await peers.close();
    await app.close();
    rmSync(DATA_DIR, { recursive: true, force: true });
  }

  const rows = summarizeLoads(records);
  const reference = readReference(args.reference);
  const agreements = agreement(rows, reference.runs);
  const lines = !rows.length
    ? []
    : [
        '',
        ...(['firstDraw', 'filter', 'heapTotalMB'] as const).flatMap((m) => [
          metricTable(rows, m),
          '',
        ]),
        'medians over the loads (filter: the median of each load’s toggles). Peers filter as the',
        'reference harness does; the app through its own state. "best peer" is over every method.',
        '',
        ...(['app', 'app-import'] as const)
          .filter((t) => args.tools.includes(t))
          .flatMap((t) => [goalTable(checkGoals(rows, t)), '']),
        reference.note,
        agreements.length ? agreementTable(agreements) : 'no peer figure to compare',
        '',
      ];
  for (const r of rows)
    if (r.errors.length) lines.push(`${r.tool} ${r.n}: ${r.errors.length} failed: ${r.errors[0]}`);
  const importRows = imported ? summarizeImports(imported.loads) : [];
  if (imported)
    lines.push(
      '',
      importTable(importRows, { mb: imported.fileBytes / MB, rows: imported.rows }),
      'medians over the loads; drawn: the app, listed and the map idle; kepler.gl, a deck.gl',
      'frame with the layer live (as its other figures). Heap after a forced GC.',
      '',
    );
  console.log(lines.join('\n'));

  const date = new Date().toISOString();
  const output = {
    date,
    args,
    machine: { cpu: os.cpus()[0]?.model, cpus: os.cpus().length, chromium, node: process.version },
    build: buildInfo,
    vendor: { fetched, packages: KEPLER_PACKAGES.map((p) => `${p.name}@${p.version}`) },
    summary: rows,
    agreement: agreements,
    goals: Object.fromEntries(
      (['app', 'app-import'] as const).map((t) => [t, checkGoals(rows, t)]),
    ),
    records,
    import: imported && { ...imported, summary: importRows },
  };
  const out = resolve(ROOT, args.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(output, null, 2)}\n`);
  log(`wrote ${relative(ROOT, out)}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
