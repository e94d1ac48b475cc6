/**
 * The benchmarks' own build of the app, dist-bench/: a `vite build` into dist/ elsewhere does not
 * pull it away mid-run. Rebuilt only when something it is built from is newer.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT } from './generate.ts';

export const OUT_DIR = 'dist-bench';
export const DIST = join(ROOT, OUT_DIR);

const BUILD_INPUTS = [
  'src',
  'data',
  'public',
  'index.html',
  'vite.config.ts',
  'svelte.config.js',
  'package.json',
  'package-lock.json',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why dist-bench/ must be rebuilt, or null when it is newer than everything it is built from. */
function buildReason(force: boolean): string | null {
  if (force) return '--build';
  const index = join(DIST, 'index.html');
  if (!existsSync(index)) return 'dist-bench/ is missing';
  const built = statSync(index).mtimeMs;
  const stale = BUILD_INPUTS.find((p) => newestMtime(join(ROOT, p)) > built);
  return stale ? `${stale} is newer than dist-bench/` : null;
}

export interface BuildInfo {
  rebuilt: boolean;
  reason: string | null;
  ms: number;
}

export async function ensureBuild(force: boolean, log: (text: string) => void): Promise<BuildInfo> {
  const reason = buildReason(force);
  if (!reason) return { rebuilt: false, reason: null, ms: 0 };
  log(`building the app (${reason})…`);
  const t0 = performance.now();
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
  return { rebuilt: true, reason, ms: performance.now() - t0 };
}
