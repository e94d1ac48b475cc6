/**
 * The set-up most end-to-end files share: one app server and one Chromium per file, each test's
 * pages in contexts of their own, closed after it. `browserSuite()` is called at a file's top
 * level (it registers the hooks); harness.ts stays free of vitest for the benchmarks.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium, openApp, startServer, type AppServer } from './harness.ts';

export interface BrowserSuite {
  /** The app's address, once the file's beforeAll has run. */
  readonly url: string;
  readonly browser: Browser;
  /** A new context, closed after the test. */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** The app at `hash` in a new context (1280×800 unless given), loaded and idle. */
  open(hash?: string, options?: BrowserContextOptions): Promise<Page>;
}

export function browserSuite(): BrowserSuite {
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  // Every test opens the pages it needs; none is left for the next one.
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('browserSuite: used before its beforeAll ran');
    return x;
  };
  const suite: BrowserSuite = {
    get url() {
      return started(server).url;
    },
    get browser() {
      return started(browser);
    },
    async context(options = {}) {
      const context = await started(browser).newContext({
        viewport: { width: 1280, height: 800 },
        ...options,
      });
      contexts.push(context);
      return context;
    },
    async open(hash = '', options = {}) {
      const page = await (await suite.context(options)).newPage();
      await openApp(page, `${suite.url}${hash}`);
      return page;
    },
  };
  return suite;
}

/** The page's pixel where [lng, lat] is drawn, after jumping there at `zoom` and letting it draw. */
export function pointAt(
  page: Page,
  at: readonly [number, number],
  zoom = 13,
): Promise<readonly [number, number]> {
  return page.evaluate(
    async ([lng, lat, z]) => {
      const { controller } = window.parkAtlas!;
      controller.map.jumpTo({ center: [lng, lat], zoom: z });
      await controller.whenIdle();
      const p = controller.map.project([lng, lat]);
      const r = controller.map.getCanvas().getBoundingClientRect();
      return [r.left + p.x, r.top + p.y] as const;
    },
    [at[0], at[1], zoom] as const,
  );
}

/** Clicks the map where [lng, lat] is drawn: how a test picks a feature as a user would. */
export async function clickAt(page: Page, at: readonly [number, number], zoom = 13): Promise<void> {
  const [x, y] = await pointAt(page, at, zoom);
  await page.mouse.click(x, y);
}
