import { describe, expect, it } from 'vitest';
import type { ImportedLayer } from '../../../src/lib/import/layer.ts';
import { NAMES_SENT_UP_TO, transferablesOf } from '../../../src/lib/import/protocol.ts';
import { LayerService } from '../../../src/lib/import/service.ts';
import type { LayerSettings } from '../../../src/lib/import/store.ts';
import { fixtureFile } from './fixture.ts';

/** IndexedDB as a Map: what the worker's storage would hold. */
function memoryStore(options: { full?: boolean } = {}) {
  const kept = new Map<string, { layer: ImportedLayer; settings: LayerSettings }>();
  const refuse = () => {
    if (options.full) throw new Error('the browser’s storage for this site is full');
  };
  return {
    kept,
    storeLayer: async (layer: ImportedLayer, settings: LayerSettings) => {
      refuse();
      kept.set(layer.id, { layer, settings });
    },
    storeSettings: async (settings: LayerSettings) => {
      refuse();
      const k = kept.get(settings.id);
      if (k) kept.set(settings.id, { ...k, settings });
    },
    forgetLayer: async (id: string) => void kept.delete(id),
    loadStoredLayers: async () => [...kept.values()],
  };
}

const importCsv = (service: LayerService, store = true) =>
  service.handle(
    {
      type: 'import',
      files: [fixtureFile('parks-gbk.csv')],
      options: { crs: 'auto', idPrefix: 't' },
      colors: ['#d6336c'],
      store,
    },
    () => {},
  );

describe('LayerService: the worker holds the layers, the page gets summaries', () => {
  it('sends a summary and a map Blob of ids and names, not the features', async () => {
    const service = new LayerService(memoryStore());
    const { layers } = await importCsv(service);
    const shown = layers[0]!;
    expect(shown.summary.count).toBeGreaterThan(1);
    expect('features' in shown.summary).toBe(false);
    if (shown.map.kind !== 'geojson') throw new Error('a small layer is GeoJSON');
    const map = JSON.parse(await shown.map.blob.text());
    expect(map.features[0].properties).toEqual({
      atlas_user_id: '#1',
      name: '济南高新技术产业开发区',
      v: null,
    });
    const answer = await service.handle(
      { type: 'feature', layer: shown.summary.id, id: '#1' },
      () => {},
    );
    expect(answer?.feature.properties.类型).toBe('国家级');
  });

  it('keeps layers in storage, brings them back, and forgets removed ones', async () => {
    const store = memoryStore();
    const first = new LayerService(store);
    const { layers } = await importCsv(first);
    const id = layers[0]!.summary.id;
    await first.handle(
      { type: 'settings', settings: { ...layers[0]!.settings, title: '我的园区' } },
      () => {},
    );
    const second = new LayerService(store);
    const restored = await second.handle({ type: 'restore' }, () => {});
    expect(restored.layers.map((l) => l.settings.title)).toEqual(['我的园区']);
    await second.handle({ type: 'remove', layer: id }, () => {});
    expect(store.kept.size).toBe(0);
  });

  it('sends a big layer’s names and points as buffers it transfers, not a text to clone', async () => {
    const rows = Array.from({ length: NAMES_SENT_UP_TO + 1 }, (_, i) => `园${i},117.${i},36.5`);
    const csv = ['名称,经度,纬度', ...rows].join('\n');
    const bytes = new TextEncoder().encode(csv).buffer as ArrayBuffer;
    const request = { crs: 'auto', idPrefix: 'big' } as const;
    const result = await new LayerService(memoryStore()).handle(
      {
        type: 'import',
        files: [{ name: 'big.csv', bytes }],
        options: request,
        colors: ['#d6336c'],
        store: false,
      },
      () => {},
    );
    const { summary, map } = result.layers[0]!;
    expect(summary.nameText).toBeInstanceOf(Uint16Array);
    if (map.kind !== 'points') throw new Error('many points are classed points');
    const moved = transferablesOf(result);
    expect(moved).toContain(summary.nameText!.buffer);
    expect(moved).toContain(map.positions.buffer);
  });

  it('reads a picked file’s Blob in the worker: the page hands over the file, not its bytes', async () => {
    const { bytes } = fixtureFile('parks-gbk.csv');
    const service = new LayerService(memoryStore());
    const { layers, failed } = await service.handle(
      {
        type: 'import',
        files: [{ name: 'parks-gbk.csv', blob: new Blob([bytes]) }],
        options: { crs: 'auto', idPrefix: 'b' },
        colors: ['#d6336c'],
        store: false,
      },
      () => {},
    );
    expect(failed).toEqual([]);
    expect(layers[0]!.summary.count).toBe(
      (await importCsv(service, false)).layers[0]!.summary.count,
    );
  });

  it('does not store a layer a link brought', async () => {
    const store = memoryStore();
    const { layers } = await importCsv(new LayerService(store), false);
    expect(layers[0]!.stored).toBe(false);
    expect(store.kept.size).toBe(0);
  });

  it('redraws the names when the name field changes, and exports with a BOM', async () => {
    const service = new LayerService(memoryStore());
    const { layers } = await importCsv(service);
    const { map } = await service.handle(
      { type: 'settings', settings: { ...layers[0]!.settings, nameField: '类型' } },
      () => {},
    );
    if (map?.kind !== 'geojson') throw new Error('a small layer is GeoJSON');
    expect(JSON.parse(await map.blob.text()).features[0].properties.name).toBe('国家级');
    const csv = await service.handle(
      { type: 'export', layer: layers[0]!.summary.id, format: 'csv' },
      () => {},
    );
    expect(new Uint8Array(await csv.arrayBuffer()).slice(0, 3)).toEqual(
      new Uint8Array([0xef, 0xbb, 0xbf]),
    );
  });
});

