/** Shareable links in real Chromium: a view set through the UI opens the same for someone else. */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { LAYER, pointLayerId } from '../../src/lib/map/ids.ts';
import { byId, features, LIST_LIMIT } from './data.ts';
import { openApp } from './harness.ts';
import { browserSuite } from './suite.ts';

const suite = browserSuite();

const open = (hash = '') => suite.open(hash);
const textOf = (locator: Locator) => () => locator.textContent().then((t) => t ?? '');
/** The map's zoom, latitude and longitude, to a link's precision (2 and 5 decimals). */
const cameraOf = (page: Page) => () =>
  page.evaluate(() => {
    const map = window.parkAtlas!.controller.map;
    const c = map.getCenter();
    return [
      Math.round(map.getZoom() * 100) / 100,
      ...[c.lat, c.lng].map((x) => Math.round(x * 1e5) / 1e5),
    ];
  });
const hashOf = (page: Page) => page.evaluate(() => location.hash);

/** What a person sees of a view: details, filters, legend, layers, camera. */
function viewOf(page: Page) {
  return page.evaluate(
    ([enterprise]) => {
      const { controller } = window.parkAtlas!;
      const map = controller.map;
      const c = map.getCenter();
      return {
        details: document.querySelector('[role=region] h2')?.textContent ?? null,
        industries: [...document.querySelectorAll<HTMLInputElement>('[data-industry]:checked')].map(
          (i) => i.dataset.industry,
        ),
        legend: document.querySelector('.legend')?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
        layers: [...document.querySelectorAll<HTMLInputElement>('[data-layer]')].map(
          (i) => `${i.dataset.layer}:${i.checked}`,
        ),
        enterprisesDrawn: map.getLayoutProperty(enterprise!, 'visibility') !== 'none',
        camera: [map.getZoom(), c.lat, c.lng].map((n) => Math.round(n * 1000) / 1000),
        lang: document.documentElement.lang,
      };
    },
    [pointLayerId('enterprise'), LAYER.zoneFill],
  );
}

