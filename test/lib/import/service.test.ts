import { describe, expect, it } from 'vitest';
import type { ImportedLayer } from '../../../src/lib/import/layer.ts';
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

  it('does not store a layer a link brought', async () => {
    const store = memoryStore();
    const { layers } = await importCsv(new LayerService(store), false);
    expect(layers[0]!.stored).toBe(false);
    expect(store.kept.size).toBe(0);
  });

  it('says when storage is full, and still shows the layer', async () => {
    const { layers, storage } = await importCsv(new LayerService(memoryStore({ full: true })));
    expect(layers).toHaveLength(1);
    expect(layers[0]!.stored).toBe(false);
    expect(storage).toMatch(/full/);
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
