/**
 * The 1M-point case through a PMTiles archive (`?tiles=`, #6), measured in Chromium:
 *
 *   npm run data:tiles -- --points 1m --seed 1 --out /tmp/points-1m.pmtiles
 *   npx vite build --outDir /tmp/tiles-dist --emptyOutDir
 *   tsx scripts/bench/tiles-1m.ts [--archive /tmp/points-1m.pmtiles] [--dist /tmp/tiles-dist] [--runs 5]
 *
 * Copies the archive into the build (bench/points-1m.pmtiles), serves it with Vite's preview
 * server (static files with HTTP range requests, as pmtiles needs), and per `--runs` fresh pages
 * times navigation → the map's first `idle`; on the last page, industry toggle → idle (the most
 * common industry, on and off, `--runs` times each), choropleth method → idle, and the JS heap of
 * the main thread and MapLibre's workers after a forced GC. Uses the benchmark's own in-page
 * probes (page.ts, heap.ts), so the figures compare with `npm run bench`'s.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServer } from '../../test/e2e/harness.ts';
import { commonIndustry } from './generate.ts';
import { measureHeap } from './heap.ts';
import * as inPage from './page.ts';
import { median } from './stats.ts';

const { values } = parseArgs({
  options: {
    archive: { type: 'string', default: '/tmp/points-1m.pmtiles' },
    dist: { type: 'string', default: '/tmp/tiles-dist' },
    runs: { type: 'string', default: '5' },
  },
});
const runs = Number(values.runs);
const dist = resolve(values.dist);
const TIMEOUT = 180_000;

async function open(browser: Browser, url: string): Promise<{ page: Page; idleAt: number }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
  });
  // tsx's keepNames wraps functions in __name(); the serialised probes need a no-op one.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await context.addInitScript(inPage.installProbe);
  const page = await context.newPage();
  await page.goto(url, { timeout: TIMEOUT, waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench?.firstIdleAt !== undefined, null, {
    timeout: TIMEOUT,
    polling: 100,
  });
  // Not page.ts inspectLoaded: it reads the points source's GeoJSON, and this one is vector.
  const loaded = await page.evaluate(() => ({
    alerts: [...document.querySelectorAll('[role=alert]')].map((e) => e.textContent ?? ''),
    firstIdleAt: window.__bench?.firstIdleAt ?? null,
  }));
  if (loaded.alerts.length > 0) throw new Error(`the page says: ${loaded.alerts.join(' | ')}`);
  if (loaded.firstIdleAt === null) throw new Error('no first idle');
  return { page, idleAt: loaded.firstIdleAt };
}

const ms = (xs: number[]) =>
  `${median(xs).toFixed(0)} ms [${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}]`;

async function main(): Promise<void> {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`${dist} has no build: npx vite build --outDir ${dist} --emptyOutDir`);
  mkdirSync(join(dist, 'bench'), { recursive: true });
  copyFileSync(values.archive, join(dist, 'bench', 'points-1m.pmtiles'));
  const server = await startServer(true, dist);
  const browser = await launchChromium(['--enable-precise-memory-info']);
  try {
    const url = `${server.url}?tiles=/bench/points-1m.pmtiles`;
    const loads: number[] = [];
    let page: Page | null = null;
    for (let i = 0; i < runs; i++) {
      if (page) await page.context().close();
      const opened = await open(browser, url);
      loads.push(opened.idleAt);
      page = opened.page;
    }
    if (!page) throw new Error('--runs must be at least 1');
    const drawn = await page.evaluate(() => {
      const map = window.parkAtlas!.controller.map;
      const layers = ['park', 'platform', 'project', 'enterprise'].map((k) => `points-${k}`);
      return new Set(map.queryRenderedFeatures({ layers }).map((f) => f.properties.id)).size;
    });
    const code = commonIndustry();
    const on: number[] = [];
    const off: number[] = [];
    for (let i = 0; i < runs; i++) {
      on.push((await page.evaluate(inPage.timeIndustryToggle, [code])).ms);
      off.push((await page.evaluate(inPage.timeIndustryToggle, [])).ms);
    }
    const field = await page.evaluate(inPage.setChoroplethField, 'total_investment');
    const jenks: number[] = [];
    const quantile: number[] = [];
    for (let i = 0; i < runs; i++) {
      jenks.push((await page.evaluate(inPage.timeChoroplethMethod, 'jenks' as const)).ms);
      quantile.push((await page.evaluate(inPage.timeChoroplethMethod, 'quantile' as const)).ms);
    }
    await page.evaluate(inPage.setChoroplethField, '');
    // Zoomed in over Jinan: the move, the points drawn there, and a selection's details read
    // from its tile of the last zoom (the app's own path: AppState → effect → getZxy → panel).
    const zoomed = await page.evaluate(async () => {
      const pa = window.parkAtlas!;
      const t0 = performance.now();
      pa.app.camera = { lng: 117.0, lat: 36.65, zoom: 10, bearing: 0, pitch: 0 };
      await pa.controller.whenIdle();
      const move = performance.now() - t0;
      const layers = ['park', 'platform', 'project', 'enterprise'].map((k) => `points-${k}`);
      const ids = pa.controller.map.queryRenderedFeatures({ layers }).map((f) => f.properties.id);
      const t1 = performance.now();
      pa.app.selected = String(ids[0]);
      await new Promise<void>((done) => {
        // The Details panel, or the message saying its details could not be read.
        const check = () =>
          document.querySelector('section.details, .details[role=alert]')
            ? done()
            : requestAnimationFrame(check);
        check();
      });
      const failed = document.querySelector('.details[role=alert]')?.textContent ?? null;
      return { move, drawn: new Set(ids).size, details: performance.now() - t1, failed };
    });
    const heap = await measureHeap(page);
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
    const workers = heap.workers.reduce((a, b) => a + b, 0);
    console.log(
      [
        `${url} — ${runs} runs, points drawn at the opening view: ${drawn}`,
        `navigation → first idle: ${ms(loads)}`,
        `industry ${code} on → idle: ${ms(on)}; off → idle: ${ms(off)}`,
        `choropleth (${field}) method → jenks → idle: ${ms(jenks)}; → quantile → idle: ${ms(quantile)}`,
        `move to zoom 10 over Jinan → idle: ${zoomed.move.toFixed(0)} ms, ${zoomed.drawn} points drawn; select one → details shown: ${zoomed.details.toFixed(0)} ms${zoomed.failed ? ` (FAILED: ${zoomed.failed})` : ''}`,
        `JS heap after GC: main ${heap.main === null ? '?' : mb(heap.main)}, workers ${mb(workers)} (${heap.workers.map(mb).join(', ')})` +
          (heap.main === null ? '' : `, total ${mb(heap.main + workers)}`),
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
