/**
 * The district choropleth as the page draws it: each district's fill (a `match` on its code, the
 * totals being the model's, not the map data's) and the legend class a value falls in.
 */
import type { Page } from 'playwright-core';
import { LAYER } from '../../src/lib/map/ids.ts';

/** `#rrggbb` → `rgb(r, g, b)`, as getComputedStyle gives a swatch's background. */
const rgb = (hex: string) =>
  `rgb(${[1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)).join(', ')})`;

/** The fill colour the map gives district `code`, as `rgb(…)`. */
export async function districtFill(page: Page, code: string): Promise<string> {
  const hex = await page.evaluate(
    ([layer, c]) => {
      const e = window.parkAtlas!.controller.map.getPaintProperty(layer, 'fill-color');
      if (typeof e === 'string') return e;
      // ['match', ['get', 'code'], [codes…], colour, …, fallback]
      const arms = e as unknown[];
      for (let i = 2; i < arms.length - 1; i += 2)
        if ((arms[i] as string[]).includes(c)) return arms[i + 1] as string;
      return arms.at(-1) as string;
    },
    [LAYER.districtFill, code] as const,
  );
  return rgb(hex);
}

/** The swatch colour of the legend class holding `value` (`a`, `a – b` or `a – <b`), or null. */
export async function legendColorOf(page: Page, value: number): Promise<string | null> {
  const legend = page.getByRole('region', { name: /图例|Legend/ });
  const rows = await legend.locator('li:not([data-class=no-data])').evaluateAll((els) =>
    els.map((e) => ({
      range: e.querySelector('.range')?.textContent ?? '',
      color: getComputedStyle(e.querySelector('.swatch')!).backgroundColor,
    })),
  );
  for (const { range, color } of rows) {
    const [from, to] = range.split('–').map((s) => Number(s.replace(/[<,\s]/g, '')));
    const open = range.includes('<');
    if (to === undefined ? value === from : value >= from! && (open ? value < to : value <= to))
      return color;
  }
  return null;
}
