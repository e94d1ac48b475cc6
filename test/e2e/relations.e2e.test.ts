/**
 * Related features in the details panel (#14 point 5): the typed relations the texts state, each
 * a link that selects the other feature, with its quote; read both ways, in Chinese and English.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { relationMessages } from '../../src/lib/i18n/relations.ts';
import { byId } from './data.ts';
import { browserSuite } from './suite.ts';

const suite = browserSuite();
let page: Page;

async function open(hash: string): Promise<void> {
  page = await suite.open(`#${hash}`);
}

const phase2 = byId('dezhou-xuerong-bio-phase-2');
const phase3 = byId('dezhou-xuerong-bio-phase-3-deep-processing');
const firm = byId('dezhou-xuerong-bio');
const param = (key: string) =>
  page.evaluate((k) => new URLSearchParams(location.hash.slice(1)).get(k), key);
const relations = (name: string) =>
  page.getByRole('region', { name }).locator('[data-relations] > li');

describe('related features in details', () => {
  it('shows a phase’s enterprise with the quote, and the link selects it; the firm lists both phases', async () => {
    const zh = relationMessages('zh');
    await open(`sel=${phase2.id}`);
    const rows = relations(phase2.properties.name_zh);
    await expect.poll(() => rows.count()).toBe(1);
    const row = rows.first();
    expect(await row.getAttribute('data-relation')).toBe('phase_of');
    const text = await row.textContent();
    expect(text).toContain(zh.out.phase_of);
    expect(text).toContain(firm.properties.name_zh);
    expect(text).toContain('雪榕生物二期投产和三期深加工项目');

    await row.getByRole('button', { name: firm.properties.name_zh, exact: true }).click();
    await expect.poll(() => param('sel')).toBe(firm.id);
    const back = relations(firm.properties.name_zh);
    await expect.poll(() => back.count()).toBe(2);
    const names = (await back.allTextContents()).join('\n');
    expect(names).toContain(`${zh.in.phase_of} ${phase2.properties.name_zh}`);
    expect(names).toContain(phase3.properties.name_zh);
    // Back returns to the phase that was selected before.
    await page.goBack();
    await expect.poll(() => param('sel')).toBe(phase2.id);
    // The first page of a run waits for the dev server to compile the app.
  }, 150_000);

  it('reads the relation in English, and a parent’s located_in both ways', async () => {
    const en = relationMessages('en');
    const accelerator = byId('heze-tus-star-accelerator');
    const park = byId('heze-medical-device-park');
    await open(`sel=${accelerator.id}&lang=en`);
    const rows = relations(accelerator.properties.name_en);
    await expect.poll(() => rows.count()).toBe(1);
    const text = (await rows.first().textContent()) ?? '';
    expect(text).toContain(`${en.out.located_in} ${park.properties.name_en}`);
    // The label is in English; only the quote stays in Chinese.
    expect(await rows.first().locator('.type').textContent()).toBe(en.out.located_in);
    await rows.first().getByRole('button', { name: park.properties.name_en, exact: true }).click();
    const inPark = relations(park.properties.name_en);
    await expect.poll(() => inPark.first().textContent()).toContain(en.in.located_in);
    expect(await inPark.first().getAttribute('data-direction')).toBe('in');
  });
});
