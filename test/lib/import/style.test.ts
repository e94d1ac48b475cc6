import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/lib/import/pipeline.ts';
import { coloringOf, mapBlob } from '../../../src/lib/import/style.ts';
import { fixtureFile } from './fixture.ts';

async function styled() {
  const { layers } = await runImport([fixtureFile('styled.csv')], { crs: 'auto', idPrefix: 's' });
  return layers[0]!;
}

describe('an imported layer’s colouring and filter', () => {
  it('classes a numeric field over every feature, with the empty ones as no data', async () => {
    const layer = await styled();
    const coloring = coloringOf(layer, { colorBy: '投资_亿元', filter: null })!;
    expect(coloring.noData).toBe(1);
    expect(coloring.entries.reduce((n, e) => n + e.count, 0)).toBe(5);
    expect(coloring.entries[0]!.from).toBe(10);
    expect(coloring.entries.at(-1)!.to).toBe(50);
    expect(coloringOf(layer, { colorBy: null, filter: null })).toBeNull();
  });

  it('gives the map each feature’s value and category, nothing else', async () => {
    const layer = await styled();
    const blob = mapBlob(layer, {
      colorBy: '投资_亿元',
      filter: { field: '级别', values: ['省级'] },
    });
    const json = JSON.parse(await blob.text());
    expect(json.features[0].properties).toEqual({
      atlas_user_id: '#1',
      name: '甲园',
      v: 10,
      c: '省级',
    });
    expect(json.features[5].properties.v).toBeNull();
  });
});
