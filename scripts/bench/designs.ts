/**
 * `npm run bench:designs` — how long an industry-filter change takes to reach a drawn frame, for
 * four designs side by side (see designs-page.ts): A global-state filter, B setFilter,
 * C feature-state opacity, D a WebGL2 custom layer with a bitmask uniform. It asserts nothing.
 *
 *   tsx scripts/bench/designs.ts [--sizes 10k,100k] [--runs 5] [--designs A,B,C,D]
 *
 * Per size, seeded points from generate.ts (same seed as `npm run bench`), packed into compact
 * arrays and handed to one fresh page per design (scripts/bench/designs.html on a Vite dev
 * server on 127.0.0.1; MapLibre from node_modules, nothing else fetched). The page loads with
 * selection B, then `--runs` timed toggles alternate A, B, A… (odd runs end on A; an even count
 * gets one untimed toggle more). Then the points the design shows for A are counted in the page
 * and compared with the count computed here. Prints a table and writes
 * bench-results/designs-<timestamp>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServer, type AppServer } from '../../test/e2e/harness.ts';
import { defaultInputs, pointFeatures, ROOT } from './generate.ts';
import {
  formatNumber,
  formatSummary,
  formatTable,
  MB,
  parseSize,
  sizeLabel,
  summarize,
  type Summary,
} from './stats.ts';
import { codeIndex, countMatches, MASK_WORDS, packMask } from '../../src/lib/map/gpu/mask.ts';
import { measureHeap } from './heap.ts';
import type { Design, DesignData, ToggleTiming } from './designs-page.ts';

const DESIGNS: readonly Design[] = ['A', 'B', 'C', 'D'];
const DESIGN_NAMES: Record<Design, string> = {
  A: 'A global-state filter',
  B: 'B setFilter',
  C: 'C feature-state',
  D: 'D custom layer (uniform)',
};
const SEED = 1;
const VIEWPORT = { width: 1280, height: 800 };

interface Args {
  sizes: number[];
  runs: number;
  designs: Design[];
}

function parseDesignArgs(argv: readonly string[]): Args {
  const args: Args = { sizes: [1e4, 1e5], runs: 5, designs: [...DESIGNS] };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = (argv[i] ?? '').split('=', 2);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (!v) throw new Error(`${name} needs a value`);
      return v;
    };
    if (name === '--sizes') args.sizes = value().split(',').map(parseSize);
    else if (name === '--runs') {
      args.runs = Number(value());
      if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error('--runs must be ≥ 1');
    } else if (name === '--designs') {
      args.designs = value()
        .toUpperCase()
        .split(',')
        .map((d) => {
          if (!DESIGNS.includes(d as Design)) throw new Error(`unknown design "${d}"`);
          return d as Design;
        });
    } else throw new Error(`unknown argument "${argv[i]}"`);
  }
  return args;
}

interface Result {
  design: Design;
  points: number;
  loadMs?: number;
  idle: number[];
  frame: number[];
  summary: { idle: Summary | null; frame: Summary | null };
  longestTaskMs?: number;
  heap?: { main: number | null; workers: number[] };
  /** Points shown for the single-industry selection: in the page, and computed in Node. */
  shown?: number;
  expected: number;
  error?: string;
}

