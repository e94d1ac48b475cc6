/**
 * Imported layers kept in the browser (IndexedDB) until the user removes them: a reload, or
 * coming back next week, finds them with their report and settings. A storage quota that is
 * full or refused is thrown as a StorageRefused, for the page to say so: never a silent loss.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { ImportedLayer } from '../import/layer.ts';

export interface StoredLayer {
  layer: ImportedLayer;
  visible: boolean;
  color: string;
  /** When it was imported (ms since 1970), for the order of the layer list. */
  savedAt: number;
}

export class StorageRefused extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'StorageRefused';
  }
}

const DB = 'park-atlas';
const STORE = 'imported-layers';
let db: Promise<IDBPDatabase> | null = null;

function open(): Promise<IDBPDatabase> {
  db ??= openDB(DB, 1, {
    upgrade(d) {
      d.createObjectStore(STORE, { keyPath: 'layer.id' });
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

export async function loadStoredLayers(): Promise<StoredLayer[]> {
  try {
    const all = (await (await open()).getAll(STORE)) as StoredLayer[];
    return all.sort((a, b) => a.savedAt - b.savedAt);
  } catch (e) {
    throw refused(e);
  }
}

export async function storeLayer(entry: StoredLayer): Promise<void> {
  try {
    // Resolved when the transaction has committed, not only when the request succeeded.
    const tx = (await open()).transaction(STORE, 'readwrite');
    await Promise.all([tx.store.put(entry), tx.done]);
  } catch (e) {
    throw refused(e);
  }
}

export async function forgetLayer(id: string): Promise<void> {
  try {
    const tx = (await open()).transaction(STORE, 'readwrite');
    await Promise.all([tx.store.delete(id), tx.done]);
  } catch (e) {
    throw refused(e);
  }
}
