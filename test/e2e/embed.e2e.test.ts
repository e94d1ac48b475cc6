/**
 * Embeds (#15 point 10): a view in an <iframe> fills its frame at any width, and a choropleth
 * carries its legend, over the map since the panels are not shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame } from 'playwright-core';
import { launchChromium, startServer, type AppServer } from './harness.ts';

let server: AppServer;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** A host page holding the view in a frame of that size; the frame once its map is idle. */
async function embed(hash: string, width: number, height: number): Promise<Frame> {
  await context?.close();
  context = await browser.newContext({ viewport: { width: width + 80, height: height + 80 } });
  const page = await context.newPage();
  await page.setContent(
    `<iframe src="${server.url}${hash}" width="${width}" height="${height}" style="border:0"></iframe>`,
  );
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame!.waitForFunction(() => window.parkAtlas !== undefined, null, { timeout: 60_000 });
  await frame!.evaluate(() => window.parkAtlas?.controller.whenIdle());
  return frame!;
}

const mapBox = (frame: Frame) =>
  frame.getByRole('region', { name: '山东开发区与产业园区地图' }).boundingBox();

describe('embeds', () => {
  it.each([
    [400, 400],
    [800, 500],
  ])('a %i×%i frame is filled by the map', async (width, height) => {
    const frame = await embed('#v=1&embed=1', width, height);
    const box = await mapBox(frame);
    expect(box!.width).toBeGreaterThanOrEqual(width - 1);
    expect(box!.height).toBeGreaterThanOrEqual(height - 1);
    // No choropleth, no legend box.
    expect(await frame.locator('aside.panel').isVisible()).toBe(false);
  });

  it.each([
    [400, 400],
    [800, 500],
  ])('carries the legend of its choropleth inside a %i×%i frame, over the map', async (w, h) => {
    const frame = await embed('#v=1&embed=1&ch=fixed_asset_investment', w, h);
    const legend = frame.getByRole('region', { name: /图例/ });
    await legend.waitFor();
    expect(await legend.textContent()).toContain('固定资产投资');
    const [l, m] = [await legend.boundingBox(), await mapBox(frame)];
    expect(l!.x).toBeGreaterThanOrEqual(m!.x);
    expect(l!.y + l!.height).toBeLessThanOrEqual(m!.y + m!.height);
    expect(l!.width).toBeLessThan(m!.width / 2);
    // The legend alone: the panel's controls stay hidden.
    expect(await frame.locator('[data-control=field]').isVisible()).toBe(false);
  });
});
