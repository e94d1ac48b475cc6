import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { readDataset } from '../../../scripts/check-data.ts';
import { compactFeature, interner } from '../../../src/lib/data/compact.ts';
import { parseFeatures } from '../../../src/lib/data/dataset.ts';
import { ParkFeatureSchema } from '../../../src/lib/data/schema.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const raw = readDataset(root).input.zoneFiles.flatMap(
  (zf) => (zf.data as { features: unknown[] }).features,
);

describe('compactFeature', () => {
  it('keeps every value of every real feature (zones, points, figures, timelines)', () => {
    const intern = interner();
    expect(raw.length).toBeGreaterThan(150);
    for (const r of raw) {
      const parsed = v.parse(ParkFeatureSchema, r);
      // toStrictEqual: no key added or lost (a zone's `districts`, a point's lack of it).
      expect(compactFeature(parsed, intern)).toStrictEqual(parsed);
    }
  });

  it('is what parseFeatures returns', () => {
    const { features } = parseFeatures(raw, 'real');
    expect(features).toStrictEqual(raw.map((r) => v.parse(ParkFeatureSchema, r)));
  });

  it('interns: equal strings come back as the first one given', () => {
    const intern = interner();
    const a = ['shared', 'doc'].join('-');
    const b = ['shared', 'doc'].join('-');
    expect(intern(a)).toBe(a);
    expect(intern(b)).toBe(a);
  });
});
