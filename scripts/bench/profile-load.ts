/**
 * What the app's first draw is spent on (#16 point 2, navigation → first draw): one fresh load
 * of the built app traced by Chromium (devtools.timeline), printed as a timeline of the page's
 * main thread — what each stretch of it ran (script compile, evaluation, GC, style, paint, the
 * map's frames) — beside the requests (when each started and ended) and the app's milestones.
 *
 *   npx tsx scripts/bench/profile-load.ts [--n 0|1000|…] [--dist dist-profile] [--build]
 *        [--no-minify] [--bucket 250]
 *
 * --n 0 (the default) opens the embedded data; --n N writes `pointFeatures(N)` (./generate.ts)
 * into the build and opens it by `?data=`, as `npm run bench` does. The load ends at the map's
 * first `idle` after the app is ready.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { launchChromium, startServer } from '../../test/e2e/harness.ts';
import { ROOT, pointFeatures } from './generate.ts';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '0' },
    dist: { type: 'string', default: 'dist-profile' },
    build: { type: 'boolean', default: false },
    'no-minify': { type: 'boolean', default: false },
    bucket: { type: 'string', default: '250' },
  },
});
const n = Number(values.n);
const dist = values.dist;
const bucketMs = Number(values.bucket);

if (values.build || !existsSync(resolve(ROOT, dist, 'index.html'))) {
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: dist, emptyOutDir: true, minify: !values['no-minify'] },
  });
}
let query = '';
if (n > 0) {
  mkdirSync(resolve(ROOT, dist, 'bench'), { recursive: true });
  writeFileSync(
    resolve(ROOT, dist, 'bench', `load-${n}.geojson`),
    JSON.stringify(pointFeatures(n, 1)),
  );
  query = `?data=/bench/load-${n}.geojson`;
}

/** The page's renderer main thread: the thread that ran the page's own document's parse. */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.ph === 'X');
  if (parse) return { pid: parse.pid, tid: parse.tid };
  const named = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!named) throw new Error('no renderer main thread in the trace');
  return { pid: named.pid, tid: named.tid };
}

/** What a slice counts as: its own name for the timeline's kinds, else the task's. */
const KINDS: Record<string, string> = {
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  CompileScript: 'compile',
  CompileCode: 'compile',
  'V8.CompileCode': 'compile',
  EvaluateScript: 'script',
  'v8.evaluateModule': 'script',
  FunctionCall: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  'V8.GC_SCAVENGER': 'gc',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GCFinalizeMC': 'gc',
  'BlinkGC.AtomicPhase': 'gc',
  ParseHTML: 'parse html',
  ParseAuthorStyleSheet: 'style',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  Paint: 'paint',
  PrePaint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
};

function timeline(events: TraceEvent[], t0: number, endMs: number): void {
  const { pid, tid } = mainThread(events);
  const slices = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const buckets = Math.ceil(endMs / bucketMs);
  // Per bucket, exclusive time per kind: each microsecond goes to the innermost known slice.
  const byBucket = Array.from({ length: buckets }, () => new Map<string, number>());
  const add = (from: number, to: number, kind: string) => {
    for (let at = Math.max(0, from); at < to;) {
      const b = Math.floor(at / bucketMs);
      if (b >= buckets) return;
      const next = Math.min(to, (b + 1) * bucketMs);
      byBucket[b]!.set(kind, (byBucket[b]!.get(kind) ?? 0) + (next - at));
      at = next;
    }
  };
  // Walk tasks (RunTask / ThreadControllerImpl::RunTask at the top) and their known children.
  const stack: { end: number; kind: string; cursor: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= until) {
      const top = stack.pop()!;
      add(top.cursor, top.end, top.kind);
      const parent = stack[stack.length - 1];
      if (parent) parent.cursor = top.end;
    }
  };
  for (const s of slices) {
    const start = (s.ts - t0) / 1000;
    const end = start + s.dur! / 1000;
    close(start);
    const parent = stack[stack.length - 1];
    const kind = KINDS[s.name] ?? (parent ? parent.kind : 'other task');
    if (parent) {
      add(parent.cursor, start, parent.kind);
      parent.cursor = start;
    }
    stack.push({ end, kind, cursor: start });
  }
  close(Infinity);
  console.log(`\nmain thread, ms busy per ${bucketMs} ms (exclusive, by kind):`);
  for (let b = 0; b < buckets; b++) {
    const m = byBucket[b]!;
    const busy = [...m.values()].reduce((a, c) => a + c, 0);
    const parts = [...m]
      .filter(([, v]) => v >= 3)
      .sort((a, c) => c[1] - a[1])
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', ');
    console.log(
      `  ${String(b * bucketMs).padStart(5)} ms: ${busy.toFixed(0).padStart(4)} busy  ${parts}`,
    );
  }
  const total = new Map<string, number>();
  for (const m of byBucket) for (const [k, v] of m) total.set(k, (total.get(k) ?? 0) + v);
  console.log(
    '  total:',
    [...total]
      .sort((a, c) => c[1] - a[1])
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', '),
  );
}

