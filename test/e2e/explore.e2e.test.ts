/**
 * What visitors and planners do with the map, driven in real Chromium the way a person would:
 * through the page's controls, checking what the page and the map then show.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { LAYER, pointLayerId } from '../../src/lib/map/ids.ts';
import { NO_DATA_COLOR } from '../../src/lib/scales/classify.ts';
import { launchChromium, openApp, startServer, type AppServer } from './harness.ts';

let server: AppServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function freshPage(options: Parameters<Browser['newContext']>[0] = {}) {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  page = await context.newPage();
  await openApp(page, server.url);
}

/** Polls a locator's text (playwright-core has no `expect` of its own). */
const textOf = (locator: Locator) => () => locator.textContent().then((t) => t ?? '');
/** The zone file as fetched by the app (not the `?url` module Vite serves in dev). */
const isHezeFile = (url: URL) => url.pathname.endsWith('/heze-hitech.geojson') && url.search === '';

/** Waits until the map has drawn the latest change. */
const idle = () => page.evaluate(() => window.parkAtlas!.controller.whenIdle());
/** Ids of the point features the map has drawn, all kinds. */
const renderedIds = () =>
  page.evaluate(
    (layers) => {
      const map = window.parkAtlas!.controller.map;
      return [
        ...new Set(map.queryRenderedFeatures({ layers }).map((f) => String(f.properties.id))),
      ];
    },
    ['park', 'platform', 'project', 'enterprise'].map((k) => pointLayerId(k as 'park')),
  );
const listButtons = () => page.getByRole('list', { name: '园区列表' }).getByRole('button');
const zoomToHeze = async () => {
  await page.evaluate(() =>
    window.parkAtlas!.controller.map.jumpTo({ center: [115.58, 35.25], zoom: 10 }),
  );
  await idle();
};

describe('layers and filters', () => {
  beforeEach(() => freshPage());

  it('toggles a layer off and on, with its feature count shown', async () => {
    const enterprises = page.getByRole('checkbox', { name: /企业/ });
    await expect
      .poll(() => page.locator('label:has([data-layer=enterprises]) .count').textContent())
      .toBe('40');
    await enterprises.uncheck();
    await idle();
    const visibility = await page.evaluate(
      (id) => window.parkAtlas!.controller.map.getLayoutProperty(id, 'visibility'),
      pointLayerId('enterprise'),
    );
    expect(visibility).toBe('none');
    await expect.poll(() => listButtons().count()).toBe(130);
    await enterprises.check();
    await expect.poll(() => listButtons().count()).toBe(170);
  });

  it('filters map, list and counts by industry without rebuilding the source', async () => {
    await page.evaluate(() => {
      const source = window.parkAtlas!.controller.map.getSource('points') as unknown as {
        setData: () => void;
      };
      const original = source.setData.bind(source);
      (window as unknown as { setDataCalls: number }).setDataCalls = 0;
      source.setData = (...args: []) => {
        (window as unknown as { setDataCalls: number }).setDataCalls++;
        return original(...args);
      };
    });
    await zoomToHeze();
    const before = await renderedIds();
    await page.locator('[data-industry=biomedicine]').check();
    await idle();
    const after = await renderedIds();
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before.length);
    // Every drawn point belongs to the industry: checked against the data file, not the style.
    const expected = await page.evaluate(async () => {
      const r = await fetch(new URL('/data/zones/heze-hitech.geojson', location.href));
      const fc = (await r.json()) as {
        features: { properties: { id: string; kind: string; industries?: string[] } }[];
      };
      return fc.features
        .filter(
          (f) => f.properties.kind !== 'zone' && f.properties.industries?.includes('biomedicine'),
        )
        .map((f) => f.properties.id)
        .sort();
    });
    expect([...after].sort()).toEqual(expected);
    // The list follows: the zones plus the matching features.
    await expect.poll(() => listButtons().count()).toBe(expected.length + 4);
    expect(
      await page.evaluate(() => (window as unknown as { setDataCalls: number }).setDataCalls),
    ).toBe(0);
  });

  it('says when a filter leaves nothing, and clears it on request', async () => {
    // e-commerce occurs only in parks: with the park layer off, nothing is left.
    await page.locator('[data-industry=e-commerce]').check();
    await page.locator('[data-layer=zones]').uncheck();
    await page.locator('[data-layer=parks]').uncheck();
    await page.getByText('当前筛选没有结果。').waitFor({ state: 'visible' });
    expect(await listButtons().count()).toBe(0);
    await page.getByRole('button', { name: '清除产业筛选' }).first().click();
    await expect.poll(() => listButtons().count()).toBe(170 - 4 - 43);
  });
});