describe('LayerService: nearby over the shown layers (#17, the toolkit)', () => {
  const at: [number, number] = [115.37879, 35.23006];
  const point = (name: string, dLat: number) => ({
    type: 'Feature',
    properties: { name },
    geometry: { type: 'Point', coordinates: [at[0], at[1] + dLat] },
  });
  const square = (name: string, d: number) => ({
    type: 'Feature',
    properties: { name },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [at[0] - d, at[1] - d],
          [at[0] + d, at[1] - d],
          [at[0] + d, at[1] + d],
          [at[0] - d, at[1] + d],
          [at[0] - d, at[1] - d],
        ],
      ],
    },
  });
  const importGeojson = async (service: LayerService, name: string, features: unknown[]) => {
    const text = JSON.stringify({ type: 'FeatureCollection', features });
    const bytes = new TextEncoder().encode(text).buffer as ArrayBuffer;
    const { layers } = await service.handle(
      {
        type: 'import',
        files: [{ name, bytes }],
        options: { crs: 'auto', idPrefix: name },
        colors: ['#d6336c'],
        store: false,
      },
      () => {},
    );
    return layers[0]!;
  };
  const nearby = (service: LayerService, radiusKm: number, limit = 50) =>
    service.handle({ type: 'nearby', at, radiusKm, limit }, () => {});
  const names = (r: { hits: { name: string }[] }) => r.hits.map((h) => h.name);

  it('nearest first within the radius, a polygon around the point at 0 km, capped with the total', async () => {
    const service = new LayerService(memoryStore());
    // In no order: the answer sorts them.
    await importGeojson(service, 'sites.geojson', [
      point('远仓', 0.03),
      point('园外', 0.1),
      square('园区范围', 0.002),
      point('近仓', 0.01),
    ]);
    const all = await nearby(service, 5);
    expect(names(all)).toEqual(['园区范围', '近仓', '远仓']);
    expect(all.total).toBe(3);
    expect(all.hits[0]!.km).toBe(0);
    expect(all.hits[1]!.km).toBeCloseTo(1.112, 2);
    expect(all.hits[2]!.km).toBeCloseTo(3.336, 2);
    expect(all.hits[1]).toMatchObject({ title: 'sites.geojson', id: '#4' });
    expect(all.hits.every((h) => h.layer === all.hits[0]!.layer)).toBe(true);
    expect(names(await nearby(service, 2))).toEqual(['园区范围', '近仓']);
    const capped = await nearby(service, 50, 2);
    expect(names(capped)).toEqual(['园区范围', '近仓']);
    expect(capped.total).toBe(4);
  });

  it('skips hidden layers, and names features by the layer’s name field', async () => {
    const service = new LayerService(memoryStore());
    const first = await importGeojson(service, 'a.geojson', [point('甲', 0.02)]);
    const second = await importGeojson(service, 'b.geojson', [point('乙', 0.01)]);
    expect(names(await nearby(service, 5))).toEqual(['乙', '甲']);
    await service.handle(
      { type: 'settings', settings: { ...second.settings, visible: false } },
      () => {},
    );
    expect(names(await nearby(service, 5))).toEqual(['甲']);
    await service.handle(
      { type: 'settings', settings: { ...first.settings, nameField: null, title: '我的点' } },
      () => {},
    );
    expect((await nearby(service, 5)).hits).toEqual([
      { layer: first.summary.id, title: '我的点', id: '#1', name: '#1', km: expect.any(Number) },
    ]);
  });
});
