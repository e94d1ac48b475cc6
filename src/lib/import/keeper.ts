/**
 * Which of the worker's layers are in IndexedDB, and the writes still under way. A new layer is
 * written after the page has it (a 50 MB layer takes seconds to write); the notice that follows
 * says whether it was kept. A change or a removal made meanwhile waits for that write, so a
 * removed layer is never written back and a renamed one is never stored under its old name. A
 * reload mid-write loses only that layer: storeLayer is one transaction, aborted whole.
 */
import type { ImportedLayer } from './layer.ts';
import type { KeptNotice } from './protocol.ts';
import type * as store from './store.ts';

export type Store = Pick<
  typeof store,
  'storeLayer' | 'storeSettings' | 'forgetLayer' | 'loadStoredLayers'
>;

export const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * From this many features a layer's write waits WRITE_AFTER_MS after the answer: serialising it
 * takes the worker seconds, which on a 2-core machine slowed the map's first drawing of it
 * (answer → map idle 0.8–3.1 s, against 0.9 s when the write came first; #16).
 */
const BIG_LAYER = 20_000;
const WRITE_AFTER_MS = 1_500;

/** A later macrotask: the answer the worker is about to post goes out before the write begins. */
const afterAnswer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Keeper {
  private stored = new Set<string>();
  private writing = new Map<string, Promise<void>>();

  constructor(
    private readonly storage: Store,
    private readonly notify: (notice: KeptNotice) => void,
  ) {}

  /** Writes the layer in the background; a KeptNotice says how it went. */
  keep(layer: ImportedLayer, settings: store.LayerSettings): void {
    const id = layer.id;
    const done = afterAnswer(layer.features.length >= BIG_LAYER ? WRITE_AFTER_MS : 0)
      .then(() => this.storage.storeLayer(layer, settings))
      .then(
        () => {
          this.stored.add(id);
          this.notify({ type: 'kept', layer: id });
        },
        (e: unknown) => this.notify({ type: 'kept', layer: id, storage: message(e) }),
      )
      .finally(() => this.writing.delete(id));
    this.writing.set(id, done);
  }

  /** A layer read back from storage. */
  markStored(id: string): void {
    this.stored.add(id);
  }

  /** Every write under way has ended (tests; a caller that must see storage settled). */
  async settled(): Promise<void> {
    await Promise.all([...this.writing.values()]);
  }

  /** Stores the settings of a kept layer; why not, when storage refused. */
  async saveSettings(settings: store.LayerSettings): Promise<string | undefined> {
    await this.writing.get(settings.id);
    if (!this.stored.has(settings.id)) return undefined;
    try {
      await this.storage.storeSettings(settings);
      return undefined;
    } catch (e) {
      return message(e);
    }
  }

  /** Takes the layer out of storage, after its write if one is under way. */
  async forget(id: string): Promise<string | undefined> {
    await this.writing.get(id);
    if (!this.stored.delete(id)) return undefined;
    try {
      await this.storage.forgetLayer(id);
      return undefined;
    } catch (e) {
      return message(e);
    }
  }
}