describe('choropleth', () => {
  beforeEach(() => freshPage());

  it('colours zones by fixed-asset investment with a legend of ranges, units and counts', async () => {
    await page.locator('[data-control=field]').selectOption('fixed_asset_investment');
    const legend = page.getByRole('region', { name: /图例/ });
    await expect.poll(textOf(legend)).toContain('固定资产投资');
    await expect.poll(textOf(legend)).toContain('亿元');
    await expect.poll(textOf(legend.locator('[data-class=no-data]'))).toContain('无数据');
    const classes = await legend.locator('li').count();
    expect(classes).toBeGreaterThanOrEqual(2);
    // Zones are coloured through feature state: 菏泽 and 济宁 report the figure, 德州 does not.
    const fills = await page.evaluate(() =>
      ['heze-hitech', 'jining-hitech', 'dezhou-etdz'].map(
        (id) => window.parkAtlas!.controller.map.getFeatureState({ source: 'zones', id }).fill,
      ),
    );
    const swatches = await legend
      .locator('li:not([data-class=no-data]) .swatch')
      .evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    expect(swatches.length).toBeGreaterThan(0);
    const rgb = (hex: string) =>
      `rgb(${[1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)).join(', ')})`;
    expect(swatches).toContain(rgb(fills[0]));
    expect(swatches).toContain(rgb(fills[1]));
    expect(fills[2]).toBe(NO_DATA_COLOR);
    // Switching the method recolours without touching data.
    await page.locator('[data-control=method]').selectOption('jenks');
    await expect.poll(textOf(legend)).toContain('自然断点');
  });

  it('aggregates to districts: 牡丹区 gets the count of features inside it', async () => {
    await page.locator('[data-control=by]').selectOption('districts');
    await expect.poll(() => page.locator('[data-control=field]').inputValue()).toBe('count');
    await idle();
    const mudan = await page.evaluate((layer) => {
      const map = window.parkAtlas!.controller.map;
      const hit = map.queryRenderedFeatures(map.project([115.6, 35.26]), { layers: [layer] })[0];
      return hit?.properties;
    }, LAYER.districtFill);
    expect(mudan?.name).toMatch(/牡丹区|定陶区/);
    expect(Number(mudan?.agg_count)).toBeGreaterThan(0);
    const legend = page.getByRole('region', { name: /图例/ });
    await expect.poll(textOf(legend)).toContain('园区与平台数量');
  });
});

