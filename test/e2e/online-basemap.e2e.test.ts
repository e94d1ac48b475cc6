/**
 * The online basemap is an option, never required (issue 13, point 4): with a tile service on
 * another origin (loopback, another port) that the operator allowed in the CSP, turning it on
 * draws its tiles; when the service fails, the map falls back to the offline basemap, says so,
 * and still draws its land and its data. An origin the deployment does not allow is refused in
 * the form.
 */
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAYER } from '../../src/lib/map/ids.ts';
import { ONLINE_LAYER } from '../../src/lib/map/online-basemap.ts';
import { defaultTheme } from '../../src/lib/map/style/theme.ts';
import {
  launchChromium,
  openApp,
  otherOrigin,
  startServer,
  type AppServer,
  type OtherOrigin,
} from './harness.ts';
import { hex, mapPixels, pixelsNear, type Pixels, type Rgb } from './pixels.ts';

/** The province view: every zone labelled (collisions permitting), land, neighbours and sea. */
const HASH = '#v=1';
const MAGENTA: Rgb = [255, 0, 255];

/** A 256×256 PNG of one colour: a tile the raster layer can draw. */
function solidPng([r, g, b]: Rgb): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(256, 0);
  ihdr.writeUInt32BE(256, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(256).fill([r, g, b]).flat())]);
  const raw = Buffer.concat(Array<Buffer>(256).fill(row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A tile server on loopback: every tile an HTTP 500, or the same PNG. */
function tileServer(png: Buffer | null): Promise<OtherOrigin> {
  return otherOrigin((_req, res) => {
    // Another origin: the page may read the tile only with CORS.
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (png) res.writeHead(200, { 'Content-Type': 'image/png' }).end(png);
    else res.writeHead(500, { 'Content-Type': 'text/plain' }).end('tile server broken');
  });
}

let failing: OtherOrigin;
let working: OtherOrigin;
let app: AppServer;
let browser: Browser;
const previous = process.env.PARK_ATLAS_TILE_ORIGINS;

beforeAll(async () => {
  failing = await tileServer(null);
  working = await tileServer(solidPng(MAGENTA));
  // The operator's setting: these two origins, and no other, in img-src and connect-src.
  process.env.PARK_ATLAS_TILE_ORIGINS = `${failing.origin} ${working.origin}`;
  app = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  for (const t of [failing, working]) t?.server.close();
  if (previous === undefined) delete process.env.PARK_ATLAS_TILE_ORIGINS;
  else process.env.PARK_ATLAS_TILE_ORIGINS = previous;
});

async function openPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(page, `${app.url}${HASH}`);
  return page;
}

/** Turns the online basemap on with this template, from the layer panel. */
async function useTemplate(page: Page, template: string): Promise<void> {
  await page.locator('[data-layer="online"]').check();
  const field = page.locator('[data-online-template]');
  await field.fill(template);
  await page.locator('form.online button[type="submit"]').click();
}

/** Pixels of the whole map near a colour. */
const share = (img: Pixels, colour: Rgb, tolerance = 6) =>
  pixelsNear(img, { x: img.width / 2, y: img.height / 2, r: img.width }, colour, tolerance) /
  (img.width * img.height);

const zoneLabels = (page: Page) =>
  page.evaluate(
    (layer) => window.parkAtlas!.controller.map.queryRenderedFeatures({ layers: [layer] }).length,
    LAYER.zoneLabel,
  );

describe('the online basemap', () => {
  it('refuses an origin this deployment does not allow, before any request', async () => {
    const page = await openPage();
    const offOrigin: string[] = [];
    page.on('request', (r) => !r.url().startsWith(app.url) && offOrigin.push(r.url()));
    await page.locator('[data-layer="online"]').check();
    await page.locator('[data-online-template]').fill('https://tiles.example.org/{z}/{x}/{y}.png');
    await expect
      .poll(() => page.locator('form.online [role="alert"]').first().textContent())
      .toContain('https://tiles.example.org');
    expect(await page.locator('form.online button[type="submit"]').isDisabled()).toBe(true);
    // A GCJ-02 service is warned about (and, here, not allowed either).
    await page
      .locator('[data-online-template]')
      .fill('https://webrd01.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}');
    await expect.poll(() => page.locator('form.online').textContent()).toContain('GCJ-02');
    expect(offOrigin).toEqual([]);
    await page.close();
  });

  it('falls back to the offline basemap when every tile fails, and says so', async () => {
    const page = await openPage();
    const tileRequests: string[] = [];
    page.on('request', (r) => r.url().startsWith(failing.origin) && tileRequests.push(r.url()));
    await useTemplate(page, `${failing.origin}/{z}/{x}/{y}.png`);

    await page.locator('[data-online-failed]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-online-failed]').textContent()).toContain(
      '在线底图加载失败，已使用离线底图',
    );
    expect(tileRequests.length).toBeGreaterThan(0);
    expect(failing.hits.length).toBeGreaterThan(0);
    await page.evaluate(() => window.parkAtlas?.controller.whenIdle());
    expect(
      await page.evaluate(
        (id) => window.parkAtlas!.controller.map.getLayer(id) ?? null,
        ONLINE_LAYER,
      ),
    ).toBeNull();

    // The offline land is drawn (either district tint), and the data on it.
    const img = await mapPixels(page);
    const land = share(img, hex(defaultTheme.land)) + share(img, hex(defaultTheme.landAlt));
    expect(land).toBeGreaterThan(0.25);
    expect(await zoneLabels(page)).toBeGreaterThan(0);
    await page.close();
  });

  it('falls back too when the CSP blocks a linked template from an origin not allowed', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const blocked = 'http://127.0.0.1:9/{z}/{x}/{y}.png';
    await openApp(page, `${app.url}#v=1&bm=${encodeURIComponent(blocked)}`);
    await page.locator('[data-online-failed]').waitFor({ timeout: 30_000 });
    expect(await zoneLabels(page)).toBeGreaterThan(0);
    await page.close();
  });

  it('draws the tiles of a working service under the data', async () => {
    const page = await openPage();
    await useTemplate(page, `${working.origin}/{z}/{x}/{y}.png`);
    await expect
      .poll(() =>
        page.evaluate(
          (id) => window.parkAtlas!.controller.map.getLayer(id) !== undefined,
          ONLINE_LAYER,
        ),
      )
      .toBe(true);
    await page.evaluate(() => window.parkAtlas?.controller.whenIdle());
    expect(working.hits.length).toBeGreaterThan(0);

    const img = await mapPixels(page);
    expect(share(img, MAGENTA, 12)).toBeGreaterThan(0.3);
    // The offline land is under the raster now, and the data above it.
    expect(share(img, hex(defaultTheme.land))).toBeLessThan(0.05);
    expect(await zoneLabels(page)).toBeGreaterThan(0);
    expect(await page.locator('[data-online-failed]').count()).toBe(0);

    // No key in it: the link carries it. And it is kept in this browser: a reload draws it again.
    expect(decodeURIComponent(new URL(page.url()).hash)).toContain(`bm=${working.origin}/{z}`);
    // Via another page, so this is a new load (a hash change alone would keep the page).
    await page.goto('about:blank');
    await openApp(page, `${app.url}${HASH}`);
    await expect
      .poll(() =>
        page.evaluate(
          (id) => window.parkAtlas!.controller.map.getLayer(id) !== undefined,
          ONLINE_LAYER,
        ),
      )
      .toBe(true);
    expect(await page.locator('[data-layer="online"]').isChecked()).toBe(true);
    await page.close();
  });
});
