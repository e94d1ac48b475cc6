/**
 * Drives the real app in Debian's Chromium: a Vite server on a free loopback port and a
 * playwright-core browser (../chromium.ts). Shared by the end-to-end tests and the benchmark.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, preview, type ViteDevServer, type PreviewServer } from 'vite';
import { fileURLToPath } from 'node:url';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/** Another origin on loopback (a tile or data host), logging each path it is asked for. */
export interface OtherOrigin {
  origin: string;
  hits: string[];
  server: Server;
}

export async function otherOrigin(handle: RequestListener): Promise<OtherOrigin> {
  const hits: string[] = [];
  const server = createHttpServer((req, res) => {
    hits.push(req.url ?? '');
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, hits, server };
}
