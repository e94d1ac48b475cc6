import { describe, expect, it } from 'vitest';
import { recallPlaces } from '../../src/app/recall-places.ts';
import type { Imports } from '../../src/app/imports.svelte.ts';
import { placeInfo } from '../../src/lib/state/place-info.ts';
import { placeToken } from '../../src/lib/state/place.ts';

/** Imports holding one place 甲仓库 at (115.39, 35.24), and a namesake-free neighbour. */
function fakeImports() {
  const asked: string[] = [];
  const ask = (r: { type: string; at?: [number, number]; id?: string }) => {
    asked.push(r.type);
    if (r.type === 'feature')
      return Promise.resolve({ feature: { properties: { 面积: 12 } }, name: '甲仓库', row: 0 });
    const here = r.at?.[0] === 115.39 && r.at[1] === 35.24;
    const hits = here
      ? [
          { layer: 'L', title: 'sites.csv', id: '#2', name: '乙', km: 0.001 },
          { layer: 'L', title: 'sites.csv', id: '#1', name: '甲仓库', km: 0.0004 },
        ]
      : [];
    return Promise.resolve({ hits, total: hits.length });
  };
  return { imports: { ask } as unknown as Pick<Imports, 'ask'>, asked };
}

describe('recalling imported places after a reload', () => {
  it('finds a place by its name at its position and keeps its properties', async () => {
    const { imports, asked } = fakeImports();
    const token = placeToken({ name: '甲仓库', at: [115.39, 35.24] });
    await recallPlaces(imports, ['heze-hitech', token]);
    expect(placeInfo(token)).toEqual({ layer: 'sites.csv', properties: { 面积: 12 } });
    expect(asked).toEqual(['nearby', 'feature']);
    // Known now: not asked again.
    await recallPlaces(imports, [token]);
    expect(asked).toHaveLength(2);
  });

  it('a place no layer holds any more stays without properties', async () => {
    const { imports } = fakeImports();
    const token = placeToken({ name: '丁', at: [116, 36] });
    await recallPlaces(imports, [token]);
    expect(placeInfo(token)).toBeNull();
  });
});
