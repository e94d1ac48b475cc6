/**
 * The map as of a year (#14 point 6): a year slider shows what was reported by then, points
 * coloured by their status then; the year is in the link, with Back and Forward. 医疗器械机电产业园
 * is reported at two dates (planned 2017, hosting the accelerator 2021) and changes as the slider
 * passes 2021.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { firstReportedYear, statusAsOf, type DatedProperties } from '../../src/lib/data/time.ts';
import { timeMessages } from '../../src/lib/i18n/time.ts';
import { STATUS_COLORS } from '../../src/lib/map/style/status.ts';
import { byId, documents } from './data.ts';
import { browserSuite } from './suite.ts';
import { markerPoint } from './markers.ts';
import { hex, mapPixels, pixelsNear } from './pixels.ts';

const suite = browserSuite();
let page: Page;

async function open(hash: string): Promise<void> {
  page = await suite.open(`#${hash}`);
}

const park = byId('heze-medical-device-park');
const accelerator = byId('heze-tus-star-accelerator');
const docDates = new Map(documents.map((d) => [d.file, d.date]));
/** The park's status as of a year, by the rule the app applies (lib/data/time.ts). */
const expected = (year: number) =>
  statusAsOf(park.properties as unknown as DatedProperties, year, docDates);
const [lng, lat] = park.geometry.coordinates as [number, number];

const idle = () => page.evaluate(() => window.parkAtlas!.controller.whenIdle());
const param = (key: string) =>
  page.evaluate((k) => new URLSearchParams(location.hash.slice(1)).get(k), key);
const listed = () =>
  page
    .getByRole('complementary', { name: '园区列表' })
    .getByRole('button')
    .allTextContents()
    .then((xs) => xs.join('\n'));
/** Pixels of the status colour at the park's marker. */
async function parkPixels(status: keyof typeof STATUS_COLORS): Promise<number> {
  await idle();
  const at = await markerPoint(page, park.id, 'canvas');
  return pixelsNear(await mapPixels(page), { ...at, r: 8 }, hex(STATUS_COLORS[status]), 20);
}

describe('the map as of a year', () => {
  it('colours 医疗器械机电产业园 by its status then, and shows its accelerator as the slider passes 2021', async () => {
    // The data: first reported in 2018 (planned, document 000); the accelerator in it in 2021.
    expect(expected(2020)).not.toBe('unreported');
    const status = expected(2020) as keyof typeof STATUS_COLORS;
    expect(expected(2021)).toBe(status);

    await open(`map=13/${lat}/${lng}&yr=2020`);
    const control = page.locator('[data-time]');
    await expect.poll(() => control.textContent()).toContain('截至 2020 年');
    await expect.poll(() => parkPixels(status)).toBeGreaterThan(15);
    // The accelerator is first reported in 2021: not drawn, not listed before.
    expect(await listed()).not.toContain(accelerator.properties.name_zh);

    // The slider, by keyboard, to 2021.
    const slider = page.getByRole('slider', { name: '截至 2020 年' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => param('yr')).toBe('2021');
    await expect.poll(listed).toContain(accelerator.properties.name_zh);
    await expect.poll(() => parkPixels(status)).toBeGreaterThan(15);

    // Back returns to 2020, Forward to 2021.
    await page.goBack();
    await expect.poll(() => control.textContent()).toContain('截至 2020 年');
    await expect.poll(listed).not.toContain(accelerator.properties.name_zh);
    await page.goForward();
    await expect.poll(() => control.textContent()).toContain('截至 2021 年');
  });

  it('before its first report the park is not drawn; from that year it is, in its status colour', async () => {
    const first = firstReportedYear(park.properties as unknown as DatedProperties, docDates);
    expect(first).toBe(2018);
    const status = expected(2018) as keyof typeof STATUS_COLORS;
    await open(`map=13/${lat}/${lng}&yr=2017`);
    await expect.poll(() => page.locator('[data-time]').textContent()).toContain('截至 2017 年');
    expect(await parkPixels(status)).toBeLessThan(5);
    await page.getByRole('slider', { name: '截至 2017 年' }).fill('2018');
    await expect.poll(() => param('yr')).toBe('2018');
    await expect.poll(() => parkPixels(status)).toBeGreaterThan(15);
  });

  it('says in the details what the status was as of the year', async () => {
    const m = timeMessages('zh');
    await open(`yr=2020&sel=${park.id}`);
    const asOf = page
      .getByRole('region', { name: park.properties.name_zh })
      .locator('[data-as-of]');
    await expect.poll(() => asOf.textContent()).toContain(`截至 2020 年：${m[expected(2020)]}`);
    await page.getByRole('slider', { name: '截至 2020 年' }).fill('2021');
    await expect.poll(() => asOf.textContent()).toContain(`截至 2021 年：${m[expected(2021)]}`);
  });

  it('is off by default, opens at 2021 and shows everything again on “show all”', async () => {
    await open('');
    expect(await page.locator('[data-time]').count()).toBe(0);
    await page.getByRole('button', { name: '按年份查看' }).click();
    await expect.poll(() => param('yr')).toBe('2021');
    await page.getByRole('button', { name: '关闭按年份查看，显示全部' }).click();
    await expect.poll(() => param('yr')).toBeNull();
    await page.locator('[data-time-open]').waitFor();
  });

  it('hides in 2015 what only later documents report, in English too', async () => {
    await open('yr=2015&lang=en');
    const control = page.locator('[data-time]');
    await expect.poll(() => control.textContent()).toContain('As of 2015');
    await expect
      .poll(() => control.textContent())
      .toMatch(/\d+ points not yet reported are hidden/);
    expect(await listed()).not.toContain(park.properties.name_en);
  });
});
