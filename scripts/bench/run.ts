/**
 * `npm run bench` — measures the built app in Chromium and prints the figures; it asserts
 * nothing (the tests stay deterministic).
 *
 *   tsx scripts/bench/run.ts [--runs 5] [--sizes 1k,10k,100k,1m] [--polygons 10k]
 *                            [--import 50] [--out bench-results/latest.json] [--keep] [--build]
 *
 * 1. Builds dist-bench/ when it is missing or older than its inputs (or always, with --build), and
 *    writes seeded synthetic datasets to dist-bench/bench/ so the preview server serves them on the
 *    app's own origin (`?data=/bench/points-10k.geojson`). They are removed afterwards unless
 *    --keep.
 * 2. Gzip sizes of the shipped JS (main, MapLibre worker, lazy chunks) and CSS.
 * 3. Per dataset (the embedded data, each point size, the polygons), `--runs` fresh pages: time
 *    from navigation to the map's first `idle`, and the JS heap after load (main thread and
 *    workers, after a forced GC). On the last page: industry filter → idle through the app
 *    (its layer filters) and, side by side, through `setData`; the longest main-thread task during
 *    each; choropleth method → idle; search keystroke → results on screen.
 * 4. Imports a CSV of `--import` MB through the file picker (scripts/bench/import.ts): the time
 *    to the layer listed and the longest main-thread task meanwhile.
 * 5. Prints a table (median [min–max]) and writes the figures as JSON to bench-results/.
 *
 * Every wait is bounded: a dataset that fails or times out is reported as such and the run goes
 * on. Traffic stays on the loopback interface.
 */
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startServer, type AppServer } from '../../test/e2e/harness.ts';
import type { ParkFeatureInput } from '../../src/lib/data/schema.ts';
import { ROOT, commonIndustry, pointFeatures, polygonFeatures } from './generate.ts';
import {
  assetSizes,
  formatNumber,
  formatSummary,
  formatTable,
  firstVisitScripts,
  gzipSize,
  KB,
  MB,
  parseArgs,
  ratio,
  sizeLabel,
  summarize,
  type AssetGroup,
  type AssetSize,
  type BenchArgs,
  type Summary,
} from './stats.ts';
import * as inPage from './page.ts';
import { DIST, OUT_DIR, ensureBuild } from './build.ts';
import { measureHeap } from './heap.ts';
import { benchImport, type ImportBenchResult } from './import.ts';

const BENCH_DIR = join(DIST, 'bench');
const POINTS_SEED = 1;
/** From this many points the benchmark reads them from a PMTiles archive, as the app must. */
const TILES_FROM = 1_000_000;
const execFileAsync = promisify(execFile);
const POLYGONS_SEED = 2;
/** The one character typed into the search box per run. */
const SEARCH_KEY = 's';
const SEARCH_INPUT = '[role=combobox][aria-autocomplete]';
const VIEWPORT = { width: 1280, height: 800 };
const CHOROPLETH_FIELD = 'total_investment';

const METRICS = [
  'load',
  'heapMain',
  'heapWorkers',
  'heapTotal',
  'filterState',
  'filterSetData',
  'longtaskState',
  'longtaskSetData',
  'choropleth',
  'search',
] as const;
type Metric = (typeof METRICS)[number];

interface DatasetPlan {
  name: string;
  /** Column header. */
  label: string;
  /** `tiles`: points from a PMTiles archive (`?tiles=`), past what a GeoJSON file can carry. */
  kind: 'default' | 'points' | 'polygons' | 'tiles';
  /** Features expected on the map (0 = whatever ships). */
  features: number;
  /** Under dist-bench/, for synthetic data. */
  file?: string;
}

interface DatasetResult {
  name: string;
  label: string;
  kind: DatasetPlan['kind'];
  features: number;
  fileBytes?: number;
  samples: Partial<Record<Metric, number[]>>;
  summary: Partial<Record<Metric, Summary | null>>;
  /** setData ÷ app medians: how many times slower rebuilding the source is. */
  setDataRatio?: number | null;
  /** What a metric's failure was, or why the whole dataset failed (`dataset`). */
  errors: Partial<Record<Metric | 'dataset', string>>;
  notes: string[];
  /** How the first idle was timed on each load (see page.ts installProbe). */
  firstIdleHow: string[];
}

