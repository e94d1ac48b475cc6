/** Bringing one's own files in real Chromium: picker, drop, report, details, export, reload. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openApp } from './harness.ts';
import { browserSuite, clickAt, pointAt } from './suite.ts';

const FIXTURES = 'test/fixtures/import';
const suite = browserSuite();

async function open(context?: BrowserContext): Promise<Page> {
  const ctx = context ?? (await suite.context({ acceptDownloads: true }));
  const page = await ctx.newPage();
  await openApp(page, suite.url);
  await page.waitForSelector('[data-testid=import-panel]');
  return page;
}

const panel = (page: Page) => page.locator('[data-testid=import-panel]');
const layerRows = (page: Page) => panel(page).locator('.layers li');
const userSources = (page: Page) =>
  page.evaluate(() =>
    Object.keys(window.parkAtlas!.controller.map.getStyle().sources).filter((s) =>
      s.startsWith('user:'),
    ),
  );

async function pick(page: Page, ...files: string[]) {
  await page.setInputFiles(
    '[data-testid=import-input]',
    files.map((f) => `${FIXTURES}/${f}`),
  );
}

/** Drops files on the map as a person dragging them from the desktop would. */
async function drop(page: Page, files: { name: string; bytes: number[] }[]) {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    const area = document.querySelector('.map-area')!;
    for (const type of ['dragenter', 'dragover', 'drop'])
      area.dispatchEvent(
        new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
  }, files);
}
const bytesOf = (f: string) => [...readFileSync(`${FIXTURES}/${f}`)];

