import { describe, expect, it } from 'vitest';
import { effectivePrecision } from '../../../src/lib/data/precision.ts';
import type { ParkFeature, Precision } from '../../../src/lib/data/schema.ts';

type Node = Pick<ParkFeature, 'properties'>;

function node(id: string, precision: Precision, parent: string | null = null): Node {
  return { properties: { id, precision, parent } as ParkFeature['properties'] };
}

function index(...nodes: Node[]): Map<string, Node> {
  return new Map(nodes.map((n) => [n.properties.id, n]));
}

describe('effectivePrecision', () => {
  it('is the feature’s own precision when it has no parent', () => {
    for (const p of ['address', 'town', 'zone'] as const) {
      expect(effectivePrecision(node('a', p), index())).toBe(p);
    }
  });

  it('takes the weakest link: an address inside a zone-precision park is zone precision', () => {
    // 启迪之星(菏泽)加速器: building 2 of a park placed only to its zone.
    const park = node('park', 'zone');
    const acc = node('acc', 'address', 'park');
    expect(effectivePrecision(acc, index(park, acc))).toBe('zone');
  });

  it('keeps the feature’s precision when the parent is better located', () => {
    const park = node('park', 'address');
    const acc = node('acc', 'town', 'park');
    expect(effectivePrecision(acc, index(park, acc))).toBe('town');
  });

  it('follows the whole chain', () => {
    const a = node('a', 'town');
    const b = node('b', 'address', 'a');
    const c = node('c', 'address', 'b');
    expect(effectivePrecision(c, index(a, b, c))).toBe('town');
  });

  it('stops at a missing parent and at a cycle instead of looping', () => {
    expect(effectivePrecision(node('a', 'address', 'gone'), index())).toBe('address');
    const a = node('a', 'address', 'b');
    const b = node('b', 'town', 'a');
    expect(effectivePrecision(a, index(a, b))).toBe('town');
  });
});