function requests(events: TraceEvent[], t0: number): void {
  const sent = new Map<string, { url: string; at: number }>();
  const rows: string[] = [];
  for (const e of events) {
    const data = e.args?.data;
    if (!data) continue;
    if (e.name === 'ResourceSendRequest')
      sent.set(String(data.requestId), { url: String(data.url), at: (e.ts - t0) / 1000 });
    if (e.name === 'ResourceFinish') {
      const s = sent.get(String(data.requestId));
      // data: URLs (MapLibre's control icons) are no request.
      if (!s || s.url.startsWith('data:')) continue;
      const path = new URL(s.url).pathname.replace(/^\/assets\//, '');
      rows.push(
        `  ${s.at.toFixed(0).padStart(6)} → ${((e.ts - t0) / 1000).toFixed(0).padStart(6)} ms  ${path}`,
      );
    }
  }
  console.log('\nrequests (sent → finished, ms after navigation):');
  for (const r of rows) console.log(r);
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
  endTime: number;
}

/**
 * Time per function per second of the load (the profile's end is the first idle): self time,
 * and inclusive time (each sample once for every distinct function on its stack).
 */
function functions(p: CpuProfile, idleMs: number, top = 12): void {
  const byId = new Map(p.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of p.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const total = p.timeDeltas.reduce((a, c) => a + c, 0) / 1000;
  const shift = idleMs - total;
  const self: Map<string, number>[] = [];
  const inclusive: Map<string, number>[] = [];
  const keyOf = (f: CpuProfile['nodes'][number]['callFrame']) =>
    `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
  let t = shift;
  p.samples.forEach((id, i) => {
    t += (p.timeDeltas[i] ?? 0) / 1000;
    const f = byId.get(id)?.callFrame;
    if (!f || f.functionName === '(idle)') return;
    const s = Math.max(0, Math.floor(t / 1000));
    const d = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const m = (self[s] ??= new Map());
    m.set(keyOf(f), (m.get(keyOf(f)) ?? 0) + d);
    const inc = (inclusive[s] ??= new Map());
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      seen.add(keyOf(byId.get(at)!.callFrame));
    for (const k of seen) inc.set(k, (inc.get(k) ?? 0) + d);
  });
  const list = (m: Map<string, number> | undefined) =>
    [...(m ?? [])].sort((a, c) => c[1] - a[1]).slice(0, top);
  console.log('\ntime by function, per second of the load (ms; self | inclusive):');
  self.forEach((m, s) => {
    console.log(`  ${s}–${s + 1} s:`);
    const a = list(m);
    const b = list(inclusive[s]);
    for (let i = 0; i < top; i++)
      console.log(
        `    ${(a[i]?.[1] ?? 0).toFixed(0).padStart(5)}  ${(a[i]?.[0] ?? '').slice(0, 60).padEnd(60)} | ${(b[i]?.[1] ?? 0).toFixed(0).padStart(5)}  ${b[i]?.[0] ?? ''}`,
      );
  });
}

const server = await startServer(true, dist);
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8',
      'v8.execute',
      'blink.user_timing',
      'loading',
      'navigation',
    ],
  });
  await page.goto(new URL(query, server.url).href);
  await page.waitForFunction(() => window.parkAtlas !== undefined, null, { timeout: 120_000 });
  const marks = await page.evaluate(async () => {
    const ready = performance.now();
    await window.parkAtlas?.controller.whenIdle();
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      domContentLoaded: nav.domContentLoadedEventEnd,
      ready,
      idle: performance.now(),
      user: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const),
    };
  });
  const buffer = await browser.stopTracing();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const { traceEvents } = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
  const navStart = traceEvents.find(
    (e) => e.name === 'navigationStart' || e.name === 'NavigationTiming',
  );
  const t0 = navStart?.ts ?? Math.min(...traceEvents.filter((e) => e.ts > 0).map((e) => e.ts));
  console.log(`${n > 0 ? `${n} points by ?data=` : 'embedded data'}, ${dist}`);
  console.log(
    `DOMContentLoaded ${marks.domContentLoaded.toFixed(0)} ms, app ready ${marks.ready.toFixed(0)} ms, first idle ${marks.idle.toFixed(0)} ms`,
  );
  for (const [name, at] of marks.user) console.log(`  mark ${name} ${at.toFixed(0)} ms`);
  requests(traceEvents, t0);
  timeline(traceEvents, t0, marks.idle);
  functions(profile, marks.idle);
  if (process.env.TRACE_OUT) writeFileSync(join(process.env.TRACE_OUT), buffer);
} finally {
  await browser.close();
  await server.close();
}
