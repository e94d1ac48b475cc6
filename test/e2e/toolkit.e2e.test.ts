/**
 * The investment-promotion toolkit (#17) in real Chromium: compare, nearby, visit route, print.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, clickAt } from './suite.ts';
import { pdfPages } from './pdf-text.ts';

const suite = browserSuite();

const open = (hash = '', width = 1280, height = 800) =>
  suite.open(hash, { viewport: { width, height } });
const hashOf = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));
const columns = (page: Page) =>
  page
    .locator('[data-compare] thead [data-compare-col]')
    .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-compare-col')));

describe('compare', () => {
  it('菏泽高新区 and 济宁高新区 side by side: both zones’ 固定资产投资 with their years', async () => {
    const page = await open('#v=1&sel=heze-hitech');
    await page.locator('[data-tool=compare]').click();
    await expect.poll(() => hashOf(page)).toContain('cmp=heze-hitech');
    // Another zone's details (a hand-edited link goes through the same path as Back/Forward).
    await page.evaluate(() => (location.hash = '#v=1&sel=jining-hitech&cmp=heze-hitech'));
    await page.locator('[data-tool=compare]').click();
    await expect.poll(() => hashOf(page)).toContain('cmp=heze-hitech,jining-hitech');
    await expect.poll(() => columns(page)).toEqual(['heze-hitech', 'jining-hitech']);

    const row = page.locator('[data-compare] tr[data-row=fixed_asset_investment]');
    await expect.poll(() => row.locator('th').textContent()).toBe('固定资产投资');
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toMatch(/亿元.*2017年/s);
    expect(cells[1]).toMatch(/亿元.*2015年1–11月/s);
    // The quote is one click away.
    const quote = row.locator('td').first().locator('blockquote');
    expect(await quote.isVisible()).toBe(false);
    await row.locator('td').first().locator('summary').click();
    expect(await quote.isVisible()).toBe(true);
    // A row a zone does not report says so; one that applies to no zone says why.
    expect(await page.locator('[data-compare] tr[data-row=gdp] td').nth(1).textContent()).toContain(
      '资料未载明',
    );

    // The map frames both (their label points).
    const inView = await page.evaluate(() => {
      const b = window.parkAtlas!.controller.map.getBounds();
      return [b.contains([115.37879, 35.23006]), b.contains([116.69401, 35.44711])];
    });
    expect(inView).toEqual([true, true]);

    // Back and Forward step through the comparison.
    await page.goBack();
    await expect.poll(() => columns(page)).toEqual(['heze-hitech']);
    await page.goForward();
    await expect.poll(() => columns(page)).toEqual(['heze-hitech', 'jining-hitech']);

    // English.
    await page.locator('button.lang').click();
    await expect.poll(() => row.locator('th').textContent()).toMatch(/fixed.asset investment/i);
    expect(await row.locator('td').first().textContent()).toMatch(/100 million CNY.*2017/s);
  });
});

describe('adding by name (#17 points 1, 4: from search)', () => {
  it('the comparison and the route take features typed in their own search box', async () => {
    const page = await open('#v=1&cmp=heze-hitech');
    const box = page.locator('[data-add-place] [role=combobox]');
    await box.fill('济宁高新');
    await box.press('ArrowDown');
    await box.press('Enter');
    await expect.poll(() => hashOf(page)).toContain('cmp=heze-hitech,jining-hitech');
    await expect.poll(() => columns(page)).toEqual(['heze-hitech', 'jining-hitech']);

    const route = await open('#v=1&route=jining-hitech');
    const stopBox = route.locator('[data-add-place] [role=combobox]');
    await stopBox.fill('jiaozhou');
    await stopBox.press('ArrowDown');
    await stopBox.press('Enter');
    await expect.poll(() => hashOf(route)).toContain('route=jining-hitech,jiaozhou');
  });
});

describe('adding from the list (#17 points 1, 4)', () => {
  it('a row pointed at or focused offers compare and route; the keyboard reaches them by Tab', async () => {
    const page = await open('#v=1');
    const row = (id: string) => page.locator(`.park-list li:has(> [data-id="${id}"])`);
    // Hidden until the row is pointed at or focused: 169 rows of buttons would bury the names.
    expect(await row('heze-hitech').locator('[data-list-add=compare]').isVisible()).toBe(false);
    await row('heze-hitech').locator('[data-id]').focus();
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-list-add') ?? null);
    expect(await focused()).toBe('compare');
    await page.keyboard.press('Enter');
    await expect.poll(() => hashOf(page)).toContain('cmp=heze-hitech');
    await row('jining-hitech').hover();
    await row('jining-hitech').locator('[data-list-add=compare]').click();
    await expect.poll(() => hashOf(page)).toContain('cmp=heze-hitech,jining-hitech');
    await expect.poll(() => columns(page)).toEqual(['heze-hitech', 'jining-hitech']);
    // A row in the comparison keeps showing so, pressed.
    expect(
      await row('heze-hitech').locator('[data-list-add=compare]').getAttribute('aria-pressed'),
    ).toBe('true');
    await row('jiaozhou').hover();
    await row('jiaozhou').locator('[data-list-add=route]').click();
    await expect.poll(() => hashOf(page)).toContain('route=jiaozhou');
  });
});

describe('nearby', () => {
  it('the details keep the top and the toolkit the bottom where the map is too narrow for both', async () => {
    for (const [w, h] of [
      [1280, 800],
      [1024, 768],
    ] as const) {
      const page = await open(
        '#v=1&sel=heze-medical-device-park&nb=5/heze-medical-device-park',
        w,
        h,
      );
      const kit = page.locator('[data-toolkit]');
      await kit.locator('[data-nearby] li').first().waitFor();
      const details = (await page.locator('div.details').boundingBox())!;
      const tools = (await kit.boundingBox())!;
      const overlapX =
        Math.min(details.x + details.width, tools.x + tools.width) > Math.max(details.x, tools.x);
      expect(overlapX, `${w}: the panels share columns here`).toBe(true);
      expect(details.y + details.height, `${w}×${h}`).toBeLessThanOrEqual(tools.y);
      await page.screenshot({ path: `test-results/toolkit-details-${w}.png` });
    }
  });

  it('from 医疗器械机电产业园: 启迪之星(菏泽)加速器 first, at ~0 m and said to be approximate', async () => {
    const page = await open('#v=1&sel=heze-medical-device-park');
    await page.locator('[data-tool=nearby]').click();
    await expect.poll(() => hashOf(page)).toContain('nb=5/heze-medical-device-park');
    const first = page.locator('[data-nearby] li').first();
    await expect.poll(() => first.textContent()).toContain('启迪之星(菏泽)加速器');
    expect(await first.textContent()).toMatch(/~0 m.*开发区/s);
    // The radius is drawn.
    const drawn = await page.evaluate(async () => {
      const map = window.parkAtlas!.controller.map;
      await window.parkAtlas!.controller.whenIdle();
      return map.querySourceFeatures('toolkit-radius').length;
    });
    expect(drawn).toBeGreaterThan(0);
    await page.locator('[data-nearby-radius]').fill('50');
    await page.locator('[data-nearby-radius]').press('Enter');
    await expect.poll(() => hashOf(page)).toContain('nb=50/heze-medical-device-park');
  });

  it('lists the user’s imported features too, nearest first; a row opens the feature’s details', async () => {
    const page = await open('#v=1&sel=heze-medical-device-park');
    // Two places near 医疗器械机电产业园 (115.37879, 35.23006), the nearer one second, and one far.
    const point = (name: string, lng: number, lat: number) => ({
      type: 'Feature',
      properties: { name },
      geometry: { type: 'Point', coordinates: [lng, lat] },
    });
    const geojson = {
      type: 'FeatureCollection',
      features: [
        point('乙供应商', 115.4, 35.25),
        point('远处仓库', 116.5, 36.0),
        point('甲物流仓库', 115.39, 35.24),
      ],
    };
    await page.locator('[data-testid=import-input]').waitFor({ state: 'attached' });
    await page.setInputFiles('[data-testid=import-input]', {
      name: 'my-sites.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(geojson)),
    });
    await page.locator('[data-testid=import-panel] .layers li').first().waitFor();
    await page.locator('[data-tool=nearby]').click();
    await expect.poll(() => hashOf(page)).toContain('nb=5/heze-medical-device-park');

    const section = page.locator('[data-nearby-imported]');
    const rows = section.locator('li');
    await expect.poll(() => rows.count()).toBe(2);
    const texts = (await rows.allTextContents()).map((t) => t.replace(/\s+/g, ' '));
    // The origin is placed only to its zone, so these distances are approximate too.
    expect(texts[0]).toMatch(/甲物流仓库.*my-sites\.geojson.*~1\.5 km/);
    expect(texts[1]).toMatch(/乙供应商.*my-sites\.geojson.*~2\.9 km/);
    expect(await section.textContent()).toContain('2 处在 5 公里内');
    // Asked again when the radius changes.
    const radius = page.locator('[data-nearby-radius]');
    await radius.fill('2');
    await radius.press('Enter');
    await expect
      .poll(() => rows.allTextContents())
      .toEqual([expect.stringContaining('甲物流仓库')]);
    await radius.fill('5');
    await radius.press('Enter');
    await expect.poll(() => rows.count()).toBe(2);

    // A row opens the imported feature's details and brings it into view; one details panel at a
    // time, so the origin's closes.
    await rows.first().getByRole('button').click();
    const details = page.locator('[data-testid=imported-details]');
    await expect.poll(() => details.textContent()).toContain('甲物流仓库');
    await expect.poll(() => page.locator('section.details').count()).toBe(0);
    await expect
      .poll(() =>
        page.evaluate(() => window.parkAtlas!.controller.map.getBounds().contains([115.39, 35.24])),
      )
      .toBe(true);
    // Nearby from the imported feature itself: named, in the link, and not its own neighbour.
    await details.locator('[data-tool=nearby]').click();
    await expect.poll(() => hashOf(page)).toContain('nb=5/35.24/115.39/');
    expect(await page.locator('[data-toolkit] .from strong').textContent()).toBe('甲物流仓库');
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining('乙供应商')]);
    // Selecting a dataset feature closes the imported details in turn.
    await page.evaluate(() => (location.hash = '#v=1&sel=heze-medical-device-park'));
    await page.locator('section.details').waitFor();
    await expect.poll(() => details.count()).toBe(0);
    await page.evaluate(
      () => (location.hash = '#v=1&sel=heze-medical-device-park&nb=5/heze-medical-device-park'),
    );
    await expect.poll(() => rows.count()).toBe(2);
    // A layer hidden in the layer panel is not listed.
    await page.locator('fieldset.layers [data-imported-layer]').uncheck();
    await expect.poll(() => rows.count()).toBe(0);
    expect(await section.textContent()).toContain('5 公里内没有');
  });

  it('a right click anywhere on the map opens nearby from that point', async () => {
    const page = await open('#map=9/35.25/115.45&v=1');
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
    await expect.poll(() => hashOf(page)).toMatch(/nb=5\/35\.2\d*\/115\.4\d*/);
    await page.locator('[data-tab=nearby]').waitFor();
  });

  it('details give the distance to the nearest prefecture seat and county seat', async () => {
    const page = await open('#v=1&sel=heze-tus-star-accelerator');
    const seats = page.locator('[data-seats]');
    await expect.poll(() => seats.textContent()).toMatch(/地级市驻地.*~\d.*县（区）驻地.*~\d/s);
  });
});

