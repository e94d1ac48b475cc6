/**
 * Drives the real app in Debian's Chromium: a Vite server on a free loopback port and a
 * playwright-core browser (../chromium.ts). Shared by the end-to-end tests and the benchmark.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, preview, type ViteDevServer, type PreviewServer } from 'vite';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumPath } from '../chromium.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the app from source (dev) or from a build (`built`, as users get it): dist/, or `outDir`
 * (relative to the repository) so a benchmark's build is not wiped by someone else's.
 */
export async function startServer(built = false, outDir = 'dist'): Promise<AppServer> {
  if (built) {
    const server: PreviewServer = await preview({
      root,
      build: { outDir },
      logLevel: 'error',
      preview: { port: 0, host: '127.0.0.1' },
    });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('preview server has no URL');
    return { url, close: () => server.close() };
  }
  const server: ViteDevServer = await createServer({
    root,
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false, watch: null },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('dev server has no URL');
  return { url, close: () => server.close() };
}

/** Debian's Chromium with the tests' flags; `extraArgs` for the benchmarks' additions. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, ...extraArgs],
    headless: true,
  });
}

/** Opens the app and waits until the map has loaded and drawn everything (`idle`). */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.parkAtlas !== undefined, null, { timeout: 60_000 });
  await page.evaluate(() => window.parkAtlas?.controller.whenIdle());
}
