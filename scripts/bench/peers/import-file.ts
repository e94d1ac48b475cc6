/**
 * bench:peers `--import <MB>`: one seeded CSV (scripts/bench/import.ts's writer, the file
 * `npm run bench -- --import 50` imports) handed to the app's file picker and to kepler.gl's own
 * loader (pages/kepler-import.html: loadFiles, as its Add Data dialog), each in a fresh Chromium.
 * Per load: choosing the file → its points drawn, the longest main-thread task from choosing on
 * (PerformanceObserver 'longtask', inPage.installProbe), the JS heap after a forced GC (main +
 * workers, as every bench:peers heap) and the times of each tool's phases.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../../test/e2e/harness.ts';
import * as inPage from '../page.ts';
import { importThroughPicker, writeCsv } from '../import.ts';
import { measureHeap } from '../heap.ts';
import { MB } from '../stats.ts';
import type { ImportLoad, ImportTool } from './import-summary.ts';

/** The columns of import.ts's CSV that kepler's layer is given (the app detects them itself). */
export const CSV_COLUMNS = { lat: '纬度', lng: '经度', color: '投资_亿元' } as const;

interface PageState {
  phase: string;
  marks: Record<string, number>;
  drawnCount: number | null;
  error: string | null;
}
declare global {
  interface Window {
    __importPhases?: Record<string, number>;
  }
}

/**
 * In the app's page, before the file is chosen: every 10 ms, when each of the importer's phases
 * (its progress: read, parse, convert, validate, index) is first seen, when the layer is listed
 * (the worker's answer is in), when its points are on the map (GPU layer or GeoJSON source) and
 * when the worker has written it to IndexedDB (`kept`: it answers first and stores after).
 */
export function watchAppPhases(): void {
  const seen: Record<string, number> = {};
  window.__importPhases = seen;
  const timer = setInterval(() => {
    const now = performance.now();
    const imports = window.parkAtlasImports;
    const phase = imports?.job?.progress.phase;
    if (phase && seen[phase] === undefined) seen[phase] = now;
    const id = imports?.entries[0]?.summary.id;
    if (id === undefined) return;
    seen.listed ??= now;
    const map = window.parkAtlas?.controller.map;
    if (map?.getLayer(`user:${id}:gpu`) || map?.getSource(`user:${id}`)) seen.onMap ??= now;
    if (imports?.entries[0]?.storing === false) seen.kept ??= now;
    if (seen.onMap !== undefined && seen.kept !== undefined) clearInterval(timer);
  }, 10);
}

/** Main-thread tasks over 100 ms ending after `t0`: [start − t0, duration]. */
function tasksOver100(t0: number): [number, number][] {
  window.__bench?.flush();
  return (window.__bench?.longtasks ?? [])
    .filter((t) => t.duration > 100 && t.start + t.duration >= t0)
    .map((t): [number, number] => [Math.round(t.start - t0), Math.round(t.duration)]);
}

const since = (marks: Record<string, number>, t0: number) =>
  Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, v - t0]));

export async function measureAppImport(
  page: Page,
  rec: ImportLoad,
  appUrl: string,
  csv: string,
  timeoutMs: number,
): Promise<void> {
  await page.addInitScript(watchAppPhases);
  const { t0, importMs } = await importThroughPicker(page, appUrl, csv, timeoutMs);
  rec.totalMs = importMs;
  // The store after the answer: not in "drawn", but timed, and waited for before the tasks
  // and the heap are read.
  await page.waitForFunction(() => window.__importPhases?.kept !== undefined, null, {
    timeout: timeoutMs,
    polling: 100,
  });
  rec.longestTaskMs = await page.evaluate(inPage.longestTaskSince, t0);
  rec.longTasks = await page.evaluate(tasksOver100, t0);
  const marks = await page.evaluate(() => window.__importPhases ?? {});
  rec.phases = { ...since(marks, t0), drawn: importMs };
  rec.count = await page.evaluate(() => window.parkAtlasImports?.entries[0]?.summary.count ?? null);
}