describe('shareable links', () => {
  it('round trip: a view set through the UI opens the same in a fresh page', async () => {
    const a = await open();
    await a.evaluate(() =>
      window.parkAtlas!.controller.map.jumpTo({ center: [115.6, 35.26], zoom: 11 }),
    );
    await a.evaluate(() => window.parkAtlas!.controller.whenIdle());
    await a.locator('[data-industry=new-materials]').check();
    await a.locator('[data-layer=enterprises]').uncheck();
    await a.locator('[data-control=field]').selectOption('fixed_asset_investment');
    await a.locator('[data-control=method]').selectOption('manual');
    await a.locator('[data-control=breaks]').fill('50, 300');
    await a
      .getByRole('list', { name: '园区列表' })
      .getByRole('button', { name: /^石墨烯产业园/ })
      .click();
    await a.getByRole('heading', { level: 2, name: '石墨烯产业园' }).waitFor();
    await a.evaluate(() => window.parkAtlas!.controller.whenIdle());
    await a.waitForTimeout(500); // the throttled camera write
    const hash = await hashOf(a);
    expect(hash).toMatch(/sel=heze-graphene-park/);
    expect(hash).toMatch(/ind=new-materials/);
    expect(hash).toMatch(/cb=50,300/);
    const sent = await viewOf(a);

    const b = await open(hash);
    const received = await viewOf(b);
    expect(received).toEqual(sent);
    expect(received.details).toBe('石墨烯产业园');
    expect(received.enterprisesDrawn).toBe(false);
  });

  it('Back and Forward step through selections and filters', async () => {
    const page = await open();
    // The view changes while the panel is open (a press outside would close it).
    await page.evaluate(() => (window.parkAtlas!.app.industries = ['biomedicine']));
    await page.getByRole('list', { name: '园区列表' }).getByRole('button').first().click();
    await page.locator('section.details').getByRole('heading', { level: 2 }).waitFor();
    await page.goBack();
    await page
      .locator('section.details')
      .getByRole('heading', { level: 2 })
      .waitFor({ state: 'detached' });
    expect(await page.locator('[data-industry=biomedicine]').isChecked()).toBe(true);
    await page.goBack();
    await expect.poll(() => page.locator('[data-industry=biomedicine]').isChecked()).toBe(false);
    await page.goForward();
    await expect.poll(() => page.locator('[data-industry=biomedicine]').isChecked()).toBe(true);
  });

  it('a hand-written link that names a feature but no view flies to it, beside its details', async () => {
    const page = await open('#v=1&sel=heze-graphene-park');
    const details = page.locator('section.details');
    await details.getByRole('heading', { level: 2, name: '石墨烯产业园' }).waitFor();
    const at = byId('heze-graphene-park').geometry.coordinates as [number, number];
    // As a feature chosen from the list: zoomed in, in the part of the map the panel leaves free.
    await expect
      .poll(
        () =>
          page.evaluate((ll) => {
            const map = window.parkAtlas!.controller.map;
            const p = map.project(ll);
            const box = map.getContainer().getBoundingClientRect();
            const panel = document.querySelector('section.details')!.getBoundingClientRect();
            const x = box.left + p.x;
            return map.getZoom() >= 12 && x > box.left && x < panel.left && p.y > 0;
          }, at),
        { timeout: 15_000 },
      )
      .toBe(true);
  });

  it('Back and Forward restore the camera: a link change moves the map, Back moves it back', async () => {
    const page = await open('#map=9/35.3/115.6&v=1');
    const camera = cameraOf(page);
    expect(await camera()).toEqual([9, 35.3, 115.6]);
    // A new link in the same tab (a person pasting or following one): a new history entry.
    await page.evaluate(() => (location.hash = '#map=11.5/36.06/120.38&v=1'));
    await expect.poll(camera).toEqual([11.5, 36.06, 120.38]);
    await page.goBack();
    await expect.poll(camera).toEqual([9, 35.3, 115.6]);
    await page.goForward();
    await expect.poll(camera).toEqual([11.5, 36.06, 120.38]);
  });

  it('Back after a pan and a selection returns to where the map was panned', async () => {
    const page = await open();
    await page.evaluate(() => {
      window.parkAtlas!.controller.map.jumpTo({ center: [117.02, 36.67], zoom: 9.25 });
    });
    await page.evaluate(() => window.parkAtlas!.controller.whenIdle());
    const camera = cameraOf(page);
    const panned = await camera();
    expect(panned).toEqual([9.25, 36.67, 117.02]);
    // The pan replaced the entry (throttled); the selection flies away and adds one.
    await expect.poll(() => hashOf(page)).toContain('map=9.25/36.67/117.02');
    await page
      .getByRole('list', { name: '园区列表' })
      .getByRole('button', { name: /^石墨烯产业园/ })
      .click();
    await page.getByRole('heading', { level: 2, name: '石墨烯产业园' }).waitFor();
    await expect.poll(camera).not.toEqual(panned);
    await page.goBack();
    await page
      .locator('section.details')
      .getByRole('heading', { level: 2 })
      .waitFor({ state: 'detached' });
    await expect.poll(camera).toEqual(panned);
  });

  it('opens a mangled link as a valid view and says what it dropped', async () => {
    const page = await open(
      '#map=8/95/116&v=1&sel=no-such-park&ind=biomedicine,bogus&cn=%E0%A4%A&zzz=1',
    );
    const notice = page.getByRole('status').filter({ hasText: '链接中有部分内容无法使用' });
    await expect.poll(textOf(notice)).toContain('no-such-park');
    await expect.poll(textOf(notice)).toContain('bogus');
    await expect.poll(textOf(notice)).toContain('zzz');
    expect(await page.locator('[data-industry=biomedicine]').isChecked()).toBe(true);
    expect(await page.locator('section.details').getByRole('heading', { level: 2 }).count()).toBe(
      0,
    );
  });

  it('opens 10 kB of junk without an error', async () => {
    const errors: string[] = [];
    const page = await (await suite.context()).newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, `${suite.url}#${'%zz&=/#,'.repeat(1300)}`);
    expect(errors).toEqual([]);
    expect(await page.getByRole('list', { name: '园区列表' }).getByRole('button').count()).toBe(
      Math.min(LIST_LIMIT, features.length),
    );
  });

  it('a link to one park opens it selected and centred, whatever the sender had on', async () => {
    const a = await open('#v=1&ind=finance&lyr=-parks&lang=en');
    await a.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await a.evaluate(() => {
      window.parkAtlas!.app.selected = 'heze-graphene-park';
    });
    await a.getByRole('button', { name: 'Copy link to this place' }).click();
    await expect
      .poll(textOf(a.getByRole('region', { name: 'Graphene Industrial Park' })))
      .toContain('Copied');
    const link = await a.evaluate(() => navigator.clipboard.readText());
    expect(link).not.toContain('ind=');
    const b = await open(new URL(link).hash);
    await b.getByRole('heading', { level: 2, name: 'Graphene Industrial Park' }).waitFor();
    const center = await b.evaluate(() => window.parkAtlas!.controller.map.getCenter().toArray());
    // Centred on the park's point as data/ places it (菏泽高新区's label point, issue 13).
    const [lng, lat] = byId('heze-graphene-park').geometry.coordinates as [number, number];
    expect(center[0]).toBeCloseTo(lng, 3);
    expect(center[1]).toBeCloseTo(lat, 3);
    expect(await b.locator('[data-layer=parks]').isChecked()).toBe(true);
  });

  it('Share shows the link and a QR code, and copies or falls back to selecting it', async () => {
    const page = await open();
    await page.getByRole('button', { name: '分享' }).click();
    const input = page.locator('[data-control=share-link]');
    expect(await input.inputValue()).toContain('v=1');
    // The QR code is drawn: the canvas has dark and light pixels.
    await expect
      .poll(() =>
        page.locator('[data-control=share-qr]').evaluate((c: HTMLCanvasElement) => {
          if (c.width === 0) return 0;
          const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let dark = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) dark++;
          return dark;
        }),
      )
      .toBeGreaterThan(100);
    // No clipboard permission in this context: the link is selected for a manual copy.
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new Error('denied')) },
      });
    });
    await page.getByRole('button', { name: '复制链接' }).click();
    await expect.poll(textOf(page.locator('.share [role=status]'))).toContain('Ctrl+C');
    expect(
      await input.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!),
    ).toBeGreaterThan(0);
  });

  it('Share’s QR code encodes the link shown, also after the view changed', async () => {
    const page = await open();
    await page.getByRole('button', { name: '分享' }).click();
    const qr = page.locator('[data-control=share-qr]');
    const image = () => qr.evaluate((c: HTMLCanvasElement) => c.toDataURL());
    // Drawn: dark modules on the canvas.
    const dark = () =>
      qr.evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) n++;
        return n;
      });
    await expect.poll(dark, { timeout: 10_000 }).toBeGreaterThan(100);
    const before = await image();
    const linkBefore = await page.locator('[data-control=share-link]').inputValue();
    // The view changes while the panel is open (a press outside would close it).
    await page.evaluate(() => (window.parkAtlas!.app.industries = ['biomedicine']));
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.resolve() },
      });
    });
    await page.getByRole('button', { name: '复制链接' }).click();
    await expect
      .poll(() => page.locator('[data-control=share-link]').inputValue())
      .not.toBe(linkBefore);
    await expect.poll(image, { timeout: 10_000 }).not.toBe(before);
  });

  it('Share fits a phone, and closes on Esc (focus back on its button) or a press outside', async () => {
    const ctx = await suite.browser.newContext({
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await ctx.newPage();
    try {
      await openApp(page, suite.url);
      const button = page.getByRole('button', { name: '分享' });
      const panel = page.locator('#share-panel');
      await button.click();
      await panel.waitFor();
      const box = (await panel.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
      await page.locator('[data-control=share-link]').focus();
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
      await button.click();
      await panel.waitFor();
      // Below the panel (it spans the phone's width under the header).
      const bottom = (await panel.boundingBox())!;
      await page.mouse.click(180, Math.min(660, bottom.y + bottom.height + 20));
      await panel.waitFor({ state: 'detached' });
    } finally {
      await ctx.close();
    }
  });

  it('embed=1 shows the map alone', async () => {
    const page = await open('#v=1&embed=1');
    expect(await page.locator('header').isVisible()).toBe(false);
    expect(await page.getByRole('list', { name: '园区列表' }).isVisible()).toBe(false);
    const box = await page.getByRole('region', { name: '山东开发区与产业园区地图' }).boundingBox();
    expect(box!.width).toBeGreaterThan(1200);
  });
});
