/**
 * The import benchmark (#12): a CSV of parks of about `mb` megabytes, opened through the file
 * picker of the built app as a user would, timed from choosing the file to its layer in the
 * list, with the longest main-thread task meanwhile (the work is the worker's: the page must
 * keep answering) and the main thread's heap after. Called by run.ts (`--import 50`, 0 skips).
 */
import { createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { mulberry32 } from './generate.ts';
import * as inPage from './page.ts';

export interface ImportBenchResult {
  fileBytes: number;
  rows: number;
  /** ms from setInputFiles to the layer listed, per run. */
  importMs: number[];
  /** Longest main-thread task (≥ 50 ms) during each import; 0 = none. */
  longestTaskMs: number[];
  /** Main-thread JS heap after the import (bytes), per run. */
  heapMainBytes: (number | null)[];
  error?: string;
}

/**
 * A seeded CSV of points over Shandong with a name, numbers and a category per row; the same
 * `targetBytes` always gives the same bytes (bench:peers --import hands it to kepler.gl too).
 */
export async function writeCsv(
  path: string,
  targetBytes: number,
): Promise<{ bytes: number; rows: number }> {
  const out = createWriteStream(path);
  // mulberry32: the LCG this used before (`seed * 1103515245` in doubles, past 2^53) lost bits
  // and cycled, so 592,000 rows stood on 7,235 positions; until 2026-12-04 the figures had that.
  const rand = mulberry32(7);
  const kinds = ['省级', '国家级', '市级', '县级'];
  let bytes = 0;
  let rows = 0;
  const header = '名称,经度,纬度,投资_亿元,面积_公顷,级别,备注\n';
  out.write(header);
  bytes += Buffer.byteLength(header);
  while (bytes < targetBytes) {
    let chunk = '';
    for (let i = 0; i < 2000; i++, rows++) {
      const lng = (114.8 + rand() * 7.9).toFixed(6);
      const lat = (34.4 + rand() * 4).toFixed(6);
      chunk += `测试园区${rows},${lng},${lat},${(rand() * 200).toFixed(2)},${(rand() * 5000).toFixed(1)},${kinds[rows % 4]},第${rows}行的说明文字\n`;
    }
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { bytes, rows };
}

/**
 * Opens the app at `url` (a context with inPage.installProbe), waits for its map and import
 * panel, then chooses `path` in the file picker: `t0` (performance.now() before choosing) and
 * the ms until the layer is listed and the map idle after it.
 */
export async function importThroughPicker(
  page: Page,
  url: string,
  path: string,
  timeoutMs = 600_000,
): Promise<{ t0: number; importMs: number }> {
  await page.goto(url);
  await page.waitForFunction(() => window.parkAtlas !== undefined, null, { timeout: 120_000 });
  await page.waitForSelector('[data-testid=import-panel]', { timeout: 60_000 });
  await page.evaluate(() => window.parkAtlas?.controller.whenIdle());
  const t0 = await page.evaluate(() => performance.now());
  await page.setInputFiles('[data-testid=import-input]', path);
  await page.waitForSelector('[data-testid=import-panel] .layers li', { timeout: timeoutMs });
  await page.evaluate(() => window.parkAtlas?.controller.whenIdle());
  const t1 = await page.evaluate(() => performance.now());
  return { t0, importMs: t1 - t0 };
}

export async function benchImport(
  browser: Browser,
  url: string,
  dir: string,
  mb: number,
  runs: number,
): Promise<ImportBenchResult> {
  const path = join(dir, `import-${mb}mb.csv`);
  const { bytes, rows } = await writeCsv(path, mb * 1024 * 1024);
  const result: ImportBenchResult = {
    fileBytes: bytes,
    rows,
    importMs: [],
    longestTaskMs: [],
    heapMainBytes: [],
  };
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
      await context.addInitScript(inPage.installProbe);
      const page = await context.newPage();
      try {
        const ms = await importThroughPicker(page, url, path);
        result.importMs.push(ms.importMs);
        result.longestTaskMs.push(await page.evaluate(inPage.longestTaskSince, ms.t0));
        result.heapMainBytes.push(await page.evaluate(inPage.mainHeap));
      } finally {
        await context.close();
      }
    }
  } catch (e) {
    result.error = e instanceof Error ? e.message : String(e);
  } finally {
    rmSync(path, { force: true });
  }
  return result;
}
