/**
 * Imported layers kept in the browser (IndexedDB) until the user removes them, read and written
 * by the import worker: a layer's features never cross to the page to be stored. Settings (shown,
 * colour, title, name field) are a small record of their own, so a toggle writes bytes, not the
 * layer. A quota that is full or refused is thrown as a StorageRefused, to be said on screen.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { ImportedLayer } from './layer.ts';
import type { LayerStyle } from './protocol.ts';

/** What the user set on a layer. */
export interface LayerSettings {
  id: string;
  title: string;
  visible: boolean;
  color: string;
  nameField: string | null;
  /** When it was imported (ms since 1970), for the order of the layer list. */
  savedAt: number;
  /** Colour and filter (absent: drawn plain). */
  style?: LayerStyle;
}

export class StorageRefused extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'StorageRefused';
  }
}

const DB = 'park-atlas';
const SETTINGS = 'imported-settings';
const LAYERS = 'imported-layers-data';
let db: Promise<IDBPDatabase> | null = null;

function open(): Promise<IDBPDatabase> {
  db ??= openDB(DB, 2, {
    upgrade(d) {
      // Version 1 kept whole layers in one store, read on the page; nothing of it is reused.
      if (d.objectStoreNames.contains('imported-layers')) d.deleteObjectStore('imported-layers');
      d.createObjectStore(SETTINGS, { keyPath: 'id' });
      d.createObjectStore(LAYERS, { keyPath: 'id' });
    },
  });
  return db;
}

const refused = (e: unknown): StorageRefused =>
  new StorageRefused(
    e instanceof DOMException && e.name === 'QuotaExceededError'
      ? 'the browser’s storage for this site is full'
      : `the browser refused to store it (${e instanceof Error ? e.message : String(e)})`,
  );

/** One read-write transaction over `stores`, resolved once it has committed. */
async function write(
  stores: string[],
  run: (
    put: (store: string, value: unknown) => Promise<unknown>,
    del: (store: string, key: string) => Promise<unknown>,
  ) => Promise<unknown>[],
): Promise<void> {
  try {
    const tx = (await open()).transaction(stores, 'readwrite');
    const put = (store: string, value: unknown) => tx.objectStore(store).put(value);
    const del = (store: string, key: string) => tx.objectStore(store).delete(key);
    await Promise.all([...run(put, del), tx.done]);
  } catch (e) {
    throw refused(e);
  }
}

export function storeLayer(layer: ImportedLayer, settings: LayerSettings): Promise<void> {
  return write([SETTINGS, LAYERS], (put) => [put(LAYERS, layer), put(SETTINGS, settings)]);
}

export function storeSettings(settings: LayerSettings): Promise<void> {
  return write([SETTINGS], (put) => [put(SETTINGS, settings)]);
}

export function forgetLayer(id: string): Promise<void> {
  return write([SETTINGS, LAYERS], (_put, del) => [del(LAYERS, id), del(SETTINGS, id)]);
}

/** Every kept layer with its settings, oldest first. */
export async function loadStoredLayers(): Promise<
  { layer: ImportedLayer; settings: LayerSettings }[]
> {
  try {
    const d = await open();
    const settings = ((await d.getAll(SETTINGS)) as LayerSettings[]).sort(
      (a, b) => a.savedAt - b.savedAt,
    );
    const out = [];
    for (const s of settings) {
      const layer = (await d.get(LAYERS, s.id)) as ImportedLayer | undefined;
      if (layer) out.push({ layer, settings: s });
    }
    return out;
  } catch (e) {
    throw refused(e);
  }
}
