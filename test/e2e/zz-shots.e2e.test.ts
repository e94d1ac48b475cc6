import { it } from 'vitest';
import { launchChromium, openApp, startServer } from './harness.ts';

it('shots', async () => {
  const server = await startServer();
  const browser = await launchChromium();
  for (const [w, h, hash] of [[1280, 800, ''], [1024, 768, ''], [375, 667, ''], [1280, 800, '#v=1&lang=en&c=116.69,35.43&z=11.3']] as const) {
    const page = await (await browser.newContext({ viewport: { width: w, height: h } })).newPage();
    await page.goto(server.url + '/' + hash);
    await page.waitForFunction(() => window.parkAtlas !== undefined);
    await page.evaluate(() => window.parkAtlas!.controller.whenIdle());
    await page.screenshot({ path: `/tmp/s-${w}-${hash ? 'en' : 'zh'}.png` });
    await page.context().close();
  }
  await browser.close();
  await server.close();
}, 120_000);