describe('importing a file', () => {
  it('opens a plain GeoJSON by the picker, reports what it rejected, and draws the rest', async () => {
    const page = await open();
    const before = await page.evaluate(
      () => window.parkAtlas!.controller.map.querySourceFeatures('zones').length,
    );
    await pick(page, 'plain-parks.geojson');
    await layerRows(page).first().waitFor();
    const report = panel(page).locator('.report');
    const reportText = async () => ((await report.textContent()) ?? '').replace(/\s+/g, ' ');
    await expect.poll(reportText).toContain('2 已载入');
    const text = await reportText();
    expect(text).toContain('1 未载入');
    expect(text).toContain('features[1].geometry.coordinates[0]');
    expect(text).toContain('“115.5” 不是数字');
    expect(text).toContain('已自动闭合');
    expect(await userSources(page)).toHaveLength(1);
    // The built-in data is still there.
    const after = await page.evaluate(
      () => window.parkAtlas!.controller.map.querySourceFeatures('zones').length,
    );
    expect(after).toBe(before);
  });

  it('an imported file is a row in the layer panel: unticking it there hides it on the map', async () => {
    const page = await open();
    await pick(page, 'plain-parks.geojson');
    await layerRows(page).first().waitFor();
    const row = page.locator('fieldset.layers [data-imported-layer]');
    await expect.poll(() => row.count()).toBe(1);
    const label = page.locator('fieldset.layers label:has([data-imported-layer])');
    expect(await label.textContent()).toContain('plain-parks');
    // Visible user layers on the map: their style layers' visibility.
    const shown = () =>
      page.evaluate(() => {
        const map = window.parkAtlas!.controller.map;
        return map
          .getStyle()
          .layers.filter((l) => 'source' in l && String(l.source).startsWith('user:'))
          .map((l) => map.getLayoutProperty(l.id, 'visibility') ?? 'visible');
      });
    await expect.poll(shown).toContain('visible');
    await row.uncheck();
    await expect.poll(shown).not.toContain('visible');
    // The importer's own switch follows: one state, two places to change it.
    expect(await layerRows(page).first().getByRole('checkbox').first().isChecked()).toBe(false);
    await row.check();
    await expect.poll(shown).toContain('visible');
  });

  it('shows an imported feature’s properties as text: HTML never runs, javascript: is no link', async () => {
    const page = await open();
    await pick(page, 'plain-parks.geojson');
    await layerRows(page).first().waitFor();
    await clickAt(page, [115.45, 35.25]);
    const details = page.locator('[data-testid=imported-details]');
    await details.waitFor();
    expect(await details.locator('h2').textContent()).toBe('测试园');
    expect(await details.textContent()).toContain('<b>bold</b>');
    expect(await details.locator('img, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
    const links = await details
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['https://example.com/park']);

    // The toolkit measures from the imported feature's place (#17 for imported layers).
    await details.locator('[data-imported-tools] [data-tool=nearby]').click();
    await expect
      .poll(() => page.evaluate(() => decodeURIComponent(location.hash)))
      .toMatch(/nb=5\/35\.25\d*\/115\.45\d*/);
    await page.locator('[data-tab=nearby]').waitFor();
    await details.locator('[data-imported-tools] [data-tool=site]').click();
    await expect
      .poll(() => page.evaluate(() => decodeURIComponent(location.hash)))
      .toMatch(/ss=n,20,35\.25\d*,115\.45\d*/);
  });

  it('says where a broken file breaks, and leaves the map as it was', async () => {
    const page = await open();
    await pick(page, 'broken.geojson');
    const failed = panel(page).locator('.report .failed');
    await failed.waitFor();
    expect(await failed.textContent()).toMatch(/broken\.geojson.*JSON/);
    expect(await userSources(page)).toHaveLength(0);
    expect(await layerRows(page).count()).toBe(0);
  });

  it('imports a GBK spreadsheet export dropped on the map', async () => {
    const page = await open();
    await drop(page, [{ name: 'parks-gbk.csv', bytes: bytesOf('parks-gbk.csv') }]);
    await layerRows(page).first().waitFor();
    expect(await layerRows(page).first().textContent()).toContain('parks-gbk.csv');
    const names = () =>
      page.evaluate(async () => {
        const { controller } = window.parkAtlas!;
        await controller.whenIdle();
        const id = Object.keys(controller.map.getStyle().sources).find((s) =>
          s.startsWith('user:'),
        )!;
        return controller.map.querySourceFeatures(id).map((f) => f.properties.name);
      });
    await expect.poll(names, { timeout: 10_000 }).toContain('济南高新技术产业开发区');
  });

  it('reads a zipped shapefile in Gauss-Krüger metres and places it near Jinan', async () => {
    const page = await open();
    await pick(page, 'parks-gk39.zip');
    await layerRows(page).first().waitFor();
    const report = (await panel(page).locator('.report').textContent()) ?? '';
    expect(report).toContain('4527');
    const bounds = await page.evaluate(async () => {
      const { controller } = window.parkAtlas!;
      await controller.whenIdle();
      const id = Object.keys(controller.map.getStyle().sources).find((s) => s.startsWith('user:'))!;
      return controller.map
        .querySourceFeatures(id)
        .map((f) => (f.geometry as GeoJSON.Point).coordinates);
    });
    expect(bounds.length).toBeGreaterThan(0);
    for (const [lng, lat] of bounds) {
      expect(Math.abs(lng! - 117.1)).toBeLessThan(0.5);
      expect(Math.abs(lat! - 36.67)).toBeLessThan(0.5);
    }
  });

  it('keeps an imported layer across a reload until it is removed', async () => {
    const context = await suite.context();
    const page = await open(context);
    await pick(page, 'plain-parks.geojson');
    await layerRows(page).first().waitFor();
    // Shown before it is stored: the row says so until the write has ended.
    await panel(page).locator('.layers li:not([data-storing])').first().waitFor();
    await page.reload();
    await page.waitForFunction(() => window.parkAtlas !== undefined);
    await layerRows(page).first().waitFor();
    await expect.poll(() => userSources(page)).toHaveLength(1);
    await layerRows(page).first().getByRole('button', { name: '移除' }).click();
    await expect.poll(() => layerRows(page).count()).toBe(0);
    await page.reload();
    await page.waitForSelector('[data-testid=import-panel]');
    expect(await layerRows(page).count()).toBe(0);
  });

  it('exports the layer as CSV that Excel reads as UTF-8', async () => {
    const page = await open();
    await pick(page, 'plain-parks.geojson');
    await layerRows(page).first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      layerRows(page).first().getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    const path = await download.path();
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('测试园');
    expect(download.suggestedFilename()).toBe('plain-parks.csv');
  });

  it('Share says an imported file is not in the link, and offers the export', async () => {
    const page = await open();
    await page.getByRole('button', { name: '分享' }).click();
    await page.locator('[data-control=share-link]').waitFor();
    expect(await page.locator('[data-testid=share-local]').count()).toBe(0);
    await page.getByRole('button', { name: '分享' }).click();
    await pick(page, 'plain-parks.geojson');
    await layerRows(page).first().waitFor();
    await page.getByRole('button', { name: '分享' }).click();
    const note = page.locator('[data-testid=share-local]');
    await note.waitFor();
    expect(await note.textContent()).toContain('分享的链接不包含');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      note.getByRole('button').click(),
    ]);
    const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(json.features).toHaveLength(2);
    expect(json.features[0].properties.imported_layer).toBe('plain-parks.geojson');
  });

  it('lets the user choose which field names the features', async () => {
    const page = await open();
    await pick(page, 'plain-parks.geojson');
    await layerRows(page).first().waitFor();
    // The names the map's source holds, each once (a polygon may sit in several tiles).
    const namesOnMap = () =>
      page.evaluate(() => {
        const { map } = window.parkAtlas!.controller;
        const id = Object.keys(map.getStyle().sources).find((s) => s.startsWith('user:'))!;
        return [
          ...new Set(map.querySourceFeatures(id).map((f) => String(f.properties.name))),
        ].sort();
      });
    await expect.poll(namesOnMap, { timeout: 10_000 }).toContain('测试园');
    await layerRows(page)
      .first()
      .getByLabel('名称字段')
      .selectOption('investment', { timeout: 10_000 });
    await expect.poll(namesOnMap, { timeout: 10_000 }).toEqual(['1,200', '12']);
  });

  it('opens any file a same-origin ?data= link names, as a layer over the built-in data', async () => {
    const page = await (await suite.context()).newPage();
    for (const file of ['parks-gbk.csv', 'plain-parks.geojson']) {
      await openApp(page, `${suite.url}?data=/${FIXTURES}/${file}`);
      await layerRows(page).first().waitFor();
      expect(await layerRows(page).first().textContent()).toContain(file);
      // The built-in zones are still drawn under it.
      expect(
        await page.evaluate(
          () => window.parkAtlas!.controller.map.getSource('zones') !== undefined,
        ),
      ).toBe(true);
    }
    // The link brings the file back; it is not stored as well.
    await openApp(page, suite.url);
    await page.waitForSelector('[data-testid=import-panel]');
    expect(await layerRows(page).count()).toBe(0);
  });

  it('cancels a long import at once, keeping the layers it had', async () => {
    const big = join(tmpdir(), 'park-atlas-cancel.csv');
    const rows = ['名称,经度,纬度'];
    for (let i = 0; i < 400_000; i++)
      rows.push(`园${i},${115 + (i % 700) / 100},${35 + (i % 300) / 100}`);
    writeFileSync(big, rows.join('\n'));
    const page = await open();
    await pick(page, 'plain-parks.geojson');
    await layerRows(page).first().waitFor();
    await page.setInputFiles('[data-testid=import-input]', big);
    const progress = panel(page).locator('.progress');
    await progress.waitFor();
    await progress.getByRole('button', { name: '取消' }).click();
    await progress.waitFor({ state: 'detached', timeout: 5_000 });
    // The kept layer is read back by the new worker; the cancelled one never appears.
    await expect.poll(() => layerRows(page).count()).toBe(1);
    expect(await layerRows(page).first().textContent()).toContain('plain-parks.geojson');
    rmSync(big, { force: true });
  });

  it('exports the built-in parks the filters show, with their sources', async () => {
    const page = await open();
    const summary = page.locator('.list .summary').first();
    const count = async () => /显示\s*(\d+)\s*\//.exec((await summary.textContent()) ?? '')?.[1];
    await expect.poll(count).toBeDefined();
    const all = await count();
    await page.locator('[data-industry=new-materials]').check();
    await expect.poll(count, { timeout: 10_000 }).not.toBe(all);
    // The filter's count leaves the zones out (they are listed apart); the export holds them too.
    const zones = await page.getByRole('list', { name: '开发区列表' }).getByRole('button').count();
    expect(zones).toBeGreaterThan(0);
    const shown = Number(await count()) + zones;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid=export-shown]').getByRole('button', { name: 'CSV' }).click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('source_quote');
    expect(lines.length - 1).toBe(shown);
    expect(shown).toBeGreaterThan(0);
  });

  it('colours an imported layer by a numeric field, with a legend, and filters it by a category', async () => {
    const page = await open();
    await pick(page, 'styled.csv');
    const row = layerRows(page).first();
    await row.waitFor();
    await row.getByLabel('按数值着色').selectOption('投资_亿元');
    const legend = row.locator('[data-testid=imported-legend]');
    await legend.waitFor();
    const text = ((await legend.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('投资_亿元');
    expect(text).toContain('无数值 (1)');
    const layerId = await page.evaluate(() =>
      Object.keys(window.parkAtlas!.controller.map.getStyle().sources).find((s) =>
        s.startsWith('user:'),
      ),
    );
    const paint = () =>
      page.evaluate(
        (id) => window.parkAtlas!.controller.map.getPaintProperty(`${id}:point`, 'circle-color'),
        layerId,
      );
    await expect.poll(paint).toEqual(expect.arrayContaining(['case']));
    // Filter by 级别: unticking 市级 leaves four of the six parks drawn.
    await row.getByLabel('按类别筛选').selectOption('级别');
    const cityLevel = row.getByRole('checkbox', { name: /市级/ });
    await cityLevel.waitFor();
    const data = () =>
      page.evaluate(() => {
        const drawing = window.parkAtlasImports!.entries[0]!.drawing;
        return drawing.kind === 'geojson' ? drawing.url : null;
      });
    const before = await data();
    await cityLevel.uncheck();
    const drawn = () =>
      page.evaluate(async (id) => {
        const { controller } = window.parkAtlas!;
        controller.map.fitBounds([116, 36, 117.2, 36.7], { animate: false, padding: 40 });
        await controller.whenIdle();
        // A category not shown is switched off by feature-state: drawn transparent.
        return controller.map
          .queryRenderedFeatures({ layers: [`${id}:point`] })
          .filter((f) => !f.state.off).length;
      }, layerId);
    await expect.poll(drawn, { timeout: 10_000 }).toBe(4);
    // A filter on the map's data, not a new file of it from the worker.
    expect(await data()).toBe(before);
    // Stored all the same: a reload shows the same four, 市级 unticked.
    await page.reload();
    await page.waitForFunction(() => window.parkAtlas !== undefined, null, { timeout: 60_000 });
    await expect.poll(drawn, { timeout: 20_000 }).toBe(4);
    await expect
      .poll(() => layerRows(page).first().getByRole('checkbox', { name: /市级/ }).isChecked())
      .toBe(false);
  });

  it('saves the map as a PNG with a title and the legend of what is shown', async () => {
    const page = await open();
    await pick(page, 'plain-parks.geojson');
    await layerRows(page).first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator('[data-testid=export-shown]')
        .getByRole('button', { name: '地图图片（PNG）' })
        .click(),
    ]);
    const png = readFileSync(await download.path());
    expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    const canvas = await page.evaluate(() => {
      const c = window.parkAtlas!.controller.map.getCanvas();
      return [c.width, c.height];
    });
    // The map, a legend column beside it, a title above and the scale and date below.
    expect(w).toBeGreaterThan(canvas[0]!);
    expect(h).toBeGreaterThan(canvas[1]!);
    const looks = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.width, img.height];
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      /** Pixels in the box darker than `below` on every channel. */
      const count = (x0: number, y0: number, w0: number, h0: number, below: number) => {
        const d = g.getImageData(x0, y0, w0, h0).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4)
          if (d[i]! < below && d[i + 1]! < below && d[i + 2]! < below) n++;
        return n;
      };
      const ratio =
        img.width / (window.parkAtlas!.controller.map.getCanvas().clientWidth + 220 + 32);
      return {
        titleInk: count(0, 0, Math.round(300 * ratio), Math.round(40 * ratio), 100),
        mapInk: count(
          Math.round(20 * ratio),
          Math.round(70 * ratio),
          Math.round(400 * ratio),
          Math.round(300 * ratio),
          235,
        ),
      };
    }, png.toString('base64'));
    expect(looks.titleInk).toBeGreaterThan(50);
    // The basemap's land and water, not a blank frame.
    expect(looks.mapInk).toBeGreaterThan(1000);
  });

  it('finds imported features by name and by pinyin, and opens the one chosen', async () => {
    const page = await open();
    await pick(page, 'styled.csv');
    await layerRows(page).first().waitFor();
    const box = page.locator('[role=combobox][aria-autocomplete]');
    await box.fill('bingyuan');
    const option = page.getByRole('option', { name: /丙园/ });
    await option.waitFor({ timeout: 15_000 });
    expect(await option.textContent()).toContain('导入的要素');
    await option.click();
    const details = page.locator('[data-testid=imported-details]');
    await details.waitFor();
    expect(await details.locator('h2').textContent()).toBe('丙园');
  });

  it('draws a big layer of points on the GPU, coloured by a field, and opens the one clicked', async () => {
    const big = join(tmpdir(), 'park-atlas-gpu.csv');
    // 30,000 parks on a 200 × 150 grid 0.005° apart; 投资 is 1…9, so quantiles colour them;
    // 级别 alternates 市级 (even) and 省级 (odd).
    const rows = ['名称,经度,纬度,投资,级别'];
    for (let i = 0; i < 30_000; i++)
      rows.push(
        `园${i},${(116 + (i % 200) * 0.005).toFixed(3)},${(36 + Math.floor(i / 200) * 0.005).toFixed(3)},${(i % 9) + 1},${i % 2 ? '省级' : '市级'}`,
      );
    writeFileSync(big, rows.join('\n'));
    const page = await open();
    await page.setInputFiles('[data-testid=import-input]', big);
    const row = layerRows(page).first();
    await row.waitFor({ timeout: 60_000 });
    // No GeoJSON source for it: MapLibre's tiling of 30,000 points is what cost the page seconds.
    expect(await userSources(page)).toEqual([]);
    const layers = () =>
      page.evaluate(() =>
        window.parkAtlas!.controller.map.getLayersOrder().filter((id) => id.startsWith('user:')),
      );
    // Added once its shaders have compiled, a step per task after the row (no long task).
    await expect.poll(layers).toEqual([expect.stringMatching(/^user:.*:gpu$/)]);
    // 园10100 is at 116.5, 36.25 (column 100, row 50).
    const at = (lng: number, lat: number) => pointAt(page, [lng, lat], 15);
    const pixel = async (x: number, y: number) => {
      const png = await page.screenshot({ clip: { x: x - 1, y: y - 1, width: 3, height: 3 } });
      return page.evaluate(async (b64) => {
        const img = await createImageBitmap(
          await (await fetch(`data:image/png;base64,${b64}`)).blob(),
        );
        const c = new OffscreenCanvas(3, 3).getContext('2d')!;
        c.drawImage(img, 0, 0);
        return [...c.getImageData(1, 1, 1, 1).data.slice(0, 3)];
      }, png.toString('base64'));
    };
    const [x, y] = await at(116.5, 36.25);
    const plain = await pixel(x, y);
    // The layer's own colour (the first of USER_LAYER_COLORS, #d6336c), not the basemap's.
    expect(
      Math.abs(plain[0]! - 0xd6) + Math.abs(plain[1]! - 0x33) + Math.abs(plain[2]! - 0x6c),
    ).toBeLessThan(40);
    await page.mouse.click(x, y);
    const details = page.locator('[data-testid=imported-details]');
    await details.waitFor();
    expect(await details.locator('h2').textContent()).toBe('园10100');
    // Search finds it by name though it is past the pinyin index's size (its names are scanned).
    const box = page.locator('[role=combobox][aria-autocomplete]');
    await box.fill('园29998');
    const option = page.getByRole('option', { name: /园29998/ });
    await option.waitFor({ timeout: 15_000 });
    await option.click();
    await expect.poll(() => details.locator('h2').textContent()).toBe('园29998');
    // Closed, so the details panel (its seats make it reach the map's middle) hides no pixel.
    await details.getByRole('button', { name: /关闭|close/i }).click();
    await details.waitFor({ state: 'detached' });
    // Coloured by 投资: the point's colour changes with its class.
    await row.getByLabel('按数值着色').selectOption('投资');
    await row.locator('[data-testid=imported-legend]').waitFor();
    await expect
      .poll(
        async () => {
          const [x2, y2] = await at(116.5, 36.25);
          const c = await pixel(x2, y2);
          return (
            Math.abs(c[0]! - plain[0]!) + Math.abs(c[1]! - plain[1]!) + Math.abs(c[2]! - plain[2]!)
          );
        },
        { timeout: 10_000 },
      )
      .toBeGreaterThan(40);
    // Filtered by 级别 without 市级: 园10100 is gone from the same layer (not a rebuilt one).
    await row.getByLabel('按类别筛选').selectOption('级别');
    const cityLevel = row.getByRole('checkbox', { name: /市级/ });
    await cityLevel.waitFor();
    const gpuLayer = () =>
      page.evaluate(() => {
        const map = window.parkAtlas!.controller.map;
        const id = map.getLayersOrder().find((l) => l.endsWith(':gpu'))!;
        const layer = (map.getLayer(id) as unknown as { implementation: object }).implementation;
        const w = window as unknown as { seen?: object[] };
        w.seen ??= [];
        if (!w.seen.includes(layer)) w.seen.push(layer);
        return w.seen.length;
      });
    expect(await gpuLayer()).toBe(1);
    const [x3, y3] = await at(116.5, 36.25);
    const coloured = await pixel(x3, y3);
    await cityLevel.uncheck();
    await expect
      .poll(
        async () => {
          const [x4, y4] = await at(116.5, 36.25);
          const c = await pixel(x4, y4);
          return (
            Math.abs(c[0]! - coloured[0]!) +
            Math.abs(c[1]! - coloured[1]!) +
            Math.abs(c[2]! - coloured[2]!)
          );
        },
        { timeout: 10_000 },
      )
      .toBeGreaterThan(40);
    expect(await gpuLayer()).toBe(1);
    rmSync(big, { force: true });
  });
});
