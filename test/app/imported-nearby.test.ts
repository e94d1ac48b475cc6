import { describe, expect, it } from 'vitest';
import {
  IMPORTED_NEARBY_LIMIT,
  ImportedNearbyQuery,
  withoutPlace,
} from '../../src/app/imported-nearby.svelte.ts';
import { placeToken } from '../../src/lib/state/place.ts';
import type { Kit } from '../../src/app/toolkit.ts';
import type { ImportedNearby } from '../../src/lib/import/nearby.ts';

/** A kit whose imports answer nearby when told to, in any order. */
function fakeKit(layers = 1) {
  const calls: { radiusKm: number; limit: number; answer: (r: ImportedNearby) => void }[] = [];
  const imports = {
    entries: Array.from({ length: layers }, () => ({})),
    ask: ({ radiusKm, limit }: { radiusKm: number; limit: number }) =>
      new Promise<ImportedNearby>((answer) => calls.push({ radiusKm, limit, answer })),
  };
  const atlas = { source: { feature: () => undefined } };
  return { kit: { atlas, imports } as unknown as Kit, calls };
}
const answer = (n: number): ImportedNearby => ({
  hits: [{ layer: 'L', title: 'l.csv', id: `#${n}`, name: `n${n}`, km: n }],
  total: n,
});
const spec = (radius: number) => ({ radius, from: null, at: [117, 36.65] as [number, number] });
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('ImportedNearbyQuery: the toolkit asks the import worker', () => {
  it('an answer to an earlier question is dropped once a newer one is asked', async () => {
    const { kit, calls } = fakeKit();
    const query = new ImportedNearbyQuery();
    query.ask(kit, spec(5));
    query.ask(kit, spec(10));
    expect(calls.map((c) => c.radiusKm)).toEqual([5, 10]);
    calls[1]!.answer(answer(10));
    await settle();
    calls[0]!.answer(answer(5));
    await settle();
    expect(query.view).toEqual({ result: answer(10), approx: null });
  });

  it('nothing to show without imported layers or without nearby', () => {
    const query = new ImportedNearbyQuery();
    query.ask(fakeKit(0).kit, spec(5));
    expect(query.view).toBeNull();
    const { kit, calls } = fakeKit();
    query.ask(kit, null);
    expect(query.view).toBeNull();
    expect(calls).toEqual([]);
  });
});

describe('nearby from an imported place', () => {
  const hit = (name: string, km: number) => ({ layer: 'L', title: 'l.csv', id: name, name, km });

  it('asks one more and leaves out the place itself, not a namesake further off', async () => {
    const { kit, calls } = fakeKit();
    const query = new ImportedNearbyQuery();
    const from = placeToken({ name: '甲仓库', at: [115.39, 35.24] });
    query.ask(kit, { radius: 5, from, at: [115.39, 35.24] });
    expect(calls.map((c) => c.limit)).toEqual([IMPORTED_NEARBY_LIMIT + 1]);
    calls[0]!.answer({ hits: [hit('甲仓库', 0.0009), hit('乙', 1.2), hit('甲仓库', 3)], total: 3 });
    await settle();
    expect(query.view?.result).toEqual({ hits: [hit('乙', 1.2), hit('甲仓库', 3)], total: 2 });
  });

  it('keeps the limit when the place is not among the hits', () => {
    const place = { name: '甲仓库', at: [115.39, 35.24] as [number, number] };
    const found = { hits: [hit('乙', 1), hit('丙', 2)], total: 9 };
    expect(withoutPlace(found, place, 1)).toEqual({ hits: [hit('乙', 1)], total: 9 });
  });
});