describe('visit route', () => {
  const link = '#v=1&route=jining-hitech,heze-tus-star-accelerator,jiaozhou';
  const stops = (page: Page) =>
    page
      .locator('[data-route] [data-stop]')
      .evaluateAll((li) => li.map((l) => l.getAttribute('data-stop')));

  it('a route link reopens with its stops in order; ↑ moves a stop, and the new link keeps it', async () => {
    const page = await open(link);
    await expect
      .poll(() => stops(page))
      .toEqual(['jining-hitech', 'heze-tus-star-accelerator', 'jiaozhou']);
    expect(await page.locator('[data-route-total]').textContent()).toMatch(/\d+ km/);
    // Drawn: a line and three numbered stops.
    const drawn = await page.evaluate(async () => {
      await window.parkAtlas!.controller.whenIdle();
      return window.parkAtlas!.controller.map.querySourceFeatures('toolkit-route').length;
    });
    expect(drawn).toBeGreaterThanOrEqual(4);

    await page.locator('[data-stop=heze-tus-star-accelerator]').focus();
    await page.keyboard.press('ArrowUp');
    await expect
      .poll(() => stops(page))
      .toEqual(['heze-tus-star-accelerator', 'jining-hitech', 'jiaozhou']);
    const moved = await hashOf(page);
    expect(moved).toContain('route=heze-tus-star-accelerator,jining-hitech,jiaozhou');
    // Focus stays on the stop that moved.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-stop'))).toBe(
      'heze-tus-star-accelerator',
    );

    const again = await open(moved);
    await expect
      .poll(() => stops(again))
      .toEqual(['heze-tus-star-accelerator', 'jining-hitech', 'jiaozhou']);
  });

  it('drag and drop reorders stops', async () => {
    const page = await open(link);
    await page.locator('[data-stop=jiaozhou]').dragTo(page.locator('[data-stop=jining-hitech]'));
    await expect
      .poll(() => stops(page))
      .toEqual(['jiaozhou', 'jining-hitech', 'heze-tus-star-accelerator']);
  });

  it('each stop links to 高德, 百度 and Apple Maps, which the page never requests', async () => {
    const page = await open(link);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    const second = page.locator('[data-stop=heze-tus-star-accelerator]');
    const amap = new URL((await second.locator('[data-dir=amap]').getAttribute('href')) ?? '');
    expect(amap.host).toBe('uri.amap.com');
    expect(amap.searchParams.get('to')).toMatch(/^115\.38\d+,35\.22\d+,启迪之星/);
    const baidu = new URL((await second.locator('[data-dir=baidu]').getAttribute('href')) ?? '');
    expect(baidu.searchParams.get('coord_type')).toBe('bd09ll');
    const apple = new URL((await second.locator('[data-dir=apple]').getAttribute('href')) ?? '');
    expect(apple.searchParams.get('daddr')).toBe('35.23006,115.37879');
    expect(requested.filter((u) => /amap|baidu|apple/.test(u))).toEqual([]);
  });
});