describe('details, search and list', () => {
  beforeEach(() => freshPage());

  /** Where 石墨烯产业园's marker is on the page. */
  const graphenePark = () =>
    page.evaluate(() => {
      const map = window.parkAtlas!.controller.map;
      const p = map.project([115.58457, 35.26786]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    });

  it('opens details on a click on the map, and Esc closes them', async () => {
    await zoomToHeze();
    const at = await graphenePark();
    await page.mouse.click(at.x, at.y);
    const details = page.getByRole('region', { name: '石墨烯产业园' });
    await expect
      .poll(() =>
        details
          .getByRole('heading', { level: 2 })
          .textContent()
          .then((t) => t?.trim()),
      )
      .toBe('石墨烯产业园');
    await expect.poll(textOf(details)).toContain('大致位置');
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
  });

  it('hovering or clicking a marker highlights and selects its row in the list', async () => {
    await zoomToHeze();
    const at = await graphenePark();
    const row = page.locator('.item[data-id=heze-graphene-park]');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => row.evaluate((el) => el.classList.contains('hovered'))).toBe(true);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => row.getAttribute('aria-current')).toBe('true');
  });

  it('shows figures with their verbatim source quote', async () => {
    await listButtons().filter({ hasText: '启迪之星(菏泽)加速器' }).first().click();
    const details = page.getByRole('region', { name: '启迪之星(菏泽)加速器' });
    await expect.poll(textOf(details)).toContain('17000');
    await expect.poll(textOf(details.locator('blockquote').first())).not.toBe('');
    await expect.poll(textOf(details)).toContain('001_ebd8ed2b83fc6796.txt');
    await expect.poll(textOf(details)).toContain('医疗器械机电产业园');
  });

  it('finds 石墨烯产业园 by pinyin initials, flies there and opens it, by keyboard alone', async () => {
    const box = page.getByRole('combobox', { name: '搜索园区、平台、项目' });
    await box.focus();
    await page.keyboard.type('smx');
    await expect.poll(textOf(page.getByRole('option').first())).toContain('石墨烯产业园');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page
      .getByRole('heading', { level: 2, name: '石墨烯产业园' })
      .waitFor({ state: 'visible' });
    await idle();
    const center = await page.evaluate(() =>
      window.parkAtlas!.controller.map.getCenter().toArray(),
    );
    expect(center[0]).toBeCloseTo(115.585, 2);
    expect(center[1]).toBeCloseTo(35.268, 2);
    await page.keyboard.press('Escape');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('lists features as buttons named by the feature, and hover is shared with the map', async () => {
    const list = page.getByRole('list', { name: '园区列表' });
    await list.waitFor({ state: 'visible' });
    const first = list.getByRole('button').first();
    const name = (await first.locator('strong, .name').first().textContent())?.trim() ?? '';
    expect(name.length).toBeGreaterThan(0);
    // Found by an accessible name that starts with the feature's name.
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(
      await list.getByRole('button', { name: new RegExp(`^${escaped}`) }).count(),
    ).toBeGreaterThan(0);
    await first.hover();
    const id = await first.getAttribute('data-id');
    // The map draws the highlight from the feature's state (a halo on that point alone).
    const stateOf = (key: 'hovered' | 'selected') =>
      page.evaluate(
        ([id, key]) =>
          window.parkAtlas!.controller.map.getFeatureState({ source: 'points', id: id! })[key!],
        [id, key] as const,
      );
    await expect.poll(() => stateOf('hovered')).toBe(true);
    await first.click();
    await expect.poll(() => stateOf('selected')).toBe(true);
    await expect.poll(() => first.getAttribute('aria-current')).toBe('true');
  });

  it('sorts the list by the choropleth value, largest first', async () => {
    await page.locator('[data-control=field]').selectOption('fixed_asset_investment');
    await page.getByRole('button', { name: '按数值' }).click();
    const first = (await listButtons().first().textContent()) ?? '';
    expect(first).toMatch(/济宁高新区|菏泽高新区/);
  });
});

describe('languages, mobile and bad data', () => {
  it('switches to English without a reload: UI, list and map labels', async () => {
    await freshPage();
    const marker = await page.evaluate(
      () => ((window as unknown as { marker: number }).marker = 42),
    );
    await page.getByRole('button', { name: '切换到英文' }).click();
    await expect.poll(textOf(page.getByRole('heading', { level: 1 }))).toContain('Park Atlas');
    await expect
      .poll(textOf(page.getByRole('list', { name: 'List of parks' })))
      .toContain('Graphene Industrial Park');
    expect(await page.evaluate(() => window.parkAtlas!.controller.map.getGlobalState().lang)).toBe(
      'en',
    );
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(
      marker,
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('works at 375×667: map on top, panels below, tap targets of 44 px', async () => {
    await freshPage({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const mapBox = await page
      .getByRole('region', { name: '山东开发区与产业园区地图' })
      .boundingBox();
    expect(mapBox!.width).toBeGreaterThanOrEqual(370);
    expect(mapBox!.height).toBeGreaterThan(300);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, label, select, [role=combobox]')]
        .filter(
          (el) => el.offsetParent !== null && !el.closest('.maplibregl-ctrl, .visually-hidden'),
        )
        .map((el) => ({
          el: el.textContent?.trim().slice(0, 20),
          h: el.getBoundingClientRect().height,
        }))
        .filter((b) => b.h > 0 && b.h < 44),
    );
    expect(small).toEqual([]);
  });

  it('reports a broken data file with its location and still shows the rest', async () => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    await page.route(isHezeFile, (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: '{"type": "FeatureCollection",\n "features": [ {"type": ',
      }),
    );
    await openApp(page, server.url);
    const alert = page.getByRole('alert');
    await expect.poll(textOf(alert)).toContain('heze-hitech.geojson');
    await expect.poll(textOf(alert)).toMatch(/line 2|end of the file/);
    await expect.poll(() => listButtons().count()).toBe(170 - 31);
  });

  it('shows HTML held in data as text, never as markup', async () => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    await page.route(isHezeFile, async (route) => {
      const response = await route.fetch();
      const fc = (await response.json()) as { features: { properties: { name_zh: string } }[] };
      fc.features[1]!.properties.name_zh = '<img src=x onerror="window.pwned=1">园';
      await route.fulfill({ response, json: fc });
    });
    await openApp(page, server.url);
    await expect
      .poll(textOf(page.getByRole('list', { name: '园区列表' })))
      .toContain('<img src=x onerror="window.pwned=1">园');
    expect(
      await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
    ).toBeUndefined();
  });
});
