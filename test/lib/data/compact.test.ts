import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { readDataset } from '../../../scripts/check-data.ts';
import { compactFeature, interner } from '../../../src/lib/data/compact.ts';
import { parseFeatures } from '../../../src/lib/data/parse.ts';
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

  it('passes every repeated string through intern and keeps what it returns; ids and names not', () => {
    // An intern that marks what it is given: the output shows which strings went through it.
    const mark = (s: string) => `⟨${s}⟩`;
    /** Unique per feature (data/README.md), or fixed words of GeoJSON: never interned. */
    const own = new Set(['id', 'name_zh', 'name_en', 'aliases', 'type']);
    let interned = 0;
    const check = (out: unknown, src: unknown, key: string, path: string): void => {
      if (typeof src === 'string') {
        expect(out, path).toBe(own.has(key) ? src : mark(src));
        if (!own.has(key)) interned++;
      } else if (Array.isArray(src)) {
        expect(Array.isArray(out), path).toBe(true);
        expect((out as unknown[]).length, path).toBe(src.length);
        src.forEach((x, i) => check((out as unknown[])[i], x, key, `${path}[${i}]`));
      } else if (src !== null && typeof src === 'object') {
        expect(Object.keys(out as object).sort(), path).toEqual(Object.keys(src).sort());
        for (const [k, x] of Object.entries(src))
          check((out as Record<string, unknown>)[k], x, k, `${path}.${k}`);
      } else expect(out, path).toBe(src);
    };
    for (const r of raw) {
      const parsed = v.parse(ParkFeatureSchema, r);
      check(compactFeature(parsed, mark), parsed, '', parsed.id);
    }
    // Codes, statuses, document names and quotes: thousands of them in the real data.
    expect(interned).toBeGreaterThan(raw.length * 5);
  });

  it('interner returns the first copy it was given: a thousand equal strings are held once', () => {
    const text = JSON.stringify('园区'.repeat(10_000)); // 20,000 UTF-16 units: 40 KB each
    const intern = interner();
    // JSON.parse makes a new string each time: without the pool, 1,000 of them hold 40 MB.
    const bytes = retained(() => Array.from({ length: 1000 }, () => intern(JSON.parse(text))));
    expect(bytes).toBeLessThan(2_000_000);
    expect(retained(() => Array.from({ length: 1000 }, () => JSON.parse(text)))).toBeGreaterThan(
      30_000_000,
    );
  });

  it('gives every empty list one shared, frozen array', () => {
    const intern = interner();
    const bare = raw
      .map((r) => compactFeature(v.parse(ParkFeatureSchema, r), intern))
      .filter((f) => f.properties.relations.length === 0 && f.properties.aliases.length === 0);
    expect(bare.length).toBeGreaterThan(1);
    const [a, b] = bare as [(typeof bare)[0], (typeof bare)[0]];
    expect(a.properties.relations).toBe(b.properties.relations);
    expect(a.properties.aliases).toBe(a.properties.relations);
    expect(Object.isFrozen(a.properties.relations)).toBe(true);
    // A list with items is the feature's own.
    const full = raw
      .map((r) => compactFeature(v.parse(ParkFeatureSchema, r), intern))
      .filter((f) => f.properties.sources.length > 0);
    expect(full[0]!.properties.sources).not.toBe(full[1]!.properties.sources);
  });

  it('holds the data in less memory: exact arrays, and repeated strings once', () => {
    // 40 copies of the real features, each from its own JSON.parse (so no string is shared).
    const text = JSON.stringify(raw);
    const copies = () =>
      Array.from({ length: 40 }, () => JSON.parse(text) as unknown[])
        .flat()
        .map((r) => v.parse(ParkFeatureSchema, r));
    const parsed = retained(copies);
    const noIntern = retained(() => copies().map((f) => compactFeature(f, (s) => s)));
    const compact = retained(() => parseFeatures(copies(), 'copies').features);
    // Measured: about 290, 205 and 140 KB per copy.
    expect(noIntern).toBeLessThan(parsed * 0.85);
    expect(compact).toBeLessThan(noIntern * 0.85);
  });
});

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Heap bytes still held, after full collections, by what `make` returns. */
function retained(make: () => unknown): number {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = make();
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  expect(kept).toBeDefined(); // keeps `kept` alive until after the measurement
  return after - before;
}
