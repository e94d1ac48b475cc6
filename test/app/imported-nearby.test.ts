import { describe, expect, it } from 'vitest';
import { ImportedNearbyQuery } from '../../src/app/imported-nearby.svelte.ts';
import type { Kit } from '../../src/app/toolkit.ts';
import type { ImportedNearby } from '../../src/lib/import/nearby.ts';

/** A kit whose imports answer nearby when told to, in any order. */
function fakeKit(layers = 1) {
  const calls: { radiusKm: number; answer: (r: ImportedNearby) => void }[] = [];
  const imports = {
    entries: Array.from({ length: layers }, () => ({})),
    nearby: (_at: [number, number], radiusKm: number) =>
      new Promise<ImportedNearby>((answer) => calls.push({ radiusKm, answer })),
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
