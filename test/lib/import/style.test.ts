import { beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../src/lib/import/pipeline.ts';
import { classedPoints, coloringOf, mapBlob, mapDrawing } from '../../../src/lib/import/style.ts';
import { GPU_POINTS_FROM, PLAIN_STYLE, transferablesOf } from '../../../src/lib/import/protocol.ts';
import { fromMercator } from '../../../src/lib/geo/mercator.ts';
import { CLASS_NO_DATA, NO_CATEGORY } from '../../../src/lib/scales/classed-points.ts';
import { classifier } from '../../../src/lib/scales/classify.ts';
import { fixtureFile } from './fixture.ts';
import { loadScales } from '../../../src/lib/scales/scale-lib.ts';

// d3-scale and the palettes are a lazy chunk in the app (scale-lib.ts).
beforeAll(loadScales);

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
      // 1 + the index of 省级 among the values the panel lists for 级别.
      k:
        1 +
        layer.fields.find((f) => f.key === '级别')!.categories!.findIndex(([v]) => v === '省级'),
    });
    expect(json.features[5].properties.v).toBeNull();
  });
});

describe('what the map gets of a big layer of points', () => {
  const csvOf = (n: number) => {
    const rows = ['name,lng,lat,投资,级别'];
    for (let i = 0; i < n; i++)
      rows.push(
        `园${i},${115 + (i % 100) / 100},${35 + Math.floor(i / 100) / 100},${i % 7 === 0 ? '' : i % 50},${i % 2 ? '省级' : '市级'}`,
      );
    const bytes = new TextEncoder().encode(rows.join('\n')).buffer as ArrayBuffer;
    return runImport([{ name: 'many.csv', bytes }], { crs: 'auto', idPrefix: 'm' });
  };

  it('draws a small layer as GeoJSON and a big one of points as classed points', async () => {
    const small = await styled();
    expect(mapDrawing(small, PLAIN_STYLE, null).kind).toBe('geojson');
    const { layers } = await csvOf(GPU_POINTS_FROM);
    const drawing = mapDrawing(layers[0]!, PLAIN_STYLE, null);
    if (drawing.kind !== 'points') throw new Error('expected classed points');
    expect(drawing.classes.length).toBe(GPU_POINTS_FROM);
    expect(drawing.classes.every((c) => c === 0)).toBe(true);
  });

  it('keeps each position to a centimetre of its coordinates, relative to the origin', async () => {
    const { layers } = await csvOf(GPU_POINTS_FROM);
    const layer = layers[0]!;
    const drawing = classedPoints(layer, PLAIN_STYLE, null);
    for (const i of [0, 1234, GPU_POINTS_FROM - 1]) {
      const [lng, lat] = (layer.features[i]!.geometry as { coordinates: number[] }).coordinates;
      const [x, y] = fromMercator(
        drawing.origin[0] + drawing.positions[i * 2]!,
        drawing.origin[1] + drawing.positions[i * 2 + 1]!,
      );
      // A centimetre is about 1e-7 degrees.
      expect(Math.abs(x - lng!)).toBeLessThan(1e-7);
      expect(Math.abs(y - lat!)).toBeLessThan(1e-7);
    }
  });

  it('classes each point as the legend does, empty values as no data, filtered out or not', async () => {
    const { layers } = await csvOf(GPU_POINTS_FROM);
    const layer = layers[0]!;
    const style = { colorBy: '投资', filter: { field: '级别', values: ['省级'] } };
    const coloring = coloringOf(layer, style)!;
    const drawing = classedPoints(layer, style, coloring);
    const classOf = classifier(coloring.classification);
    layer.features.forEach((f, i) => {
      const c = drawing.classes[i];
      // The filter is the map's: a point filtered out keeps its class for when it is shown.
      if (f.properties['投资'] === null || f.properties['投资'] === '')
        expect(c).toBe(CLASS_NO_DATA);
      else expect(c).toBe(classOf(Number(f.properties['投资'])));
    });
    expect(new Set(drawing.classes).size).toBeGreaterThan(3);
  });

  it('gives each point its category in the field filtered by, as an index into its values', async () => {
    const { layers } = await csvOf(GPU_POINTS_FROM);
    const layer = layers[0]!;
    const style = { colorBy: null, filter: { field: '级别', values: ['省级'] } };
    const { categories, categoryValues } = classedPoints(layer, style, null);
    // The values the layer panel lists, in its order (most common first).
    const listed = layer.fields.find((f) => f.key === '级别')!.categories!.map(([v]) => v);
    expect(categoryValues).toEqual(listed);
    expect([...categoryValues].sort()).toEqual(['市级', '省级']);
    layer.features.forEach((f, i) =>
      expect(categoryValues[categories![i]!]).toBe(f.properties['级别']),
    );
    expect(classedPoints(layer, PLAIN_STYLE, null).categories).toBeNull();
    // A field outside the described ones gives every point no category.
    const other = classedPoints(
      layer,
      { colorBy: null, filter: { field: 'name', values: [] } },
      null,
    );
    expect(other.categories!.every((c) => c === NO_CATEGORY)).toBe(true);
  });
});

describe('answers from the worker', () => {
  it('transfer the classed points’ buffers, not copies', () => {
    const positions = new Float32Array(4);
    const classes = new Uint8Array(2);
    const categories = new Uint8Array(2);
    const answer = {
      call: 1,
      result: {
        layers: [{ map: { kind: 'points', positions, classes, categories }, names: [['a', 'b']] }],
      },
    };
    expect(transferablesOf(answer)).toEqual([positions.buffer, classes.buffer, categories.buffer]);
    expect(transferablesOf({ call: 2, result: new Blob(['x']) })).toEqual([]);
  });
});
