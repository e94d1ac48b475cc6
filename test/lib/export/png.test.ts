import { describe, expect, it } from 'vitest';
import { scaleBar } from '../../../src/lib/export/png.ts';
import { metersPerPixel } from '../../../src/lib/map/snapshot.ts';

describe('scaleBar', () => {
  it('is a round length that fits', () => {
    for (const mpp of [0.3, 7, 150, 2400, 31_000]) {
      const bar = scaleBar(mpp, 120);
      expect(bar.px).toBeLessThanOrEqual(120);
      expect(bar.px).toBeGreaterThan(120 / 5);
      expect(bar.label).toMatch(/^(1|2|5)(0*)( m| km)$|^0\.(1|2|5) km$/);
    }
    expect(scaleBar(1000, 120)).toEqual({ px: 100, label: '100 km' });
  });
});

describe('metersPerPixel', () => {
  it('matches Web Mercator at the equator and shrinks with latitude', () => {
    expect(metersPerPixel(0, 0)).toBeCloseTo(78_271.5, 0);
    expect(metersPerPixel(60, 10)).toBeCloseTo(metersPerPixel(0, 10) / 2, 6);
  });
});
