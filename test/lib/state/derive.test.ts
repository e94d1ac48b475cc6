import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { visibilityFlags } from '../../../src/lib/state/derive.ts';
import type { ParkFeature } from '../../../src/lib/data/schema.ts';
import { pointFeature } from '../map/gpu/features.ts';

const KINDS = ['park', 'platform', 'project', 'enterprise'] as const;
const LAYER_OF = {
  zone: 'zones',
  park: 'parks',
  platform: 'platforms',
  project: 'projects',
  enterprise: 'enterprises',
} as const;

const points = Array.from({ length: 40 }, (_, i) =>
  pointFeature(`f${i}`, [116, 36], KINDS[i % 4]!, i % 3 === 0 ? ['bio'] : ['chem']),
);
const zone: ParkFeature = {
  ...points[0]!,
  id: 'z',
  properties: { ...points[0]!.properties, id: 'z', kind: 'zone', industries: ['chem'] },
};
const features = [zone, ...points];

describe('visibilityFlags', () => {
  it('shows a feature when its layer is on and it has a selected industry (or none is selected)', () => {
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
          const flags = visibilityFlags(features, { industries, layers });
          features.forEach((f, i) => {
            const p = f.properties;
            const industryOk =
              p.kind === 'zone' ||
              industries.length === 0 ||
              p.industries.some((c) => industries.includes(c));
            expect(flags[i] === 1, f.id).toBe(layers[LAYER_OF[p.kind]] && industryOk);
          });
        },
      ),
    );
  });

  it('zones are context: an industry filter does not hide them', () => {
    const layers = {
      zones: true,
      parks: true,
      platforms: true,
      projects: true,
      enterprises: true,
      labels: true,
    };
    expect(visibilityFlags([zone], { industries: ['bio'], layers })[0]).toBe(1);
  });
});
