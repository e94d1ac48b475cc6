/**
 * The worker answers an import before it writes the layer to storage (#16: a 50 MB layer takes
 * seconds to write): the page hears of the write after, and nothing done meanwhile is undone.
 */
import { describe, expect, it } from 'vitest';
import type { ImportedLayer } from '../../../src/lib/import/layer.ts';
import type { KeptNotice } from '../../../src/lib/import/protocol.ts';
import { LayerService } from '../../../src/lib/import/service.ts';
import type { LayerSettings } from '../../../src/lib/import/store.ts';
import { fixtureFile } from './fixture.ts';

/** Storage whose layer writes wait until `open()`, then succeed or throw `fail`. */
function gatedStore(fail?: string) {
  const kept = new Map<string, { layer: ImportedLayer; settings: LayerSettings }>();
  let open = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    kept,
    open: () => open(),
    storeLayer: async (layer: ImportedLayer, settings: LayerSettings) => {
      await gate;
      if (fail) throw new Error(fail);
      kept.set(layer.id, { layer, settings });
    },
    storeSettings: async (settings: LayerSettings) => {
      const k = kept.get(settings.id);
      if (k) kept.set(settings.id, { ...k, settings });
    },
    forgetLayer: async (id: string) => void kept.delete(id),
    loadStoredLayers: async () => [...kept.values()],
  };
}

function serviceOver(store: ReturnType<typeof gatedStore>) {
  const notices: KeptNotice[] = [];
  return { service: new LayerService(store, (n) => notices.push(n)), notices };
}

const importCsv = (service: LayerService) =>
  service.handle(
    {
      type: 'import',
      files: [fixtureFile('parks-gbk.csv')],
      options: { crs: 'auto', idPrefix: 't' },
      colors: ['#d6336c'],
      store: true,
    },
    () => {},
  );

/** The answer, or 'no answer' when it waits for the write (the gate is still shut). */
const answerOf = (service: LayerService) =>
  Promise.race([
    importCsv(service),
    new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), 2_000)),
  ]);

describe('LayerService: the layer is shown first, stored after', () => {
  it('answers before the layer is stored, then says it was kept', async () => {
    const store = gatedStore();
    const { service, notices } = serviceOver(store);
    const answer = await answerOf(service);
    if (answer === 'no answer') throw new Error('the answer waited for the write');
    const shown = answer.layers[0]!;
    expect(shown).toMatchObject({ stored: false, storing: true });
    expect(store.kept.size).toBe(0);
    expect(notices).toEqual([]);
    store.open();
    await service.keeper.settled();
    expect(notices).toEqual([{ type: 'kept', layer: shown.summary.id }]);
    expect([...store.kept.keys()]).toEqual([shown.summary.id]);
  });

  it('says after the answer when storage is full, and the layer stays shown', async () => {
    const store = gatedStore('the browser’s storage for this site is full');
    const { service, notices } = serviceOver(store);
    store.open();
    const answer = await importCsv(service);
    expect(answer.layers).toHaveLength(1);
    expect('storage' in answer).toBe(false);
    await service.keeper.settled();
    expect(notices).toEqual([
      { type: 'kept', layer: answer.layers[0]!.summary.id, storage: expect.stringMatching(/full/) },
    ]);
    const id = answer.layers[0]!.summary.id;
    const feature = await service.handle({ type: 'feature', layer: id, id: '#1' }, () => {});
    expect(feature?.name).toBe('济南高新技术产业开发区');
  });

  it('a layer removed while it is being stored is not left in storage', async () => {
    const store = gatedStore();
    const { service } = serviceOver(store);
    const answer = await answerOf(service);
    if (answer === 'no answer') throw new Error('the answer waited for the write');
    const removing = service.handle(
      { type: 'remove', layer: answer.layers[0]!.summary.id },
      () => {},
    );
    store.open();
    expect(await removing).toEqual({});
    await service.keeper.settled();
    expect(store.kept.size).toBe(0);
    const next = new LayerService(store);
    expect((await next.handle({ type: 'restore' }, () => {})).layers).toEqual([]);
  });

  it('a rename made while the layer is being stored is what the next visit gets', async () => {
    const store = gatedStore();
    const { service } = serviceOver(store);
    const answer = await answerOf(service);
    if (answer === 'no answer') throw new Error('the answer waited for the write');
    const { settings } = answer.layers[0]!;
    const renaming = service.handle(
      { type: 'settings', settings: { ...settings, title: '新名' } },
      () => {},
    );
    store.open();
    await renaming;
    const next = new LayerService(store);
    const restored = await next.handle({ type: 'restore' }, () => {});
    expect(restored.layers.map((l) => l.settings.title)).toEqual(['新名']);
  });
});
