/**
 * The English interface carries no Chinese of its own (#15 point 20): every visible text node
 * with Chinese characters must sit inside an element marked lang="zh" — feature names in the
 * other language, verbatim quotes, document titles, which are data shown as written. Units say
 * "100 million CNY" without "(亿元)", counts stand without 家, and the credits follow a switch
 * of language made after the page has loaded.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './suite.ts';

const suite = browserSuite();
let page: Page;

async function open(hash: string, width = 1280, height = 800): Promise<void> {
  page = await suite.open(hash, { viewport: { width, height } });
}

/** Visible text with Chinese characters outside any lang="zh" element, each with its parent. */
const chineseLeft = () =>
  page.evaluate(() => {
    const han = /\p{Script=Han}/u;
    const out: string[] = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const text = n.textContent ?? '';
      const el = n.parentElement;
      if (!el || !han.test(text) || !el.checkVisibility({ visibilityProperty: true })) continue;
      if (el.closest('[lang]')?.getAttribute('lang')?.startsWith('zh')) continue;
      out.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ${text.trim()}`);
    }
    return out;
  });
const idle = () => page.evaluate(() => window.parkAtlas!.controller.whenIdle());

describe('English interface: no Chinese but data', () => {
  it('has none on opening, with a choropleth, its legend and list values', async () => {
    await open('#v=1&lang=en&ch=fixed_asset_investment');
    const legend = page.getByRole('region', { name: /Legend/ });
    await legend.waitFor();
    expect(await legend.textContent()).toContain('100 million CNY');
    const value = page.locator('.item .value').first();
    await value.waitFor();
    expect(await value.textContent()).toMatch(/× 100 million CNY$/);
    expect(await chineseLeft()).toEqual([]);
  });

  it('has none in details: a count of companies stands without 家', async () => {
    await open('#v=1&lang=en&sel=heze-hitech');
    const figures = page.locator('.figure-value');
    await figures.first().waitFor();
    const eight = (await figures.allTextContents())
      .map((t) => t.trim())
      .filter((t) => /^8\b/.test(t));
    expect(eight.length).toBeGreaterThan(0);
    expect(eight.filter((t) => t.includes('家'))).toEqual([]);
    expect(await chineseLeft()).toEqual([]);
  });

  it('changes the credits when the language is switched after loading', async () => {
    await open('#v=1');
    const credits = page.locator('.maplibregl-ctrl-attrib');
    expect(await credits.textContent()).toContain('行政区划');
    await page.getByRole('button', { name: /English/ }).click();
    await idle();
    await expect.poll(async () => (await credits.textContent()) ?? '').not.toContain('行政区划');
    expect(await credits.textContent()).toContain('Boundaries');
    expect(await chineseLeft()).toEqual([]);
    await page.getByRole('button', { name: /中文/ }).click();
    await expect.poll(async () => (await credits.textContent()) ?? '').toContain('行政区划');
  });
});
