import { describe, expect, it } from 'vitest';
import { legs, move } from '../../../src/lib/toolkit/route.ts';
import { toggle, toggleIn } from '../../../src/lib/toolkit/toggle.ts';
import { formatKm, haversineKm } from '../../../src/lib/toolkit/distance.ts';

describe('visit route', () => {
  it('legs between consecutive stops and their total', () => {
    const heze = [115.37879, 35.23006];
    const jining = [116.69174, 35.4275];
    const jiaozhou = [119.96416, 36.25541];
    const r = legs([heze, jining, jiaozhou]);
    expect(r.legs.map((l) => [l.from, l.to])).toEqual([
      [0, 1],
      [1, 2],
    ]);
    // 菏泽 to 济宁 is about 121 km as the crow flies.
    expect(r.legs[0]?.km).toBeGreaterThan(115);
    expect(r.legs[0]?.km).toBeLessThan(125);
    expect(r.totalKm).toBeCloseTo(haversineKm(heze, jining) + haversineKm(jining, jiaozhou), 9);
    expect(legs([heze]).legs).toEqual([]);
  });

  it('moves a stop up, down, to the ends, and clamps', () => {
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, 9)).toEqual(['b', 'c', 'a']);
    expect(move(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });

  it('toggles a stop in or out, up to a limit', () => {
    expect(toggle(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
    expect(toggle(['a', 'b'], 'c', 2)).toEqual(['a', 'b']);
  });

  it('formats distances, with ~ when approximate', () => {
    expect(formatKm(0.85, false)).toBe('850 m');
    expect(formatKm(3.44, true)).toBe('~3.4 km');
    expect(formatKm(121.4, false)).toBe('121 km');
  });
});

describe('toggleIn (details, list, site search and the panels share it)', () => {
  it('adds to the tool asked for, up to its limit, and takes out what is there', () => {
    const app = { compare: ['a', 'b', 'c', 'd'], route: [] as string[] };
    toggleIn(app, 'compare', 'e');
    expect(app.compare).toEqual(['a', 'b', 'c', 'd']);
    toggleIn(app, 'route', 'e');
    expect(app).toEqual({ compare: ['a', 'b', 'c', 'd'], route: ['e'] });
    toggleIn(app, 'compare', 'b');
    expect(app.compare).toEqual(['a', 'c', 'd']);
  });
});
