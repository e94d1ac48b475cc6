/**
 * The layers users bring in, as the page sees them: summaries and a map Blob per layer, while
 * the import worker holds the features (and keeps them in IndexedDB). Importing shows progress
 * and can be cancelled; toggling, renaming, choosing the name field, removing and exporting are
 * calls to the worker. A change of which categories are shown is drawn at once, from the drawing
 * the map has, and only stored by the worker after. Raw state: plain objects, never proxies.
 */
import { ImportCancelled, ImportClient, pickedFiles } from '../lib/import/client.ts';
import {
  drawingFits,
  drawnFields,
  PLAIN_STYLE,
  type ImportResult,
  type KeptNotice,
  type LayerStyle,
  type Request,
} from '../lib/import/protocol.ts';
import type { LayerSettings } from '../lib/import/store.ts';
import type { CrsChoice, ImportFile, PickedFile } from '../lib/import/types.ts';
import { USER_LAYER_COLORS, type UserHit, type UserLayerData } from '../lib/map/user-layers.ts';
import { importText } from '../lib/i18n/import-text.ts';
import type { Lang } from '../lib/state/view.ts';
import type { Geometry } from 'geojson';
import type { SearchEngine } from '../lib/search/load.ts';
import { hitOf, ImportedSearch } from './imported-search.ts';
import { downloadBlob } from './download.ts';
import { DATASET_HEAD_BYTES, mayBeDataset } from '../lib/import/dataset-file.ts';
import {
  drawingOf,
  entryOf,
  keptEntry,
  lostByCancel,
  mapDataOf,
  release,
  withEntry,
  type ImportJobState,
  type ImportReportState,
  type LayerEntry,
  type PickedFeature,
} from './layer-entries.ts';

export class Imports {
  entries = $state.raw<LayerEntry[]>([]);
  job = $state.raw<ImportJobState | null>(null);
  /** The outcome of the last import, until dismissed. */
  report = $state.raw<ImportReportState | null>(null);
  /** Why the last import or storage step failed as a whole (not a file's own problems). */
  problem = $state<string | null>(null);
  selected = $state.raw<UserHit | null>(null);
  /** The selected feature, once the worker has sent it. */
  picked = $state.raw<PickedFeature | null>(null);
  crs = $state<CrsChoice>('auto');
  private readonly client = new ImportClient((notice) => this.kept(notice));
  private readonly searcher = new ImportedSearch();
  private imports = 0;
  /** The latest setStyle per layer: an answer to an earlier one is not drawn over it. */
  private styleCalls: Record<string, number> = {};
  /** Files links named: not stored, so imported again if the worker is restarted. */
  private linked: string[] = [];

  /** `ondataset`: opens a file in the dataset's own schema as the dataset. Handle: main.ts. */
  constructor(private readonly ondataset?: (file: File) => void) {
    window.parkAtlasImports = this;
  }

  /** Brings back what earlier visits imported. */
  async restore(): Promise<void> {
    const restored = await this.client.call({ type: 'restore' });
    if (restored.storage)
      this.problem = `Imported layers could not be read back: ${restored.storage}`;
    this.entries = [...this.entries, ...restored.layers.map((l) => entryOf(l))];
  }

