import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mayBeDataset } from '../../../src/lib/import/dataset-file.ts';

describe('mayBeDataset', () => {
  it('recognises a file in the dataset’s own schema by its keys', () => {
    const own = readFileSync('test/fixtures/import/own-schema.geojson', 'utf8').slice(0, 65536);
    expect(mayBeDataset('own-schema.geojson', own)).toBe(true);
    expect(mayBeDataset('parks.json', own)).toBe(true);
  });

  it('leaves any other GeoJSON, and other formats, to the importer', () => {
    const plain = readFileSync('test/fixtures/import/plain-parks.geojson', 'utf8');
    expect(mayBeDataset('plain-parks.geojson', plain)).toBe(false);
    expect(mayBeDataset('own.csv', '"name_zh": 1, "kind": 2, "sources": 3')).toBe(false);
    expect(mayBeDataset('x.geojson', '{"name_zh": "甲", "kind": "park"}')).toBe(false);
  });
});
