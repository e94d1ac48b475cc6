/** The page's side of a layer shown before it is stored (#16): the notice, and a Cancel. */
import { describe, expect, it } from 'vitest';
import { keptEntry, lostByCancel, type LayerEntry } from '../../src/app/layer-entries.ts';

const entry = (id: string, title: string, storing: boolean) =>
  ({ summary: { id }, settings: { title }, stored: false, storing }) as unknown as LayerEntry;

describe('layer entries: stored after they are shown', () => {
  it('a notice ends the write: kept, or not kept when storage refused', () => {
    const e = entry('a', '甲', true);
    expect(keptEntry(e, { type: 'kept', layer: 'a' })).toMatchObject({
      storing: false,
      stored: true,
    });
    const refused = keptEntry(e, { type: 'kept', layer: 'a', storage: 'full' });
    expect(refused).toMatchObject({ storing: false, stored: false });
  });

  it('a Cancel that took a layer still being written says so; one read back is not lost', () => {
    const before = [entry('a', '甲', true), entry('b', '乙', false), entry('c', '丙', true)];
    const lost = lostByCancel(before, [entry('b', '乙', false), entry('c', '丙', false)]);
    expect(lost).toMatch(/cancelled/);
    expect(lost).toContain('甲');
    expect(lost).not.toContain('丙');
    expect(lostByCancel(before.slice(1, 2), before.slice(1, 2))).toBeNull();
  });
});
