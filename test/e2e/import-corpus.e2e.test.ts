/**
 * The whole import corpus (test/fixtures/import/cases.json) through the real page in Chromium:
 * each case by the file picker or by a drop on the map, as its entry says, and its report read
 * off the screen: what loaded, what was rejected, the words it must show.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { corpus } from '../lib/import/corpus.ts';
import { launchChromium, openApp, startServer, type AppServer } from './harness.ts';

const DIR = 'test/fixtures/import';
let server: AppServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(page, server.url);
  await page.waitForSelector('[data-testid=import-panel]');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function drop(files: string[]) {
  const list = files.map((name) => ({ name, bytes: [...readFileSync(`${DIR}/${name}`)] }));
  await page.evaluate((items) => {
    const dt = new DataTransfer();
    for (const f of items) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    const area = document.querySelector('.map-area')!;
    for (const type of ['dragenter', 'dragover', 'drop'])
      area.dispatchEvent(
        new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
  }, list);
}

describe('the import corpus in Chromium', () => {
  it.each(corpus.map((c) => [`${c.files.join(' + ')} (${c.via})`, c] as const))(
    '%s',
    async (_, c) => {
      const panel = page.locator('[data-testid=import-panel]');
      const report = panel.locator('.report');
      if (await report.count()) await report.getByRole('button', { name: '关闭报告' }).click();
      await report.waitFor({ state: 'detached' });
      if (c.via === 'picker')
        await page.setInputFiles(
          '[data-testid=import-input]',
          c.files.map((f) => `${DIR}/${f}`),
        );
      else await drop(c.files);
      await report.waitFor({ timeout: 20_000 });
      const text = ((await report.textContent()) ?? '').replace(/\s+/g, ' ');
      if (c.failed) {
        expect(await report.locator('.failed').count()).toBe(1);
        expect(await panel.locator('.layers li').count()).toBe(0);
      } else {
        expect(text).toContain(`${c.loaded} 已载入`);
        if (c.rejected) expect(text).toContain(`${c.rejected} 未载入`);
        else expect(text).not.toContain('未载入');
      }
      for (const word of c.words) expect(text).toContain(word);
      // Tidy up: the next case starts with no imported layer.
      const rows = panel.locator('.layers li');
      while ((await rows.count()) > 0) {
        const before = await rows.count();
        await rows.first().getByRole('button', { name: '移除' }).click();
        await expect.poll(() => rows.count()).toBe(before - 1);
      }
    },
  );
});
