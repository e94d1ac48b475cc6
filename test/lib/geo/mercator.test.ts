import { describe, expect, it } from 'vitest';
import { fromMercator, tileAt, tileCenter, toMercator } from '../../../src/lib/geo/mercator.ts';

describe('toMercator', () => {
  it('matches MapLibre’s unit square: (0, 0) in the middle, the antimeridian at the edges', () => {
    expect(toMercator(0, 0)).toEqual([0.5, 0.5]);
    expect(toMercator(180, 0)[0]).toBe(1);
    expect(toMercator(-180, 0)[0]).toBe(0);
    expect(toMercator(0, 85.0511287798)[1]).toBeCloseTo(0, 6);
    // Jinan: north of the equator is above the middle.
    expect(toMercator(117, 36.65)[1]).toBeLessThan(0.5);
  });

  it('clamps latitudes past the square world to its edge', () => {
    expect(toMercator(0, 90)[1]).toBeCloseTo(0, 6);
    expect(toMercator(0, -90)[1]).toBeCloseTo(1, 6);
  });
});

describe('fromMercator, tileAt, tileCenter', () => {
  it('inverts toMercator inside the square world', () => {
    for (const [lng, lat] of [
      [115.48, 35.25],
      [-73.9, 40.7],
      [0, 0],
      [179.9, -84],
    ] as const) {
      const [x, y] = toMercator(lng, lat);
      const [lng2, lat2] = fromMercator(x, y);
      expect(lng2).toBeCloseTo(lng, 9);
      expect(lat2).toBeCloseTo(lat, 9);
    }
  });

  it('finds the tile of a place, and the tile’s centre lies in that tile', () => {
    // 菏泽 at zoom 12: x = floor((115.48 + 180) / 360 · 4096).
    const t = tileAt(115.48, 35.25, 12);
    expect(t).toEqual({ z: 12, x: Math.floor(((115.48 + 180) / 360) * 4096), y: t.y });
    const [lng, lat] = tileCenter(t);
    expect(tileAt(lng, lat, 12)).toEqual(t);
    // The world's corners stay inside the tile grid.
    expect(tileAt(180, -90, 3)).toEqual({ z: 3, x: 7, y: 7 });
    expect(tileAt(-180, 90, 3)).toEqual({ z: 3, x: 0, y: 0 });
  });
});
