import { describe, expect, it } from 'vitest';
import { relatedOf } from '../../../src/lib/data/related.ts';
import type { ParkFeature, Relation } from '../../../src/lib/data/schema.ts';
import { pointFeature } from '../map/gpu/features.ts';

const withRelations = (f: ParkFeature, relations: Relation[]): ParkFeature => ({
  ...f,
  properties: { ...f.properties, relations },
});
const rel = (type: Relation['type'], target: string): Relation => ({
  type,
  target,
  doc: 'd.txt',
  quote: `${type} ${target}`,
});

const firm = pointFeature('firm', [116, 36], 'enterprise', []);
const phase2 = withRelations(pointFeature('phase2', [116, 36], 'project', []), [
  rel('phase_of', 'firm'),
]);
const phase3 = withRelations(pointFeature('phase3', [116, 36], 'project', []), [
  rel('phase_of', 'firm'),
  rel('partner_of', 'gone'),
]);
const features = [firm, phase2, phase3];
const known = (id: string) => features.some((f) => f.id === id);

describe('relatedOf', () => {
  it('lists a feature’s own relations towards their targets', () => {
    expect(relatedOf(phase2, features, known)).toEqual([
      { id: 'firm', type: 'phase_of', direction: 'out', doc: 'd.txt', quote: 'phase_of firm' },
    ]);
  });

  it('lists the relations others hold to it, read back', () => {
    expect(relatedOf(firm, features, known).map((r) => [r.direction, r.type, r.id])).toEqual([
      ['in', 'phase_of', 'phase2'],
      ['in', 'phase_of', 'phase3'],
    ]);
  });

  it('leaves out a feature that is not loaded', () => {
    expect(relatedOf(phase3, features, known).map((r) => r.id)).toEqual(['firm']);
  });
});
