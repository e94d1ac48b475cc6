/** A visit route: straight-line legs between consecutive stops, their total, and reordering. */
import type { Position } from 'geojson';
import { haversineKm } from './distance.ts';

export interface Leg {
  from: number;
  to: number;
  km: number;
}

export function legs(stops: readonly Position[]): { legs: Leg[]; totalKm: number } {
  const out: Leg[] = [];
  for (let i = 1; i < stops.length; i++) {
    out.push({ from: i - 1, to: i, km: haversineKm(stops[i - 1] ?? [], stops[i] ?? []) });
  }
  return { legs: out, totalKm: out.reduce((s, l) => s + l.km, 0) };
}

/** The list with the item at `from` moved to `to` (both clamped into range). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const [item] = out.splice(from, 1) as [T];
  out.splice(Math.max(0, Math.min(out.length, to)), 0, item);
  return out;
}
