/**
 * Issue #15, second pass: where a chosen feature lands, phones, searching as people type, links
 * after Back, notices and English (points 6, 7, 9, 10, 11, 15, 16, 19, 20). Each test is named
 * after what a visitor sees, and failed before its fix.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page, BrowserContextOptions } from 'playwright-core';
import { byId, districts } from './data.ts';
import { browserSuite } from './suite.ts';
import { markerPoint } from './markers.ts';

const suite = browserSuite();
let page: Page;

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };

async function open(hash = '', options: BrowserContextOptions = {}) {
  page = await suite.open(hash, { viewport: DESKTOP, ...options });
}

const idle = () => page.evaluate(() => window.parkAtlas!.controller.whenIdle());
const searchBox = () => page.locator('input[role=combobox]');
/** Types into the search box and waits for the first option, whose text it returns. */
async function searchFor(q: string): Promise<string[]> {
  await searchBox().fill(q);
  await page.getByRole('option').first().waitFor({ state: 'attached' });
  return page.getByRole('option').allTextContents();
}
const graphene = byId('heze-graphene-park');
/** Waits for the camera to settle after a fly (animations are on). */
async function settled() {
  await page.waitForFunction(() => !window.parkAtlas!.controller.map.isMoving());
  await idle();
}
const box = async (l: Locator) => (await l.boundingBox())!;
const within = (
  p: { x: number; y: number },
  b: { x: number; y: number; width: number; height: number },
) => p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;

describe('where a chosen feature lands (points 6, 7)', () => {
  it('on a desktop, a park chosen from search is flown beside the details panel, not under it', async () => {
    await open('#v=1');
    await searchFor('smx');
    await page.keyboard.press('Enter');
    const details = page.getByRole('region', { name: graphene.properties.name_zh });
    await details.waitFor({ state: 'visible' });
    await settled();
    const at = await markerPoint(page, graphene.id);
    const panel = await box(details);
    const map = await box(page.locator('.map-area'));
    expect(within(at, map)).toBe(true);
    expect(at.x).toBeLessThan(panel.x);
  });

  it('on a phone, a search result keeps the map and the park in view, and closing returns to where the user was', async () => {
    await open('#v=1', PHONE);
    // Scrolled down to the list, as someone reading it is.
    await page.locator('.main').evaluate((m) => (m.scrollTop = 700));
    await searchFor('smx');
    await page.keyboard.press('Enter');
    const details = page.getByRole('region', { name: graphene.properties.name_zh });
    await details.waitFor({ state: 'visible' });
    await settled();
    const at = await markerPoint(page, graphene.id);
    const sheet = await box(details);
    const map = await box(page.locator('.map-area'));
    expect(map.y).toBeGreaterThanOrEqual(0);
    expect(within(at, map)).toBe(true);
    expect(at.y).toBeLessThan(sheet.y);
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.main').evaluate((m) => m.scrollTop)).toBe(700);
    // Focus is back in the search box, and its drop-down stays closed.
    await expect.poll(() => searchBox().evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await searchBox().getAttribute('aria-expanded')).toBe('false');
  });
});

describe('search as people type (point 19)', () => {
  it('finds 石墨烯产业园 from words apart, in any order, and with one typo', async () => {
    await open('#v=1');
    await page.waitForFunction(() => document.querySelector('[role=combobox]') !== null);
    for (const q of ['graphene park', 'park graphene', 'shimoxie', '石墨稀']) {
      await expect
        .poll(() => searchFor(q).then((o) => o.join('|')), { timeout: 20_000 })
        .toContain(graphene.properties.name_zh);
    }
  });

  it('finds the Dezhou zone by 天衢新区, the name of its division today', async () => {
    await open('#v=1');
    const options = await searchFor('天衢新区');
    expect(options[0]).toContain(byId('dezhou-etdz').properties.name_zh);
  });

  it('flies to a district by its name (牡丹区), selecting nothing', async () => {
    await open('#v=1');
    const mudan = districts.find((d) => d.properties.name === '牡丹区')!;
    const options = await searchFor('牡丹区');
    expect(options[0]).toContain('牡丹区');
    expect(options[0]).toContain('菏泽市');
    await page.keyboard.press('Enter');
    await settled();
    const camera = await page.evaluate(() => {
      const m = window.parkAtlas!.controller.map;
      return { zoom: m.getZoom(), bounds: m.getBounds().toArray() };
    });
    expect(camera.zoom).toBeGreaterThan(8);
    // The district's label point is in view.
    const [lng, lat] = mudan.properties.label;
    const [[w, s], [e, n]] = camera.bounds;
    expect(lng > w! && lng < e! && lat > s! && lat < n!).toBe(true);
    expect(await page.evaluate(() => location.hash)).not.toContain('sel=');
    expect(await page.locator('.details').count()).toBe(0);
  });
});