export async function measureKeplerImport(
  page: Page,
  rec: ImportLoad,
  peersUrl: string,
  csv: string,
  timeoutMs: number,
): Promise<void> {
  const q = new URLSearchParams({ ...CSV_COLUMNS, timeout: String(timeoutMs) });
  await page.goto(`${peersUrl}/pages/kepler-import.html?${q}`);
  await page.waitForFunction(
    () => window.PEER && (window.PEER.state.phase === 'ready' || window.PEER.state.error),
    null,
    { timeout: 60_000, polling: 100 },
  );
  const ready = await state(page);
  if (ready?.error) throw new Error(ready.error);
  const t0 = await page.evaluate(() => performance.now());
  await page.setInputFiles('#file', csv);
  try {
    await page.waitForFunction(
      () => window.PEER && (window.PEER.state.phase === 'drawn' || window.PEER.state.error),
      null,
      { timeout: timeoutMs + 10_000, polling: 250 },
    );
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    throw new Error(
      /Timeout/i.test(text) ? `did not finish in ${Math.round(timeoutMs / 1000)} s` : text,
      { cause: e },
    );
  }
  const s = await state(page);
  if (s?.error) throw new Error(s.error);
  if (!s) throw new Error('no page state');
  rec.totalMs = (s.marks.drawn ?? NaN) - t0;
  rec.longestTaskMs = await page.evaluate(inPage.longestTaskSince, t0);
  rec.longTasks = await page.evaluate(tasksOver100, t0);
  rec.phases = since(s.marks, t0);
  rec.count = s.drawnCount;
}

const state = (page: Page): Promise<PageState | undefined> =>
  page.evaluate(() => (window as { PEER?: { state: PageState } }).PEER?.state);

export const MEASURE: Record<
  ImportTool,
  (page: Page, rec: ImportLoad, url: string, csv: string, timeoutMs: number) => Promise<void>
> = { 'app-import': measureAppImport, kepler: measureKeplerImport };

export interface ImportFileRun {
  mb: number;
  fileBytes: number;
  rows: number;
  timeoutMs: number;
  loads: ImportLoad[];
}

/**
 * Writes the CSV once and loads it `runs` times per tool, tools interleaved, each load in a
 * fresh Chromium; a load that fails (timeout, crash) is recorded with its error.
 */
export async function benchImportFile(opts: {
  mb: number;
  runs: number;
  tools: readonly ImportTool[];
  urls: Record<ImportTool, string>;
  dir: string;
  timeoutMs: number;
  log: (text: string) => void;
}): Promise<ImportFileRun> {
  const csv = join(opts.dir, `import-${opts.mb}mb.csv`);
  const { bytes, rows } = await writeCsv(csv, opts.mb * MB);
  opts.log(`import: ${(bytes / MB).toFixed(1)} MB CSV, ${rows} rows`);
  const loads: ImportLoad[] = [];
  try {
    for (let rep = 0; rep < opts.runs; rep++)
      for (const tool of opts.tools) {
        const rec: ImportLoad = {
          ...{ tool, rep, error: null, totalMs: null, longestTaskMs: null },
          ...{ heapMainMB: null, heapWorkersMB: null, phases: {}, count: null, longTasks: [] },
        };
        const browser = await launchChromium(['--enable-precise-memory-info']);
        try {
          const context = await browser.newContext({
            viewport: { width: 1280, height: 800 },
            deviceScaleFactor: 1,
          });
          await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
          await context.addInitScript(inPage.installProbe);
          const page = await context.newPage();
          await MEASURE[tool](page, rec, opts.urls[tool], csv, opts.timeoutMs);
          const heap = await measureHeap(page, 120_000);
          rec.heapMainMB = heap.main === null ? null : heap.main / MB;
          rec.heapWorkersMB = heap.workers.reduce((a, b) => a + b, 0) / MB;
        } catch (e) {
          rec.error =
            (e instanceof Error ? e.message : String(e)).split('\n')[0]?.slice(0, 300) ?? '';
        } finally {
          await browser.close().catch(() => {});
        }
        loads.push(rec);
        const heap = (rec.heapMainMB ?? 0) + (rec.heapWorkersMB ?? 0);
        const phases = Object.entries(rec.phases)
          .map(([k, v]) => `${k} ${v.toFixed(0)}`)
          .join(', ');
        opts.log(
          `import run ${rep + 1} ${tool}: ${rec.error ? `ERROR ${rec.error}` : `drawn ${rec.totalMs?.toFixed(0)} ms, longest task ${rec.longestTaskMs?.toFixed(0)} ms, heap ${heap.toFixed(1)} MB, ${rec.count} points; ${phases}; tasks over 100 ms [start, ms]: ${JSON.stringify(rec.longTasks)}`}`,
        );
      }
  } finally {
    rmSync(csv, { force: true });
  }
  return { mb: opts.mb, fileBytes: bytes, rows, timeoutMs: opts.timeoutMs, loads };
}
