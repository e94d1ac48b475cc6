/**
 * Where an industry toggle's time goes, by thread: a Chrome trace (CDP Tracing) around four
 * toggles on the built app, summed per thread and event name. This is how the GPU process
 * (SwiftShader) was found to be the bottleneck, and MSAA its largest avoidable cost.
 *
 *   npm run bench -- --keep && npx tsx scripts/bench/trace-toggle.ts bench/points-100k.geojson [app|ctl]
 *
 * It serves the benchmark's build, dist-bench/, where `npm run bench -- --keep` leaves the data.
 * `app` toggles through the app's state (Svelte, list, map); `ctl` calls the map controller only.
 */
import { launchChromium, startServer } from '../../test/e2e/harness.ts';
const file = process.argv[2] ?? 'bench/points-100k.geojson';
const mode = process.argv[3] ?? 'app';
const server = await startServer(true, 'dist-bench');
const browser = await launchChromium(['--enable-precise-memory-info']);
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
await page.goto(new URL(`?data=/${file}`, server.url).href);
await page.waitForFunction(() => window.parkAtlas !== undefined, null, { timeout: 120000 });
await page.evaluate(() => window.parkAtlas!.controller.whenIdle());
await page.waitForTimeout(2000);
const cdp = await browser.newBrowserCDPSession();
const events: {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}[] = [];
// Playwright types only page-level CDP events; these are the browser session's tracing events.
const on = cdp.on.bind(cdp) as unknown as (event: string, listener: (e: unknown) => void) => void;
on('Tracing.dataCollected', (e) => events.push(...(e as { value: typeof events }).value));
const done = new Promise<void>((r) => on('Tracing.tracingComplete', () => r()));
await cdp.send('Tracing.start', {
  traceConfig: {
    includedCategories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8',
      'gpu',
      'blink',
      'cc',
      'toplevel',
      '__metadata',
    ],
  },
  transferMode: 'ReportEvents',
});
const times: number[] = [];
for (let i = 0; i < 4; i++) {
  times.push(
    await page.evaluate(
      async ([on, m]) => {
        const pa = window.parkAtlas!;
        const c = on ? ['biomedicine'] : [];
        const t0 = performance.now();
        if (m === 'app') pa.app.industries = c;
        else pa.controller.setIndustries(c);
        await pa.controller.whenIdle();
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        return performance.now() - t0;
      },
      [i % 2 === 0, mode] as const,
    ),
  );
}
await cdp.send('Tracing.end');
await done;
const threads = new Map<string, string>();
for (const e of events)
  if (e.ph === 'M' && e.name === 'thread_name')
    threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
const sums = new Map<string, number>();
for (const e of events) {
  if (e.ph !== 'X' || !e.dur) continue;
  const key = `${threads.get(`${e.pid}:${e.tid}`) ?? e.tid} | ${e.name}`;
  sums.set(key, (sums.get(key) ?? 0) + e.dur / 1000);
}
console.log(`mode ${mode}: toggles ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 40))
  console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
await browser.close();
await server.close();
