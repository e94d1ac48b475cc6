import { describe, expect, it } from 'vitest';
import { industryAncestors, industryTree } from '../../../src/lib/data/industries.ts';
import { FeatureTable } from '../../../src/lib/data/table.ts';
import type { Industry } from '../../../src/lib/data/schema.ts';
import { pointFeature } from '../map/gpu/features.ts';
import industriesFile from '../../../data/industries.json' with { type: 'json' };

const ind = (code: string, parent?: string): Industry => ({
  code,
  zh: code,
  en: code,
  ...(parent === undefined ? {} : { parent }),
});

const TAXONOMY = [
  ind('tcm', 'bio'),
  ind('bio'),
  ind('peptide', 'bio'),
  ind('herbs', 'tcm'),
  ind('chem'),
];

const LAYERS = {
  zones: true,
  parks: true,
  platforms: true,
  projects: true,
  enterprises: true,
  nonplaces: true,
  labels: true,
};

describe('industry hierarchy', () => {
  it('gives each industry its broader ones, nearest first; top-level ones have none', () => {
    const up = industryAncestors(TAXONOMY);
    expect(up.get('herbs')).toEqual(['tcm', 'bio']);
    expect(up.get('tcm')).toEqual(['bio']);
    expect(up.has('bio')).toBe(false);
    expect(up.has('chem')).toBe(false);
  });

  it('stops at a cycle instead of looping', () => {
    const up = industryAncestors([ind('a', 'b'), ind('b', 'a'), ind('c', 'c')]);
    expect(up.get('a')).toEqual(['b']);
    expect(up.get('b')).toEqual(['a']);
    expect(up.has('c')).toBe(false);
  });

  it('lists groups with their narrower industries right under them, each level ranked', () => {
    const byCode = (a: Industry, b: Industry) => a.code.localeCompare(b.code);
    const tree = industryTree(TAXONOMY, byCode).map((n) => [
      n.industry.code,
      n.depth,
      n.hasChildren,
    ]);
    expect(tree).toEqual([
      ['bio', 0, true],
      ['peptide', 1, false],
      ['tcm', 1, true],
      ['herbs', 2, false],
      ['chem', 0, false],
    ]);
  });

  it('keeps a group while one industry under it is kept, and drops a branch none of which is', () => {
    const byCode = (a: Industry, b: Industry) => a.code.localeCompare(b.code);
    const codes = industryTree(TAXONOMY, byCode, (i) => i.code === 'herbs').map(
      (n) => n.industry.code,
    );
    expect(codes).toEqual(['bio', 'tcm', 'herbs']);
  });

  it('a filter by the broader industry finds features tagged only with a narrower one', () => {
    const features = [
      pointFeature('a', [116, 36], 'park', ['herbs'], 0),
      pointFeature('b', [116.1, 36], 'park', ['chem'], 1),
      pointFeature('c', [116.2, 36], 'park', ['peptide'], 2),
    ];
    const table = FeatureTable.from(features, undefined, industryAncestors(TAXONOMY));
    expect([...table.visibility({ layers: LAYERS, industries: ['bio'] })]).toEqual([1, 0, 1]);
    expect([...table.visibility({ layers: LAYERS, industries: ['tcm'] })]).toEqual([1, 0, 0]);
    // Without the hierarchy the same filter finds nothing: the parent is what connects them.
    const flat = FeatureTable.from(features);
    expect([...flat.visibility({ layers: LAYERS, industries: ['bio'] })]).toEqual([0, 0, 0]);
  });

  it('the shipped taxonomy: every parent is an industry, and no industry is its own ancestor', () => {
    const all = industriesFile.industries as Industry[];
    const codes = new Set(all.map((i) => i.code));
    for (const i of all) if (i.parent) expect(codes.has(i.parent), i.code).toBe(true);
    for (const [code, up] of industryAncestors(all)) expect(up, code).not.toContain(code);
    expect(all.filter((i) => i.parent).length).toBeGreaterThan(10);
  });
});
