/**
 * The English interface in real Chromium (#15 point 20): no Chinese units in the field menu, no
 * Chinese in the basemap credits or the search box.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, startServer, type AppServer } from './harness.ts';

let server: AppServer;
let browser: Browser;
let page: Page;
const HAN = /\p{Script=Han}/u;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  await openApp(page, `${server.url}#v=1&lang=en`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('English interface', () => {
  it('names field units in English: 100 million CNY, not 亿元, and no counters', async () => {
    const options = await page.locator('[data-control=field] option').allTextContents();
    expect(options).toContain('Fixed-asset investment (100 million CNY)');
    expect(options.filter((o) => HAN.test(o))).toEqual([]);
  });

  it('credits the basemap and fills the search box in English', async () => {
    const credits = (await page.locator('.maplibregl-ctrl-attrib').textContent()) ?? '';
    expect(credits).toContain('Boundaries');
    expect(credits).not.toContain('行政区划');
    const placeholders = await page
      .locator('input[placeholder]')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).placeholder));
    expect(placeholders.length).toBeGreaterThan(0);
    expect(placeholders.filter((p) => HAN.test(p))).toEqual([]);
  });
});
