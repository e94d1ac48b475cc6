/**
 * A quote opens its document in the page (#14 point 3): the reader shows the document's title,
 * publisher and date, its text from this origin scrolled to the quote and highlighted; it has its
 * own link, Back and Forward step through it, and Escape returns to where the user was.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { byId, documentOf, documentText } from './data.ts';
import { formatDate } from '../../src/lib/format/figures.ts';
import { openApp } from './harness.ts';
import { browserSuite } from './suite.ts';

const suite = browserSuite();
let page: Page;
/** Every URL the page asked for. */
let requests: string[] = [];

async function open(hash: string, viewport = { width: 1280, height: 800 }): Promise<void> {
  page = await (await suite.context({ viewport })).newPage();
  requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await openApp(page, `${suite.url}#${hash}`);
}

const park = byId('heze-medical-device-park');
const status = park.properties.status_source as { doc: string; quote: string };
const doc = documentOf(status.doc);
const start = documentText(status.doc).indexOf(status.quote);
const param = (key: string) =>
  page.evaluate((k) => new URLSearchParams(location.hash.slice(1)).get(k), key);
const reader = () => page.locator('dialog[data-reader]');

describe('the document reader', () => {
  it('opens a status quote in the page at the quoted sentence, highlighted, with its own link', async () => {
    await open(`sel=${park.id}`);
    const details = page.getByRole('region', { name: park.properties.name_zh });
    const docButton = details.getByRole('button', { name: `打开原文：${doc.title}` }).first();
    await docButton.click();

    const dialog = page.getByRole('dialog', { name: doc.title });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain(doc.publisher ?? '');
    await expect.poll(() => dialog.textContent()).toContain(formatDate(doc.date, 'zh'));
    const mark = dialog.locator('mark');
    await expect.poll(() => mark.textContent()).toBe(status.quote);
    // Scrolled to it: the highlighted passage is inside the reader's visible text.
    await expect
      .poll(() =>
        mark.evaluate((m) => {
          const body = m.closest('.body')!.getBoundingClientRect();
          const r = m.getBoundingClientRect();
          return r.top >= body.top && r.bottom <= body.bottom;
        }),
      )
      .toBe(true);
    expect(await param('doc')).toBe(status.doc);
    expect(await param('q')).toBe(`${start}-${start + status.quote.length}`);
    expect(await param('sel')).toBe(park.id);
    // Nothing came from anywhere but this origin.
    const origin = new URL(suite.url).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);

    // Escape closes it, back where the user was: the details open, focus on the same button.
    await page.keyboard.press('Escape');
    await reader().waitFor({ state: 'detached' });
    expect(await param('doc')).toBeNull();
    expect(await param('sel')).toBe(park.id);
    await expect.poll(() => docButton.evaluate((b) => b === document.activeElement)).toBe(true);

    // Back reopens it, Forward closes it again.
    await page.goBack();
    await dialog.waitFor();
    await expect.poll(() => mark.textContent()).toBe(status.quote);
    await page.goForward();
    await reader().waitFor({ state: 'detached' });
  });

  it('opens from a link, in English chrome, the text shown as text', async () => {
    const range = `${start}-${start + status.quote.length}`;
    await open(`lang=en&doc=${status.doc}&q=${range}`);
    const dialog = page.getByRole('dialog', { name: doc.title });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain(doc.title_en);
    await expect.poll(() => dialog.textContent()).toContain(formatDate(doc.date, 'en'));
    await expect
      .poll(() => dialog.textContent())
      .toContain(doc.publisher_en ?? 'Publisher not named in the text');
    await expect.poll(() => dialog.locator('mark').textContent()).toBe(status.quote);
    // The whole document, as text: its characters, no markup made of them.
    const shown = await dialog.locator('.text').textContent();
    expect(shown).toBe(documentText(status.doc));
    expect(await dialog.locator('.text *').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Close the document' }).click();
    await reader().waitFor({ state: 'detached' });
    expect(await param('lang')).toBe('en');
  });

  it('opens a quote from the sources list by clicking the quote itself', async () => {
    await open(`sel=${park.id}`);
    const source = park.properties.sources![0] as { doc: string; quote: string };
    const details = page.getByRole('region', { name: park.properties.name_zh });
    await details.locator('blockquote', { hasText: source.quote }).last().click();
    const dialog = page.getByRole('dialog', { name: documentOf(source.doc).title });
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('mark').textContent()).toBe(source.quote);
  });
});