/** A wait that ran out: the page may be stuck, so the rest of its dataset is skipped. */
class StepTimeout extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StepTimeout(`${what}: no answer within ${Math.round(ms / 1000)} s`)),
        ms,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

const message = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';

const started = performance.now();
function log(text: string): void {
  const s = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[${s} s] ${text}`);
}

// --- Files ---------------------------------------------------------------------------------

function measureAssets(): Record<AssetGroup, AssetSize> {
  const dir = join(DIST, 'assets');
  const firstVisit = firstVisitScripts(readFileSync(join(DIST, 'index.html'), 'utf8'));
  return assetSizes(
    readdirSync(dir)
      .filter((name) => /\.(m?js|css)$/.test(name))
      .map((name) => {
        const content = readFileSync(join(dir, name));
        return { name, raw: content.length, gzip: gzipSize(content) };
      }),
    firstVisit,
  );
}

/** Streams a FeatureCollection to disk, so a million features never sit in one string. */
async function writeCollection(
  path: string,
  features: Iterable<ParkFeatureInput>,
): Promise<number> {
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{"type":"FeatureCollection","features":[\n');
  let batch: string[] = [];
  let first = true;
  for (const f of features) {
    batch.push(JSON.stringify(f));
    if (batch.length === 2000) {
      await write((first ? '' : ',\n') + batch.join(',\n'));
      first = false;
      batch = [];
    }
  }
  if (batch.length > 0) await write((first ? '' : ',\n') + batch.join(',\n'));
  await write('\n]}\n');
  out.end();
  await once(out, 'finish');
  return bytes;
}

function plans(args: BenchArgs): DatasetPlan[] {
  const out: DatasetPlan[] = [
    { name: 'default', label: 'embedded data', kind: 'default', features: 0 },
  ];
  for (const n of args.sizes) {
    const tiles = n >= TILES_FROM;
    out.push({
      name: `points-${sizeLabel(n)}`,
      label: `${sizeLabel(n)} points${tiles ? ' (tiles)' : ''}`,
      kind: tiles ? 'tiles' : 'points',
      features: n,
      file: `bench/points-${sizeLabel(n)}.${tiles ? 'pmtiles' : 'geojson'}`,
    });
  }
  if (args.polygons > 0) {
    out.push({
      name: `polygons-${sizeLabel(args.polygons)}`,
      label: `${sizeLabel(args.polygons)} polygons`,
      kind: 'polygons',
      features: args.polygons,
      file: `bench/polygons-${sizeLabel(args.polygons)}.geojson`,
    });
  }
  return out;
}

/** Writes the dataset's file unless it is there already (the build empties its directory). */
async function ensureFile(plan: DatasetPlan): Promise<number | undefined> {
  if (!plan.file) return undefined;
  const path = join(DIST, plan.file);
  if (existsSync(path)) return statSync(path).size;
  const t0 = performance.now();
  if (plan.kind === 'tiles') {
    // The archive builder in its own process: 1M points peak near 2 GB (scripts/tiles/build.ts).
    log(`building ${OUT_DIR}/${plan.file} (npm run data:tiles, about 2 min per million)…`);
    await execFileAsync(
      process.execPath,
      [
        '--max-old-space-size=4096',
        '--import',
        'tsx',
        'scripts/tiles/build.ts',
        '--points',
        String(plan.features),
        '--seed',
        String(POINTS_SEED),
        '--out',
        path,
      ],
      { cwd: ROOT, maxBuffer: 16 * MB },
    );
    const bytes = statSync(path).size;
    log(
      `wrote ${OUT_DIR}/${plan.file}: ${formatNumber(bytes / MB)} MB in ${formatNumber((performance.now() - t0) / 1000)} s`,
    );
    return bytes;
  }
  const features =
    plan.kind === 'polygons'
      ? polygonFeatures(plan.features, POLYGONS_SEED)
      : pointFeatures(plan.features, POINTS_SEED);
  const bytes = await writeCollection(path, features);
  log(
    `wrote ${OUT_DIR}/${plan.file}: ${formatNumber(bytes / MB)} MB in ${formatNumber((performance.now() - t0) / 1000)} s`,
  );
  return bytes;
}

// --- In the browser -------------------------------------------------------------------------

/** Timeouts grow with the data: loading parses and validates every feature. */
const loadTimeout = (n: number): number => Math.min(300_000, 60_000 + n * 2);
const stepTimeout = (n: number): number => Math.min(120_000, 20_000 + n * 0.6);

async function openPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  // No request routing: intercepting would add a round trip to node per request and skew loads.
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  // tsx (esbuild keepNames) wraps named functions in `__name(fn, "name")`; the page functions
  // are serialised with those calls in them, so the page needs a no-op __name of its own.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await context.addInitScript(inPage.installProbe);
  const page = await context.newPage();
  return { context, page };
}

async function loadOnce(
  page: Page,
  url: string,
  plan: DatasetPlan,
  timeout: number,
): Promise<{ idleAt: number; how: string }> {
  await page.goto(url, { timeout, waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench?.firstIdleAt !== undefined, null, {
    timeout,
    polling: 100,
  });
  const loaded = await withTimeout(page.evaluate(inPage.inspectLoaded), timeout, 'inspect');
  if (loaded.firstIdleAt === null) throw new Error('no first idle recorded');
  const onMap = plan.kind === 'polygons' ? loaded.sources.zones : loaded.sources.points;
  // From tiles, the points drawn are those of the tiles in view (capped per tile): some, not all.
  const expected = plan.kind === 'tiles' ? (onMap ?? 0) > 0 : onMap === plan.features;
  if (plan.features > 0 && !expected) {
    const why = loaded.alerts.length > 0 ? `; the page says: ${loaded.alerts.join(' | ')}` : '';
    throw new Error(`the map holds ${onMap ?? 0} of ${plan.features} features${why}`);
  }
  return { idleAt: loaded.firstIdleAt, how: loaded.firstIdleHow ?? '?' };
}

function push(r: DatasetResult, metric: Metric, value: number | null | undefined): void {
  if (value === null || value === undefined || !Number.isFinite(value)) return;
  (r.samples[metric] ??= []).push(value);
}

/** Runs one measurement; a timeout is rethrown (the page may be stuck), other errors recorded. */
async function attempt(r: DatasetResult, metric: Metric, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    r.errors[metric] = e instanceof StepTimeout ? `timeout (${message(e)})` : message(e);
    if (e instanceof StepTimeout) throw e;
  }
}

async function interactions(
  page: Page,
  plan: DatasetPlan,
  r: DatasetResult,
  runs: number,
  timeout: number,
): Promise<void> {
  const step = <T>(what: string, p: Promise<T>): Promise<T> => withTimeout(p, timeout, what);

  if (plan.kind !== 'polygons') {
    let code: string | null = null;
    let compareSetData = true;
    await attempt(r, 'filterState', async () => {
      if (plan.kind === 'tiles') {
        // No GeoJSON to rebuild: the point of tiles is that 1M points never are one.
        code = commonIndustry();
        compareSetData = false;
        r.notes.push(
          `filter: industry "${code}"; setData: not applicable (1M points cannot be one GeoJSON source)`,
        );
      } else {
        const prepared = await step(
          'prepare setData',
          page.evaluate(inPage.prepareSetData, {
            sourceId: 'points',
            dataUrl: plan.file ? `/${plan.file}` : null,
          }),
        );
        code = prepared.code;
        if (!code) throw new Error('no feature has an industry');
        r.notes.push(
          `filter: industry "${code}" shows ${prepared.filtered} of ${prepared.full} points`,
        );
        if (prepared.own)
          r.notes.push('setData: on a GeoJSON source + circle layer added for the comparison');
      }
      for (let i = 0; i < runs; i++) {
        const codes = i % 2 === 0 ? [code] : [];
        const t = await step('industry toggle', page.evaluate(inPage.timeIndustryToggle, codes));
        push(r, 'filterState', t.ms);
        push(r, 'longtaskState', await page.evaluate(inPage.longestTaskSince, t.t0));
      }
      if (runs % 2 === 1) await step('filter off', page.evaluate(inPage.timeIndustryToggle, []));
    });
    if (code && compareSetData) {
      await attempt(r, 'filterSetData', async () => {
        await step('show setData layer', page.evaluate(inPage.showSetData));
        for (let i = 0; i < runs; i++) {
          const t = await step('setData', page.evaluate(inPage.timeSetData, i % 2 === 0));
          push(r, 'filterSetData', t.ms);
          push(r, 'longtaskSetData', await page.evaluate(inPage.longestTaskSince, t.t0));
        }
        if (runs % 2 === 1) await step('restore data', page.evaluate(inPage.timeSetData, false));
        await step('drop setData layer', page.evaluate(inPage.dropSetData));
      });
    }
  }

  await attempt(r, 'choropleth', async () => {
    const field = await step(
      'choropleth field',
      page.evaluate(inPage.setChoroplethField, CHOROPLETH_FIELD),
    );
    if (field !== CHOROPLETH_FIELD)
      throw new Error(`the app did not take field ${CHOROPLETH_FIELD}`);
    for (let i = 0; i < runs; i++) {
      const method: 'quantile' | 'jenks' = i % 2 === 0 ? 'jenks' : 'quantile';
      const t = await step('choropleth method', page.evaluate(inPage.timeChoroplethMethod, method));
      push(r, 'choropleth', t.ms);
    }
  });

  await attempt(r, 'search', async () => {
    // The index is built after the map (pinyin-pro loads lazily): wait until a query finds
    // something before timing keystrokes.
    await page.fill(SEARCH_INPUT, '', { timeout });
    await page.keyboard.type(SEARCH_KEY);
    await page.waitForSelector('[role=search] [role=option]', { timeout, state: 'attached' });
    for (let i = 0; i < runs; i++) {
      await page.fill(SEARCH_INPUT, '', { timeout });
      await page.evaluate(inPage.armSearch, timeout);
      await page.keyboard.type(SEARCH_KEY);
      const t = await step('search', page.evaluate(inPage.awaitSearch));
      push(r, 'search', t.painted);
      if (t.shown === 'empty') r.notes.push(`search "${SEARCH_KEY}": no results`);
    }
    await page.fill(SEARCH_INPUT, '', { timeout });
  });
}

async function benchDataset(
  browser: Browser,
  server: AppServer,
  plan: DatasetPlan,
  runs: number,
): Promise<DatasetResult> {
  const r: DatasetResult = {
    name: plan.name,
    label: plan.label,
    kind: plan.kind,
    features: plan.features,
    samples: {},
    summary: {},
    errors: {},
    notes: [],
    firstIdleHow: [],
  };
  const param = plan.kind === 'tiles' ? 'tiles' : 'data';
  const url = new URL(plan.file ? `?${param}=/${plan.file}` : '', server.url).href;
  const pageErrors = new Set<string>();
  const tLoad = loadTimeout(plan.features);
  const tStep = stepTimeout(plan.features);
  try {
    r.fileBytes = await ensureFile(plan);
    for (let run = 0; run < runs; run++) {
      const { context, page } = await openPage(browser);
      page.on('pageerror', (e) => pageErrors.add(message(e)));
      try {
        const loaded = await withTimeout(loadOnce(page, url, plan, tLoad), tLoad + 10_000, 'load');
        push(r, 'load', loaded.idleAt);
        r.firstIdleHow.push(loaded.how);
        await attempt(r, 'heapMain', async () => {
          const heap = await measureHeap(page, tStep);
          const workers = heap.workers.reduce((a, b) => a + b, 0);
          push(r, 'heapMain', heap.main);
          push(r, 'heapWorkers', workers);
          push(r, 'heapTotal', heap.main === null ? null : heap.main + workers);
          if (run === 0) r.notes.push(`workers: ${heap.workers.length}`);
        });
        if (run === runs - 1) await interactions(page, plan, r, runs, tStep);
      } finally {
        await withTimeout(context.close(), 30_000, 'close page').catch(() => {});
      }
      log(`${plan.name}: run ${run + 1}/${runs} done`);
    }
  } catch (e) {
    r.errors.dataset = e instanceof StepTimeout ? `timeout: ${message(e)}` : message(e);
    log(`${plan.name}: FAILED — ${r.errors.dataset}`);
  }
  for (const e of [...pageErrors].slice(0, 3)) r.notes.push(`uncaught error in the page: ${e}`);
  for (const metric of METRICS) r.summary[metric] = summarize(r.samples[metric] ?? []);
  r.setDataRatio = ratio(r.summary.filterSetData ?? null, r.summary.filterState ?? null);
  return r;
}

// --- Report ---------------------------------------------------------------------------------

const ROWS: { metric: Metric; label: string; unit: string; scale: number }[] = [
  { metric: 'load', label: 'load → first idle', unit: 'ms', scale: 1 },
  { metric: 'heapMain', label: 'JS heap, main thread', unit: 'MB', scale: MB },
  { metric: 'heapWorkers', label: 'JS heap, workers', unit: 'MB', scale: MB },
  { metric: 'heapTotal', label: 'JS heap, total', unit: 'MB', scale: MB },
  { metric: 'filterState', label: 'filter → idle (the app)', unit: 'ms', scale: 1 },
  { metric: 'filterSetData', label: 'filter → idle (setData)', unit: 'ms', scale: 1 },
  { metric: 'longtaskState', label: 'longest task, filter (the app)', unit: 'ms', scale: 1 },
  { metric: 'longtaskSetData', label: 'longest task, filter (setData)', unit: 'ms', scale: 1 },
  { metric: 'choropleth', label: 'choropleth method → idle', unit: 'ms', scale: 1 },
  { metric: 'search', label: 'search keystroke → results shown', unit: 'ms', scale: 1 },
];

const LONG_TASKS = new Set<Metric>(['longtaskState', 'longtaskSetData']);

function cell(r: DatasetResult, metric: Metric, unit: string, scale: number): string {
  const s = r.summary[metric] ?? null;
  if (s && LONG_TASKS.has(metric) && s.max === 0) return 'none ≥ 50 ms';
  if (s) return formatSummary(s, unit, scale);
  const error =
    r.errors[metric] ??
    (metric === 'heapWorkers' || metric === 'heapTotal' ? r.errors.heapMain : undefined);
  if (error) return error.startsWith('timeout') ? 'TIMEOUT' : 'ERROR';
  if (r.errors.dataset) return metric === 'load' ? 'FAILED' : '';
  return '—';
}

function report(results: DatasetResult[], assets: Record<AssetGroup, AssetSize>): string {
  const assetRows = (Object.entries(assets) as [AssetGroup, AssetSize][])
    .filter(([, a]) => a.files.length > 0)
    .map(([group, a]) => [
      group,
      `${formatNumber(a.gzip / KB)} KB`,
      `${formatNumber(a.raw / KB)} KB`,
      a.files.join(', '),
    ]);
  // What every visit downloads before the map draws; the rest loads on demand (#6's 480 KB budget).
  const initial = [assets.main, assets.worker];
  assetRows.push([
    'main + worker',
    `${formatNumber(initial.reduce((n, a) => n + a.gzip, 0) / KB)} KB`,
    `${formatNumber(initial.reduce((n, a) => n + a.raw, 0) / KB)} KB`,
    'loaded on every visit; the others load on demand',
  ]);
  const lines = [formatTable(['shipped', 'gzip -9', 'raw', 'files'], assetRows), ''];

  const header = ['', ...results.map((r) => r.label)];
  const rows: string[][] = [
    ['features', ...results.map((r) => (r.features > 0 ? String(r.features) : 'as shipped'))],
    [
      'file',
      ...results.map((r) =>
        r.fileBytes === undefined ? '' : `${formatNumber(r.fileBytes / MB)} MB`,
      ),
    ],
    ...ROWS.map((row) => [
      row.label,
      ...results.map((r) => cell(r, row.metric, row.unit, row.scale)),
    ]),
    [
      'setData ÷ the app',
      ...results.map((r) => (r.setDataRatio ? `${formatNumber(r.setDataRatio)}×` : '—')),
    ],
  ];
  lines.push(formatTable(header, rows));
  lines.push('', 'median [min–max] over the runs; heap after a forced GC.');
  for (const r of results) {
    for (const [what, error] of Object.entries(r.errors))
      lines.push(`${r.label}: ${what} failed: ${error}`);
    for (const note of r.notes) lines.push(`${r.label}: ${note}`);
  }
  return lines.join('\n');
}

// --- Main -----------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const buildInfo = await ensureBuild(args.build, log);
  const assets = measureAssets();
  const datasets = plans(args);
  // Fresh files every run: a file left by --keep may come from an older generator.
  rmSync(BENCH_DIR, { recursive: true, force: true });
  for (const plan of datasets) await ensureFile(plan);

  let server: AppServer | undefined;
  let browser: Browser | undefined;
  const results: DatasetResult[] = [];
  try {
    server = await startServer(true, OUT_DIR);
    // Exact heap figures: without the flag performance.memory is quantised.
    browser = await launchChromium(['--enable-precise-memory-info']);
    log(`serving ${relative(ROOT, DIST)}/ at ${server.url}, Chromium ${browser.version()}`);
    for (const plan of datasets) {
      log(`${plan.name}: ${args.runs} runs…`);
      results.push(await benchDataset(browser, server, plan, args.runs));
    }
    let imported: ImportBenchResult | null = null;
    if (args.importMb > 0) {
      const runs = Math.min(args.runs, 3);
      log(`import: a ${args.importMb} MB CSV through the file picker, ${runs} runs…`);
      mkdirSync(BENCH_DIR, { recursive: true });
      imported = await benchImport(browser, server.url, BENCH_DIR, args.importMb, runs);
    }
    const date = new Date().toISOString();
    const output = {
      date,
      args,
      machine: {
        cpu: os.cpus()[0]?.model ?? 'unknown',
        cpus: os.cpus().length,
        memoryBytes: os.totalmem(),
        os: `${os.platform()} ${os.release()}`,
        node: process.version,
        chromium: browser.version(),
      },
      build: buildInfo,
      assets,
      datasets: results,
      import: imported,
    };
    console.log(`\n${report(results, assets)}\n`);
    if (imported) console.log(`${importReport(imported)}\n`);
    const outPath = resolve(ROOT, args.out);
    const dated = join(dirname(outPath), `${date.replace(/:/g, '-')}.json`);
    for (const path of [dated, outPath]) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `${JSON.stringify(output, null, 2)}\n`);
    }
    log(`wrote ${relative(ROOT, dated)} and ${relative(ROOT, outPath)}`);
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    if (!args.keep) rmSync(BENCH_DIR, { recursive: true, force: true });
  }
}

function importReport(r: ImportBenchResult): string {
  const median = (xs: readonly number[]) => formatSummary(summarize(xs), 'ms');
  const head = `import of a ${(r.fileBytes / MB).toFixed(1)} MB CSV (${formatNumber(r.rows)} rows) through the file picker`;
  if (r.error) return `${head}: failed: ${r.error}`;
  const heap = r.heapMainBytes.filter((x): x is number => x !== null).map((b) => b / MB);
  return formatTable(
    [head, ''],
    [
      ['choose → layer listed and drawn', median(r.importMs)],
      ['longest main-thread task meanwhile', median(r.longestTaskMs)],
      [
        'JS heap, main thread, after',
        heap.length ? `${formatSummary(summarize(heap), 'MB')}` : '—',
      ],
    ],
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
