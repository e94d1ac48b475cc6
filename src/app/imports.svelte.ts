/**
 * The layers users bring in: importing (in the worker, with progress and Cancel), keeping them
 * across reloads, toggling, renaming, removing, and the report of the last import. Held as raw
 * state (plain objects), so layers go to IndexedDB and the map without copying proxies.
 */
import { filesFrom, ImportCancelled, runInWorker } from '../lib/import/client.ts';
import type { ImportedFeature, ImportedLayer } from '../lib/import/layer.ts';
import type { ImportOutcome } from '../lib/import/pipeline.ts';
import type { CrsChoice, ImportFile, ImportIssue, ImportProgress } from '../lib/import/types.ts';
import type { UserHit, UserLayerData } from '../lib/map/user-layers.ts';
import { USER_LAYER_COLORS } from '../lib/map/user-layers.ts';
import { importText } from '../lib/i18n/import-text.ts';
import { toGeojson } from '../lib/export/features.ts';
import { download } from './download.ts';
import type { Lang } from '../lib/state/view.ts';
import {
  forgetLayer,
  loadStoredLayers,
  storeLayer,
  type StoredLayer,
} from '../lib/source/stored-layers.ts';

export interface ImportJobState {
  files: string[];
  progress: ImportProgress;
}

export class Imports {
  entries = $state.raw<StoredLayer[]>([]);
  job = $state.raw<ImportJobState | null>(null);
  /** The outcome of the last import, until dismissed. */
  report = $state.raw<ImportOutcome | null>(null);
  /** Why the last import or storage step failed as a whole (not a file's own problems). */
  problem = $state<string | null>(null);
  selected = $state.raw<UserHit | null>(null);
  crs = $state<CrsChoice>('auto');
  private abort: AbortController | null = null;
  private imports = 0;

  /** Brings back what earlier visits imported. */
  async restore(): Promise<void> {
    try {
      this.entries = await loadStoredLayers();
    } catch (e) {
      this.problem = `Imported layers could not be read back: ${(e as Error).message}`;
    }
  }

  /**
   * A same-origin file a link names: imported like a picked one but not stored, since the link
   * brings it back (storing it would add a copy per visit).
   */
  async importUrl(url: string): Promise<void> {
    const path = url.split(/[?#]/)[0] ?? '';
    const name = decodeURIComponent(path.split('/').pop() || 'data');
    let bytes: ArrayBuffer;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
      bytes = await response.arrayBuffer();
    } catch (e) {
      this.problem = `${name}: ${(e as Error).message}`;
      return;
    }
    await this.importFiles([{ name, bytes }], { keep: false });
  }

  async importFiles(files: ImportFile[], options = { keep: true }): Promise<void> {
    if (files.length === 0 || this.job) return;
    this.abort = new AbortController();
    this.problem = null;
    this.job = { files: files.map((f) => f.name), progress: { phase: 'read', done: 0 } };
    try {
      const outcome = await runInWorker({
        files,
        crs: this.crs,
        idPrefix: `${Date.now().toString(36)}-${++this.imports}`,
        signal: this.abort.signal,
        onprogress: (progress) => this.job && (this.job = { ...this.job, progress }),
      });
      this.report = outcome;
      await this.keep(outcome.layers, options.keep);
    } catch (e) {
      if (!(e instanceof ImportCancelled)) this.problem = (e as Error).message;
    } finally {
      this.job = null;
      this.abort = null;
    }
  }

  /** Files from the picker or a drop. */
  async openFiles(list: Iterable<File>): Promise<void> {
    await this.importFiles(await filesFrom(list));
  }

  cancel(): void {
    this.abort?.abort();
  }

  private async keep(layers: ImportedLayer[], store: boolean): Promise<void> {
    const added = layers.map((layer, i): StoredLayer => ({
      layer,
      visible: true,
      color: USER_LAYER_COLORS[(this.entries.length + i) % USER_LAYER_COLORS.length] ?? '#d6336c',
      savedAt: Date.now() + i,
    }));
    this.entries = [...this.entries, ...added];
    if (store) await this.save(added);
  }

  private async save(entries: StoredLayer[]): Promise<void> {
    try {
      for (const e of entries) await storeLayer(e);
    } catch (e) {
      // Shown, and the layer stays on the map for this visit: nothing disappears unannounced.
      this.problem = `Not kept for your next visit: ${(e as Error).message}`;
    }
  }

  private update(id: string, change: (e: StoredLayer) => StoredLayer): void {
    const next = this.entries.map((e) => (e.layer.id === id ? change(e) : e));
    this.entries = next;
    const changed = next.find((e) => e.layer.id === id);
    if (changed) void this.save([changed]);
  }

  toggle(id: string, visible: boolean): void {
    this.update(id, (e) => ({ ...e, visible }));
  }

  rename(id: string, title: string): void {
    const clean = title.trim();
    if (clean) this.update(id, (e) => ({ ...e, layer: { ...e.layer, title: clean } }));
  }

  /** Gone from the list once gone from storage: a reload never brings back a removed layer. */
  async remove(id: string): Promise<void> {
    try {
      await forgetLayer(id);
    } catch (e) {
      this.problem = (e as Error).message;
    }
    this.entries = this.entries.filter((e) => e.layer.id !== id);
    if (this.selected?.layer === id) this.selected = null;
  }

  /** Every imported layer in one GeoJSON file, each feature saying which layer it is from. */
  exportAll(): void {
    const features = this.entries.flatMap((e) =>
      e.layer.features.map((f) => ({
        ...f,
        properties: { ...f.properties, imported_layer: e.layer.title },
      })),
    );
    download(toGeojson(features), 'imported-layers.geojson', 'application/geo+json');
  }

  /** Which property names the features (shown, listed, searched). */
  setNameField(id: string, field: string | null): void {
    this.update(id, (e) => ({ ...e, layer: { ...e.layer, nameField: field } }));
  }

  /** The import screens' words (they load with this module). */
  text(lang: Lang) {
    return importText(lang);
  }

  nameOf(layer: ImportedLayer, f: ImportedFeature): string {
    return nameOf(layer, f);
  }

  /** The selected imported feature and its layer, if any. */
  selection(): { layer: ImportedLayer; feature: ImportedFeature } | null {
    const hit = this.selected;
    const layer = hit && this.entries.find((e) => e.layer.id === hit.layer)?.layer;
    const feature = layer?.features.find((f) => f.id === hit?.id);
    return layer && feature ? { layer, feature } : null;
  }

  /** What the map draws: each layer's features with their names. */
  mapData(): UserLayerData[] {
    return this.entries.map((e) => ({
      id: e.layer.id,
      visible: e.visible,
      color: e.color,
      features: e.layer.features.map((f) => ({
        id: f.id,
        geometry: f.geometry,
        name: nameOf(e.layer, f),
      })),
    }));
  }
}

export function nameOf(layer: ImportedLayer, f: ImportedFeature): string {
  const v = layer.nameField ? f.properties[layer.nameField] : null;
  return v === null || v === undefined || v === '' ? f.id : String(v);
}

export type { ImportIssue };
