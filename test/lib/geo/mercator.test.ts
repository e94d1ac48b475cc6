import { describe, expect, it } from 'vitest';
import { toMercator } from '../../../src/lib/geo/mercator.ts';

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
