import { describe, expect, it } from 'vitest';
import { detailsCover } from '../../src/app/covered.ts';

describe('detailsCover', () => {
  it('covers the map’s right side on a desktop, where the panel sits', () => {
    // 1280×800: the map is 660 px wide between the panel and the list.
    expect(
      detailsCover({ top: 52, width: 660, height: 748 }, { width: 1280, height: 800 }),
    ).toEqual({ top: 0, right: 56 + 380 + 12, bottom: 0, left: 0 });
  });

  it('ignores the panel when it would leave almost nothing beside it', () => {
    expect(
      detailsCover({ top: 52, width: 420, height: 700 }, { width: 900, height: 800 }).right,
    ).toBe(0);
  });

  it('covers the bottom of the map on a phone, under the sheet', () => {
    // 375×667: the map is the top 58vh under the 52 px header; the sheet takes up to 60vh.
    const map = { top: 52, width: 375, height: 0.58 * 667 };
    const c = detailsCover(map, { width: 375, height: 667 });
    expect(c.right).toBe(0);
    expect(c.bottom).toBeCloseTo(52 + 0.58 * 667 - 0.4 * 667, 6);
  });

  it('covers nothing of a map scrolled above the sheet', () => {
    const c = detailsCover({ top: -300, width: 375, height: 380 }, { width: 375, height: 667 });
    expect(c.bottom).toBe(0);
  });
});
