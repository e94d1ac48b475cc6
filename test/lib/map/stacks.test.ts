import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import {
  STACK_MAXZOOM,
  badgeFeatures,
  badgeStride,
  badgesOn,
  schematicStacks,
  stackLayers,
  visibleCounts,
} from '../../../src/lib/map/stacks.ts';
import { FAN_FROM } from '../../../src/lib/map/schematic.ts';

const point = (id: string, at: [number, number], fan?: [number, number]) => ({
  type: 'Feature' as const,
  id,
  geometry: { type: 'Point' as const, coordinates: at },
  properties: fan ? { id, fan, schematic: true } : { id },
});
const points: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    point('a', [116, 36], [1, 0]),
    point('b', [116, 36], [0, 1]),
    point('c', [116, 36], [-1, 0]),
    point('lone', [117, 36]),
    point('d', [118, 37], [1, 0]),
    point('e', [118, 37], [0, 1]),
  ],
};
const rows = new Map(['a', 'b', 'c', 'lone', 'd', 'e'].map((id, i) => [id, i]));

describe('stacks of schematic points (#15 point 13)', () => {
  const stacks = schematicStacks(points, rows);

  it('groups the fanned points by their shared position, leaving lone points out', () => {
    expect(stacks).toEqual([
      { at: [116, 36], rows: [0, 1, 2] },
      { at: [118, 37], rows: [4, 5] },
    ]);
  });

  it('has one badge per count a stack can show, each at the stack, with distinct ids', () => {
    const stride = badgeStride(stacks);
    expect(stride).toBe(4);
    const badges = badgeFeatures(stacks).features;
    expect(badges.map((f) => [f.id, f.properties?.n, f.geometry.coordinates])).toEqual([
      [2, 2, [116, 36]],
      [3, 3, [116, 36]],
      [6, 2, [118, 37]],
    ]);
  });

  it('counts what the filters show, and shows no count under two', () => {
    const stride = badgeStride(stacks);
    expect(visibleCounts(stacks, [1, 1, 1, 1, 1, 1])).toEqual([3, 2]);
    expect([...badgesOn([3, 2], stride)]).toEqual([3, 6]);
    // One of the first stack filtered out, the second down to one point: 2, and no badge.
    const counts = visibleCounts(stacks, [1, 0, 1, 1, 1, 0]);
    expect(counts).toEqual([2, 1]);
    expect([...badgesOn(counts, stride)]).toEqual([2]);
    expect([...badgesOn([0, 0], stride)]).toEqual([]);
  });

  it('gives way to the fan once it opens', () => {
    expect(STACK_MAXZOOM).toBeGreaterThan(FAN_FROM);
    for (const layer of stackLayers('Noto Sans SC')) expect(layer.maxzoom).toBe(STACK_MAXZOOM);
  });
});
