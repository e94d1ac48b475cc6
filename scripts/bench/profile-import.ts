/**
 * Where the page's main thread spends the import of a big CSV (#16 point 2): the app built
 * unminified into dist-profile/, the file chosen in its picker, a CPU profile of the page from
 * the layer built on (or from choosing, `choose`), and the self and total time per function
 * while it ran, with the long tasks (> 50 ms). `tsx scripts/bench/profile-import.ts [MB=50]
 * [index|choose]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { launchChromium, startServer } from '../../test/e2e/harness.ts';
import { ROOT } from './generate.ts';
import { writeCsv } from './import.ts';
import * as inPage from './page.ts';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

function selfTimes(p: Profile, top = 25): [string, number][] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const ms = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    const key = `${f?.functionName || '(anon)'} ${f?.url.split('/').pop()}:${f?.lineNumber}`;
    ms.set(key, (ms.get(key) ?? 0) + (p.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return [...ms].sort((a, b) => b[1] - a[1]).slice(0, top);
}

/** Inclusive time per function: each sample counts once for every distinct frame on its stack. */
function totalTimes(p: Profile, top = 30): [string, number][] {
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const ms = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      seen.add(`${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`);
    }
    for (const k of seen) ms.set(k, (ms.get(k) ?? 0) + (p.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return [...ms].sort((a, b) => b[1] - a[1]).slice(0, top);
}

/**
 * Runs of samples with no idle between them over `minMs` (a task, roughly), each with its
 * heaviest functions by self time.
 */
function bursts(p: Profile, minMs = 80): string[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  let run: { at: number; ms: number; self: Map<string, number> } | null = null;
  let t = 0;
  const flush = () => {
    if (run && run.ms >= minMs) {
      const top = [...run.self].sort((a, b) => b[1] - a[1]).slice(0, 6);
      const list = top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join('; ');
      out.push(`${run.ms.toFixed(0)} ms at +${run.at.toFixed(0)}: ${list}`);
    }
    run = null;
  };
  p.samples.forEach((id, i) => {
    const d = (p.timeDeltas[i + 1] ?? 0) / 1000;
    t += (p.timeDeltas[i] ?? 0) / 1000;
    const f = byId.get(id)?.callFrame;
    if (f?.functionName === '(idle)') return flush();
    run ??= { at: t, ms: 0, self: new Map() };
    run.ms += d;
    const k = `${f?.functionName || '(anon)'}:${f?.lineNumber}`;
    run.self.set(k, (run.self.get(k) ?? 0) + d);
  });
  flush();
  return out;
}

const mb = Number(process.argv[2] ?? 50);
const fromChoosing = process.argv[3] === 'choose';
const out = 'dist-profile';
await build({
  root: ROOT,
  logLevel: 'warn',
  build: { outDir: out, emptyOutDir: true, minify: false },
});
const dir = mkdtempSync(join(tmpdir(), 'profile-import-'));
const csv = join(dir, 'import.csv');
await writeCsv(csv, mb * 1024 * 1024);
const server = await startServer(true, out);
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await context.addInitScript(inPage.installProbe);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.parkAtlas !== undefined, null, { timeout: 120_000 });
  await page.waitForSelector('[data-testid=import-panel]');
  await page.evaluate(() => window.parkAtlas?.controller.whenIdle());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  if (fromChoosing) await cdp.send('Profiler.start');
  const t0 = await page.evaluate(() => performance.now());
  await page.setInputFiles('[data-testid=import-input]', csv);
  // From the index phase on (the layer built in the worker): the answer, the map, the list.
  await page.waitForFunction(() => window.parkAtlasImports?.job?.progress.phase === 'index', null, {
    timeout: 300_000,
    polling: 20,
  });
  if (!fromChoosing) await cdp.send('Profiler.start');
  await page.waitForSelector('[data-testid=import-panel] .layers li', { timeout: 300_000 });
  await page.evaluate(() => window.parkAtlas?.controller.whenIdle());
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const t1 = await page.evaluate(() => performance.now());
  const tasks = await page.evaluate(() => {
    window.__bench?.flush();
    return (window.__bench?.longtasks ?? []).map((t) => [t.start, t.duration]);
  });
  console.log(`choose → drawn ${(t1 - t0).toFixed(0)} ms`);
  console.log(
    'long tasks [ms after choosing, ms]:',
    tasks.map(([s, d]) => [Math.round(s! - t0), Math.round(d!)]),
  );
  console.log('busy runs over 80 ms (ms after the profile began):');
  for (const b of bursts(profile)) console.log(`  ${b}`);
  console.log('self ms:');
  for (const [k, v] of selfTimes(profile)) console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`);
  console.log('total ms:');
  for (const [k, v] of totalTimes(profile)) console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
