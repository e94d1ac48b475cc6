/**
 * A file in the dataset's own schema (issue 12): picked or dropped, it opens as the dataset —
 * its sources and figures kept — and the page says so, with the way back to the built-in data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './suite.ts';

const FIXTURE = 'test/fixtures/import/own-schema.geojson';
const suite = browserSuite();

async function open(): Promise<Page> {
  const page = await suite.open();
  await page.waitForSelector('[data-testid=import-panel]');
  return page;
}

/** "显示 shown / total" above the list: the total is the dataset's size. */
const total = (page: Page) =>
  page
    .locator('.summary[role=status]')
    .textContent()
    .then((t) => Number(/\/ (\d+)/.exec(t ?? '')?.[1] ?? NaN));

/** The map's own points, as MapLibre has them (the dataset's, not an imported layer's). */
const userLayers = (page: Page) =>
  page.evaluate(() =>
    Object.keys(window.parkAtlas!.controller.map.getStyle().sources).filter((s) =>
      s.startsWith('user:'),
    ),
  );

async function expectOwnDataset(page: Page) {
  const notice = page.locator('[data-testid=own-dataset]');
  await expect
    .poll(() => notice.textContent(), { timeout: 20_000 })
    .toContain('own-schema.geojson');
  await expect.poll(() => total(page)).toBe(3);
  // The page started afresh on the file: a new map, and no imported layer (the file is the data).
  await expect
    .poll(() => page.evaluate(() => Boolean(window.parkAtlas)), { timeout: 20_000 })
    .toBe(true);
  expect(await userLayers(page)).toEqual([]);
  await page
    .getByRole('list', { name: '园区列表' })
    .getByRole('button', { name: /医疗器械机电产业园/ })
    .click();
  const details = page.locator('section.details');
  await expect.poll(() => details.textContent()).toContain('医疗器械机电产业园');
  expect(await details.locator('blockquote').count()).toBeGreaterThan(0);
}

describe('a file in the dataset’s own schema', () => {
  it('picked, opens as the dataset; “back” returns to the built-in data', async () => {
    const page = await open();
    const builtIn = await total(page);
    expect(builtIn).toBeGreaterThan(100);
    await page.setInputFiles('[data-testid=import-input]', FIXTURE);
    await expectOwnDataset(page);

    await page.locator('[data-testid=own-dataset] button').click();
    await expect.poll(() => total(page), { timeout: 20_000 }).toBe(builtIn);
    expect(await page.locator('[data-testid=own-dataset]').count()).toBe(0);
  });

  it('dropped on the map, opens as the dataset too', async () => {
    const page = await open();
    const bytes = [...readFileSync(FIXTURE)];
    await page.evaluate((b) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(b)], 'own-schema.geojson'));
      const area = document.querySelector('.map-area')!;
      for (const type of ['dragenter', 'dragover', 'drop'])
        area.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
    }, bytes);
    await expectOwnDataset(page);
  });
});