describe('print', () => {
  it('a comparison prints on A4 with map, legend, scale, north arrow, sources and the link as a QR code', async () => {
    const page = await open('#v=1&cmp=heze-hitech,jining-hitech');
    await page.locator('[data-compare]').waitFor();
    await page.evaluate(() => (window.print = () => undefined));
    await page.locator('[data-print=compare]').click();
    await page.locator('#print-sheet .ps-qr').waitFor({ state: 'attached' });
    await page.waitForFunction(() => document.documentElement.classList.contains('printing'));
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    // Every figure with its quote: several pages, the map and legend on the first.
    expect(pages.length).toBeLessThanOrEqual(10);
    // Glyphs are placed one by one, so the text is compared without whitespace.
    const flat = (t = '') => t.replace(/\s+/g, '');
    expect(flat(pages[0]?.text)).toContain('园区地图');
    expect(pages[0]?.images).toBeGreaterThanOrEqual(1);
    // A4 is 595.3 × 841.9 pt; Chromium rounds its page box up.
    for (const p of pages)
      expect(p.size.map((n) => Math.abs(n - 595.5) < 2 || Math.abs(n - 842) < 2)).toEqual([
        true,
        true,
      ]);
    const text = flat(pages.map((p) => p.text).join(''));
    for (const words of [
      '园区地图',
      '对比',
      '菏泽高新区',
      '济宁高新区',
      '固定资产投资',
      '2017年',
      '2015年',
      '数据来源',
      '北',
      '日期',
      'km',
    ])
      expect(text).toContain(words);
    expect(text).toContain('000_3dd22fdc9e0e8f3b.txt');
    // The map and the QR code are images.
    expect(pages.reduce((n, p) => n + p.images, 0)).toBeGreaterThanOrEqual(2);
  });
});

