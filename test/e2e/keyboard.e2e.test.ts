/**
 * Issue #15 points 11 and 16: the keyboard (skip links, Esc, the language button's name) and the
 * notice for a link's dropped parts in one language. Screenshots of what these add go to
 * $KBD_SHOTS when it is set (looked at by hand at 1280×800 and 375×667).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './suite.ts';

const suite = browserSuite();
let page: Page;

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 667 };

async function open(hash = '', viewport = DESKTOP) {
  page = await suite.open(hash, { viewport });
}

async function shot(name: string) {
  const dir = process.env.KBD_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

/** The focused element: its tag, id, text, and the id of the skip target it is in. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      text: el?.textContent?.trim() ?? '',
      inMap: !!el?.closest('#atlas-map'),
    };
  });

describe('skip links (point 11)', () => {
  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ])(
    'on a %s, Tab from page load reaches “跳到地图” first; Enter puts focus on the map',
    async (name, viewport) => {
      await open('', viewport);
      const skip = page.getByRole('link', { name: '跳到地图' });
      // Hidden until focused: a 1 px clipped box.
      expect((await skip.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
      await page.keyboard.press('Tab');
      expect(await focused()).toMatchObject({ tag: 'a', text: '跳到地图' });
      expect((await skip.boundingBox())?.width ?? 0).toBeGreaterThan(40);
      await shot(`skip-map-${name}`);
      await page.keyboard.press('Enter');
      expect(await focused()).toMatchObject({ tag: 'canvas', inMap: true });
      // The link state is untouched: no #atlas-map in the address bar.
      expect(page.url()).not.toContain('atlas-map');
    },
  );

  it('the second Tab reaches “跳到列表”; Enter puts focus on the park list', async () => {
    await open();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'a', text: '跳到列表' });
    await shot('skip-list-desktop');
    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({ id: 'park-list' });
    // The next Tab goes on into the list, not back to the top.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#park-list'))).toBe(true);
  });

  it('at 1024 px, where the list shares the left column, “跳到列表” opens its tab and focuses it', async () => {
    await open('', { width: 1024, height: 768 });
    const list = page.locator('#park-list');
    const layers = page.getByRole('tab', { name: '图层' });
    const listTab = page.getByRole('tab', { name: /^列表/ });
    expect(await layers.getAttribute('aria-selected')).toBe('true');
    expect(await list.isVisible()).toBe(false);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'a', text: '跳到列表' });
    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({ id: 'park-list' });
    expect(await listTab.getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#side-panel').isVisible()).toBe(false);
    // The list's rows are there, beside the map.
    const box = await list.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(200);
    expect(await list.getByRole('button').count()).toBeGreaterThan(10);
    // The tabs switch back, by click or arrow key.
    await listTab.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await layers.getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#side-panel').isVisible()).toBe(true);
    await shot('skip-list-1024');
  });

  it('in English the skip links say so', async () => {
    await open('#v=1&lang=en');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ text: 'Skip to map' });
  });
});

describe('Esc closes what focus is in (point 11)', () => {
  it('Esc inside the details panel closes it', async () => {
    await open('#v=1&sel=heze-graphene-park');
    const heading = page.locator('section.details').getByRole('heading', { level: 2 });
    await heading.waitFor();
    await page.locator('section.details').getByRole('button').first().focus();
    await page.keyboard.press('Escape');
    await heading.waitFor({ state: 'detached' });
  });

  it('Esc inside Share closes it and focus returns to the Share button', async () => {
    await open();
    const button = page.getByRole('button', { name: '分享' });
    await button.click();
    await page.locator('#share-panel').waitFor();
    await page.locator('#share-panel').getByRole('button').first().focus();
    await page.keyboard.press('Escape');
    await page.locator('#share-panel').waitFor({ state: 'detached' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
  });
});

describe('the language button is named by what it shows (point 11, WCAG 2.5.3)', () => {
  it.each([
    ['', 'English'],
    ['#v=1&lang=en', '中文'],
  ])('%s: a speech user can say “%s”', async (hash, visible) => {
    await open(hash);
    const button = page.getByRole('button', { name: visible });
    expect(await button.count()).toBe(1);
    expect((await button.textContent())?.trim()).toBe(visible);
  });
});

describe('the notice for a link’s dropped parts is in one language (point 16)', () => {
  const notice = () => page.getByRole('status').filter({ hasText: 'nope' });

  it('in Chinese: no Latin word but the link’s own id, and it says the link is newer', async () => {
    await open('#v=2&sel=nope');
    await notice().waitFor();
    const text = (await notice().innerText()).replaceAll('nope', ' ');
    expect(text).toContain('更新版本');
    expect(text.match(/[A-Za-z]{2,}/g) ?? []).toEqual([]);
    await shot('notice-zh-desktop');
    await open('#v=2&sel=nope', PHONE);
    await notice().waitFor();
    await shot('notice-zh-phone');
  });

  it('in English: no Chinese, and it says the link is from a newer version', async () => {
    await open('#v=2&sel=nope&lang=en');
    await notice().waitFor();
    const text = await notice().innerText();
    expect(text).toMatch(/newer version of Park Atlas/);
    expect(text).toMatch(/"nope" was not found/);
    expect(text).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
    await shot('notice-en-desktop');
  });

  it('a link of this version does not say it is newer', async () => {
    await open('#v=1&sel=nope');
    await notice().waitFor();
    expect(await notice().innerText()).not.toContain('更新版本');
  });
});
