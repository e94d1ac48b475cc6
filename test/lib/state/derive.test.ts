import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { visibilityFlags, visibleFeatures } from '../../../src/lib/state/derive.ts';
import { pointFeature } from '../map/gpu/features.ts';

const KINDS = ['park', 'platform', 'project', 'enterprise'] as const;

describe('visibilityFlags', () => {
  it('flags exactly the features visibleFeatures returns', () => {
    const features = Array.from({ length: 40 }, (_, i) =>
      pointFeature(`f${i}`, [116, 36], KINDS[i % 4]!, i % 3 === 0 ? ['bio'] : ['chem']),
    );
    fc.assert(
      fc.property(
        fc.subarray(['bio', 'chem', 'none']),
        fc.record({
          zones: fc.boolean(),
          parks: fc.boolean(),
          platforms: fc.boolean(),
          projects: fc.boolean(),
          enterprises: fc.boolean(),
          labels: fc.boolean(),
        }),
        (industries, layers) => {
          const view = { industries, layers };
          const flags = visibilityFlags(features, view);
          expect(features.filter((_, i) => flags[i] === 1)).toEqual(
            visibleFeatures(features, view),
          );
        },
      ),
    );
  });
});