const started = performance.now();
const log = (text: string): void =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}`);

const message = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** The seeded points as the page wants them: compact arrays, industries as packed masks. */
function dataset(n: number): Omit<DesignData, 'design' | 'initial'> {
  const inputs = defaultInputs();
  const index = codeIndex(inputs.industries);
  const kinds: string[] = [];
  const lng: number[] = [];
  const lat: number[] = [];
  const kind: number[] = [];
  const masks = new Uint32Array(n * MASK_WORDS);
  let i = 0;
  for (const f of pointFeatures(n, SEED, inputs)) {
    const [x, y] = f.geometry.coordinates as [number, number];
    lng.push(x);
    lat.push(y);
    const k = String(f.properties.kind);
    if (!kinds.includes(k)) kinds.push(k);
    kind.push(kinds.indexOf(k));
    packMask(f.properties.industries as string[], index, masks, i * MASK_WORDS);
    i++;
  }
  return { codes: inputs.industries, kinds, lng, lat, kind, masks: [...masks], bbox: inputs.bbox };
}

async function benchDesign(
  browser: Browser,
  server: AppServer,
  design: Design,
  base: Omit<DesignData, 'design' | 'initial'>,
  selections: { one: string[]; other: string[] },
  expected: number,
  runs: number,
): Promise<Result> {
  const n = base.lng.length;
  const r: Result = {
    design,
    points: n,
    idle: [],
    frame: [],
    summary: { idle: null, frame: null },
    expected,
  };
  const stepMs = Math.min(180_000, 30_000 + n * 0.5);
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  // tsx wraps named functions in __name(); serialised page functions need a no-op one.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  const page: Page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(message(e)));
  page.on('console', (m) => {
    // Failed requests are reported below, with their URL.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      pageErrors.push(m.text().slice(0, 200));
  });
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (res.status() >= 400 && url.pathname !== '/favicon.ico')
      pageErrors.push(`HTTP ${res.status()} ${url.pathname}`);
  });
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.hostname !== '127.0.0.1' && url.protocol.startsWith('http'))
      pageErrors.push(`external request to ${url.host}`);
  });
  try {
    await page.goto(new URL('scripts/bench/designs.html', server.url).href, { timeout: 120_000 });
    await page.waitForFunction(() => window.__designs !== undefined, null, { timeout: 120_000 });
    const data: DesignData = { ...base, design, initial: selections.other };
    const loaded = await withTimeout(
      page.evaluate((d) => window.__designs!.setup(d), data),
      stepMs * 2,
      'setup',
    );
    r.loadMs = loaded.loadMs;
    r.heap = await measureHeap(page, stepMs).catch(() => undefined);
    let t0: number | undefined;
    let last: string[] = selections.other;
    for (let i = 0; i < runs; i++) {
      last = i % 2 === 0 ? selections.one : selections.other;
      const t: ToggleTiming = await withTimeout(
        page.evaluate((sel) => window.__designs!.toggle(sel), last),
        stepMs,
        `toggle ${i + 1}`,
      );
      t0 ??= t.t0;
      r.idle.push(t.idle);
      r.frame.push(t.frame);
    }
    if (t0 !== undefined)
      r.longestTaskMs = await page.evaluate((t) => window.__designs!.longestTaskSince(t), t0);
    if (last !== selections.one)
      await withTimeout(
        page.evaluate((sel) => window.__designs!.toggle(sel), selections.one),
        stepMs,
        'toggle',
      );
    r.shown = await withTimeout(
      page.evaluate(() => window.__designs!.count()),
      stepMs,
      'count',
    );
  } catch (e) {
    r.error = message(e);
  } finally {
    if (pageErrors.length > 0)
      r.error = [r.error, ...new Set(pageErrors)].filter(Boolean).join(' | ');
    r.summary = { idle: summarize(r.idle), frame: summarize(r.frame) };
    await context.close().catch(() => {});
  }
  return r;
}

function report(results: readonly Result[]): string {
  const header = [
    'design',
    'points',
    'load',
    'toggle → idle',
    'toggle → frame',
    'longest task',
    'heap main / workers',
    'shown (expected)',
  ];
  const ms = (x: number | undefined) => (x === undefined ? '—' : `${formatNumber(x)} ms`);
  const rows = results.map((r) => [
    DESIGN_NAMES[r.design],
    sizeLabel(r.points),
    ms(r.loadMs),
    formatSummary(r.summary.idle, 'ms'),
    formatSummary(r.summary.frame, 'ms'),
    r.longestTaskMs === 0 ? 'none' : ms(r.longestTaskMs),
    r.heap
      ? `${r.heap.main === null ? '?' : formatNumber(r.heap.main / MB)} / ${formatNumber(
          r.heap.workers.reduce((a, b) => a + b, 0) / MB,
        )} MB`
      : '—',
    r.shown === undefined ? '—' : `${r.shown} (${r.expected})${r.shown === r.expected ? '' : ' ✗'}`,
  ]);
  return formatTable(header, rows);
}

async function main(): Promise<void> {
  const args = parseDesignArgs(process.argv.slice(2));
  const codes = defaultInputs().industries;
  const index = codeIndex(codes);
  // The most common industry alone (checked), and the next two together.
  const selections = { one: codes.slice(0, 1), other: codes.slice(1, 3) };
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  const results: Result[] = [];
  try {
    server = await startServer(false);
    // Exact heap figures: without the flag performance.memory is quantised.
    browser = await launchChromium(['--enable-precise-memory-info']);
    log(
      `serving at ${server.url}, Chromium ${browser.version()}, load ${os.loadavg()[0]?.toFixed(2)}`,
    );
    for (const n of args.sizes) {
      const base = dataset(n);
      const expected = countMatches(base.masks, packMask(selections.one, index));
      const otherCount = countMatches(base.masks, packMask(selections.other, index));
      log(
        `${sizeLabel(n)} points: "${selections.one.join()}" shows ${expected}, "${selections.other.join()}" shows ${otherCount}`,
      );
      for (const design of args.designs) {
        log(`${DESIGN_NAMES[design]}, ${sizeLabel(n)}…`);
        const r = await benchDesign(browser, server, design, base, selections, expected, args.runs);
        results.push(r);
        if (r.error) log(`  error: ${r.error}`);
        if (r.shown !== undefined && r.shown !== r.expected)
          console.log(
            `MISMATCH: design ${design} at ${sizeLabel(n)} shows ${r.shown}, expected ${r.expected}`,
          );
      }
    }
    const table = report(results);
    console.log(`\n${table}\n`);
    const date = new Date().toISOString();
    const out = join(ROOT, 'bench-results', `designs-${date.replace(/:/g, '-')}.json`);
    mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(
      out,
      `${JSON.stringify(
        {
          date,
          args,
          selections,
          machine: {
            cpu: os.cpus()[0]?.model ?? 'unknown',
            cpus: os.cpus().length,
            loadavg: os.loadavg(),
            node: process.version,
            chromium: browser.version(),
          },
          results,
        },
        null,
        2,
      )}\n`,
    );
    log(`wrote ${relative(ROOT, out)}`);
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
