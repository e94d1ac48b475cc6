/**
 * Links already sent must keep opening the same view (issue "Shareable links", point 6), checked
 * against the ids, industries and fields in data/ as committed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { numericFields } from '../../../src/lib/data/dataset.ts';
import { parseFeatures, parseIndustries } from '../../../src/lib/data/parse.ts';
import { decodeView, encodeView, type KnownValues } from '../../../src/lib/state/url/index.ts';
import { LINK_FIXTURES } from './links.fixtures.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(root + path, 'utf8'));

/** What the app knows once it has loaded data/: the sets it hands to decodeView. */
function knownFromData(): KnownValues {
  const files = readdirSync(root + 'data/zones').filter((f) => f.endsWith('.geojson'));
  const features = files.flatMap((f) => {
    const json = readJson(`data/zones/${f}`) as { features: unknown[] };
    return parseFeatures(json.features, f).features;
  });
  const industries = parseIndustries(readJson('data/industries.json'), 'industries.json');
  return {
    ids: new Set(features.map((f) => f.properties.id)),
    industries: new Set(industries.industries.map((i) => i.code)),
    fields: new Set(numericFields(features).map((f) => f.key)),
  };
}

const known = knownFromData();

describe('links made with format v=1 still open the same view', () => {
  it('reads the real data', () => {
    expect(known.ids?.size).toBeGreaterThan(100);
    expect(known.industries?.has('biomedicine')).toBe(true);
    expect(known.fields?.has('fixed_asset_investment')).toBe(true);
  });

  it.each(LINK_FIXTURES.map((f) => [f.name, f] as const))('%s', (_, fixture) => {
    const r = decodeView(fixture.hash, known);
    expect(r.dropped).toEqual([]);
    expect(r.view).toEqual(fixture.view);
    expect(r.embed).toBe(fixture.embed);
  });

  it('today’s encoder writes links that open the same views', () => {
    for (const f of LINK_FIXTURES) {
      const r = decodeView(encodeView(f.view, { embed: f.embed }), known);
      expect(r).toEqual({ view: f.view, embed: f.embed, dropped: [] });
    }
  });
});