  /**
   * A same-origin file a link names: imported like a picked one but not stored, since the link
   * brings it back (storing it would add a copy per visit).
   */
  async importUrl(url: string, failed = (reason: string) => reason): Promise<void> {
    const path = url.split(/[?#]/)[0] ?? '';
    const name = decodeURIComponent(path.split('/').pop() || 'data');
    let bytes: ArrayBuffer;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
      bytes = await response.arrayBuffer();
    } catch (e) {
      this.problem = `${name}: ${failed((e as Error).message)}`;
      return;
    }
    if (!this.linked.includes(url)) this.linked.push(url);
    await this.importFiles([{ name, bytes }], { keep: false });
  }

  async importFiles(files: (ImportFile | PickedFile)[], options = { keep: true }): Promise<void> {
    if (files.length === 0 || this.job) return;
    this.problem = null;
    this.job = { files: files.map((f) => f.name), progress: { phase: 'read', done: 0 } };
    const colors = USER_LAYER_COLORS.map(
      (_, i) =>
        USER_LAYER_COLORS[(this.entries.length + i) % USER_LAYER_COLORS.length] ?? '#d6336c',
    );
    try {
      const result: ImportResult = await this.client.call(
        {
          type: 'import',
          files,
          options: { crs: this.crs, idPrefix: `${Date.now().toString(36)}-${++this.imports}` },
          colors,
          store: options.keep,
        },
        {
          onprogress: (progress) => this.job && (this.job = { ...this.job, progress }),
          transfer: files.flatMap((f) => ('bytes' in f ? [f.bytes] : [])),
        },
      );
      this.report = { layers: result.layers.map((l) => l.summary), failed: result.failed };
      // Shown now, stored after: a KeptNotice says whether it was (this.kept).
      this.entries = [...this.entries, ...result.layers.map((l) => entryOf(l))];
    } catch (e) {
      if (e instanceof ImportCancelled) await this.afterCancel();
      else this.problem = (e as Error).message;
    } finally {
      this.job = null;
    }
  }

  /** Files from the picker or a drop; one in the dataset's own schema opens as the dataset. */
  async openFiles(list: Iterable<File>): Promise<void> {
    const files = [...list];
    const [only] = files;
    if (files.length === 1 && only && this.ondataset) {
      const head = await only.slice(0, DATASET_HEAD_BYTES).text();
      if (mayBeDataset(only.name, head)) return this.ondataset(only);
    }
    await this.importFiles(pickedFiles(files));
  }

  /** A file opened as the dataset that did not fit its schema: a layer after all. */
  async importAsLayer(file: File): Promise<void> {
    await this.importFiles(pickedFiles([file]));
  }

  cancel(): void {
    this.client.cancel();
  }

  /** A new layer's write ended; not kept, it stays on the map for this visit, and is said. */
  private kept(notice: KeptNotice): void {
    this.entries = withEntry(this.entries, notice.layer, (e) => keptEntry(e, notice));
    if (notice.storage) this.problem = `Not kept for your next visit: ${notice.storage}`;
  }

  /** The worker that held the layers is gone: a new one reads them back. */
  private async afterCancel(): Promise<void> {
    const before = this.entries;
    for (const e of before) release(e.drawing);
    this.entries = [];
    await this.restore();
    for (const url of this.linked) await this.importUrl(url);
    this.problem = lostByCancel(before, this.entries) ?? this.problem;
  }

  private async update(id: string, change: Partial<LayerSettings>): Promise<void> {
    const entry = this.entries.find((e) => e.summary.id === id);
    if (!entry) return;
    const settings = { ...entry.settings, ...change };
    this.entries = withEntry(this.entries, id, (e) => ({ ...e, settings }));
    const answer = await this.client.call({ type: 'settings', settings });
    if (answer.storage) this.problem = `Not kept for your next visit: ${answer.storage}`;
    const map = answer.map;
    if (map) {
      release(entry.drawing);
      const { names, nameText } = answer;
      const summary = { ...entry.summary, nameField: settings.nameField, names, nameText };
      const drawing = drawingOf(map);
      const drawn = drawnFields(settings.style ?? PLAIN_STYLE);
      this.entries = withEntry(this.entries, id, (e) => ({ ...e, summary, drawing, drawn }));
    }
  }

  toggle(id: string, visible: boolean): void {
    void this.update(id, { visible });
  }

  rename(id: string, title: string): void {
    const clean = title.trim();
    if (clean) void this.update(id, { title: clean });
  }

  /** Which property names the features (shown, listed, searched). */
  setNameField(id: string, nameField: string | null): void {
    void this.update(id, { nameField });
  }

  /**
   * Colours the layer by a numeric field and filters it by a category (each may be off). Only
   * other categories shown: drawn now from the drawing the map has, then stored (a reload shows
   * the same); else the worker makes a new drawing first.
   */
  async setStyle(id: string, style: LayerStyle): Promise<void> {
    const entry = this.entries.find((e) => e.summary.id === id);
    if (!entry) return;
    const call = (this.styleCalls[id] ?? 0) + 1;
    this.styleCalls[id] = call;
    if (drawingFits(entry.drawn, style)) {
      // Shown as soon as the entry changes; the worker stores it after.
      void this.update(id, { style });
      return;
    }
    const answer = await this.client.call({ type: 'style', layer: id, style });
    if (!answer) return;
    if (answer.storage) this.problem = `Not kept for your next visit: ${answer.storage}`;
    const drawing = drawingOf(answer.map);
    // A later choice was made meanwhile: it is what is shown (and what the worker kept last).
    if (this.styleCalls[id] !== call) {
      release(drawing);
      return;
    }
    const drawn = drawnFields(style);
    this.entries = withEntry(this.entries, id, (e) => {
      release(e.drawing);
      const settings = { ...e.settings, style };
      return { ...e, drawing, drawn, coloring: answer.coloring, settings };
    });
  }

  /** Gone from the list once gone from storage: a reload never brings back a removed layer. */
  async remove(id: string): Promise<void> {
    const answer = await this.client.call({ type: 'remove', layer: id });
    if (answer.storage) this.problem = answer.storage;
    const gone = this.entries.find((e) => e.summary.id === id);
    if (gone) release(gone.drawing);
    this.entries = this.entries.filter((e) => e.summary.id !== id);
    if (this.selected?.layer === id) this.pick(null);
  }

  /** Selects an imported feature; its properties come from the worker. */
  async pick(hit: UserHit | null): Promise<void> {
    this.selected = hit;
    this.picked = null;
    if (!hit) return;
    const found = await this.client.call({
      type: 'feature',
      layer: hit.layer,
      ...(hit.row === undefined ? { id: hit.id } : { row: hit.row }),
    });
    const layer = this.entries.find((e) => e.summary.id === hit.layer)?.summary;
    if (found && layer && this.selected === hit) this.picked = { layer, ...found };
  }

  async exportLayer(id: string | null, format: 'geojson' | 'csv', name: string): Promise<void> {
    downloadBlob(await this.client.call({ type: 'export', layer: id, format }), name);
  }

  /** Every imported layer in one GeoJSON file, each feature saying which layer it is from. */
  exportAll(): Promise<void> {
    return this.exportLayer(null, 'geojson', 'imported-layers.geojson');
  }

  async downloadReport(): Promise<void> {
    const report = this.report;
    if (!report) return;
    const layers = report.layers.map((l) => l.id);
    const blob = await this.client.call({ type: 'report', layers, failed: report.failed });
    downloadBlob(blob, 'import-report.csv');
  }

  /** Search results as the search box lists them; their ids say they are imported features. */
  searchOptions(query: string, engine: SearchEngine | null, lang: Lang) {
    return this.searcher.options(this.entries, query, engine, importText(lang)('importKind'));
  }

  /**
   * Opens an imported feature chosen in the search box and flies to it; false when the id is
   * not one of ours (the dataset's, for the caller to open).
   */
  chosen(option: string, fly: (geometry: Geometry) => void): boolean {
    const hit = hitOf(option);
    if (!hit) return false;
    void this.pick(hit).then(() => this.picked && fly(this.picked.feature.geometry));
    return true;
  }

  /** The toolkit's questions: nearby and site search (the shown layers), a feature's properties. */
  ask = <T extends 'nearby' | 'site' | 'feature'>(r: Extract<Request, { type: T }>) =>
    this.client.call(r);

  /** The import screens' words (they load with this module). */
  text = (lang: Lang) => importText(lang);

  /** What the map draws: each layer's GeoJSON by URL, or its classed points. */
  mapData(): UserLayerData[] {
    return mapDataOf(this.entries);
  }
}