describe('imported places in compare and route', () => {
  /** Imports plain-parks.geojson and clicks its 测试园 (115.45, 35.25) on the map. */
  async function openImportedPark(page: Page): Promise<void> {
    await page.waitForSelector('[data-testid=import-panel]');
    await page.setInputFiles(
      '[data-testid=import-input]',
      'test/fixtures/import/plain-parks.geojson',
    );
    await page.locator('[data-testid=import-panel] .layers li').first().waitFor();
    await clickAt(page, [115.45, 35.25]);
  }

  it('on a phone an imported feature’s details are a sheet at the bottom (with its seats), the toolkit above', async () => {
    const page = await open('#v=1&sel=jiaozhou', 375, 667);
    await openImportedPark(page);
    const details = page.locator('[data-testid=imported-details]');
    await details.waitFor();
    // Clicked on the map, it takes the dataset feature's place: one sheet at a time.
    await expect.poll(() => page.locator('section.details').count()).toBe(0);
    // Its distances to the nearest seats, as a dataset feature's details give them: exact ones
    // (no "~"), the file's position being the user's own.
    expect(await details.locator('[data-seats]').textContent()).toMatch(
      /地级市驻地\s*菏泽\s*\d[\d.]* km.*县（区）驻地\s*牡丹区\s*\d/s,
    );
    await details.locator('[data-tool=nearby]').click();
    await page.locator('[data-toolkit] [data-nearby-imported]').waitFor({ state: 'attached' });
    const sheet = (await details.boundingBox())!;
    const tools = (await page.locator('[data-toolkit]').boundingBox())!;
    expect([sheet.x, sheet.width, Math.round(sheet.y + sheet.height)]).toEqual([0, 375, 667]);
    expect(tools.y + tools.height).toBeLessThanOrEqual(sheet.y);
  });

  it('an imported feature is compared with its properties and is a stop; the link keeps both', async () => {
    const page = await open('#v=1');
    await openImportedPark(page);
    const tools = page.locator('[data-testid=imported-details] [data-imported-tools]');
    await tools.locator('[data-tool=compare]').click();
    await expect.poll(() => hashOf(page)).toContain('cmp=35.25/115.45/测试园');
    expect(await tools.locator('[data-tool=compare]').getAttribute('aria-pressed')).toBe('true');
    await tools.locator('[data-tool=route]').click();
    await expect.poll(() => hashOf(page)).toContain('route=35.25/115.45/测试园');
    await page.evaluate(() => (location.hash = `${location.hash}&sel=heze-hitech`));
    await page.locator('[data-details-tools] [data-tool=compare]').click();
    await expect.poll(() => hashOf(page)).toContain('cmp=35.25/115.45/测试园,heze-hitech');
    // The route's tab came to the front when it opened (unless the toolkit loaded after both).
    await page.locator('[data-tab=compare]').click();
    await expect.poll(() => columns(page)).toEqual(['35.25/115.45/测试园', 'heze-hitech']);

    // Dataset rows say they do not apply; the file's properties are rows of their own, as text.
    const kind = page.locator('[data-compare] tbody tr').first().locator('td');
    expect(await kind.allTextContents()).toEqual(['导入的地点 · plain-parks.geojson', '开发区']);
    const fai = page.locator('[data-compare] tr[data-row=fixed_asset_investment] td');
    expect(await fai.nth(0).textContent()).toContain('不适用（导入的地点）');
    const investment = page.locator('[data-compare] tr[data-prop-row=investment] td');
    expect(await investment.allTextContents()).toEqual(['12', '—']);
    const note = page.locator('[data-compare] tr[data-prop-row=note] td').nth(0);
    expect(await note.textContent()).toContain('<b>bold</b>');
    expect(await note.locator('img, b').count()).toBe(0);

    // On the route too, with directions to its own position.
    await page.locator('[data-tab=route]').click();
    const stop = page.locator('[data-route] [data-stop]').first();
    await stop.waitFor();
    const apple = new URL((await stop.locator('[data-dir=apple]').getAttribute('href')) ?? '');
    expect(apple.searchParams.get('daddr')).toBe('35.25,115.45');

    // A reload keeps the layer (stored) and the lists (the link): the properties are found again.
    await page.reload();
    await page.locator('[data-tab=compare]').click();
    await expect.poll(() => investment.allTextContents()).toEqual(['12', '—']);
    expect(await page.locator('[data-place-by-link]').count()).toBe(0);

    // Someone else opens the link: name and position came with it, the properties did not.
    const again = await open(`#${await page.evaluate(() => location.hash.slice(1))}`);
    await again.locator('[data-tab=compare]').click();
    await expect.poll(() => columns(again)).toEqual(['35.25/115.45/测试园', 'heze-hitech']);
    await again.locator('[data-place-by-link]').waitFor();
    expect(await again.locator('[data-compare] [data-prop-row]').count()).toBe(0);
    // The recipient has no imported layer: the place is drawn by the toolkit's own layer.
    await expect
      .poll(() =>
        again.evaluate(() =>
          window
            .parkAtlas!.controller.map.queryRenderedFeatures({ layers: ['toolkit-place'] })
            .map((f) => f.properties.name),
        ),
      )
      .toEqual(['测试园']);
    await again.locator('[data-tab=route]').click();
    await expect
      .poll(() => again.locator('[data-route] [data-stop] .name').allTextContents())
      .toEqual(['测试园']);
  });
});
