/**
 * The worker's side: it imports, holds every layer in memory, keeps them in IndexedDB and
 * answers the page (a feature's properties, an export, the whole report). Plain TypeScript with
 * no worker globals, so it is tested in Node; worker.ts only routes messages to it.
 */
import { reportCsv } from '../export/report.ts';
import { featuresToCsv, toGeojson } from '../export/features.ts';
import type { ImportedLayer } from './layer.ts';
import { bytesOf, runImport } from './pipeline.ts';
import { coloringOf, mapDrawing, nameOf } from './style.ts';
import { loadScales } from '../scales/scale-lib.ts';
import {
  ISSUES_SENT,
  NAMES_SENT_UP_TO,
  PLAIN_STYLE,
  type ImportResult,
  type KeptNotice,
  type LayerStyle,
  type LayerSummary,
  type Request,
  type Responses,
} from './protocol.ts';
import * as store from './store.ts';
import { Keeper, message, type Store } from './keeper.ts';
import { nameCodes } from './name-text.ts';
import { nearbyImported } from './nearby.ts';
import { siteImported } from './site.ts';
import type { ImportProgress } from './types.ts';

export function summaryOf(layer: ImportedLayer): LayerSummary {
  const { features, issues, ...rest } = layer;
  return {
    ...rest,
    count: features.length,
    points: features.filter((f) => f.geometry.type === 'Point').length,
    issues: issues.slice(0, ISSUES_SENT),
    issueCount: issues.length,
    names: namesOf(layer),
    nameText: nameTextOf(layer),
  };
}

function namesOf(layer: ImportedLayer): [string, string][] | null {
  if (layer.features.length > NAMES_SENT_UP_TO) return null;
  return layer.features.map((f) => [f.id, nameOf(layer, f)]);
}

function nameTextOf(layer: ImportedLayer): Uint16Array | null {
  if (layer.features.length <= NAMES_SENT_UP_TO) return null;
  return nameCodes(layer.features.map((f) => [f.id, nameOf(layer, f)] as const));
}

export class LayerService {
  private layers = new Map<string, ImportedLayer>();
  private settings = new Map<string, store.LayerSettings>();
  /** Layers kept in storage (a layer a link brought is not), and writes under way. */
  readonly keeper: Keeper;

  /** `notify` gets what the page hears outside any call: whether a new layer was kept. */
  constructor(
    private readonly storage: Store = store,
    notify: (notice: KeptNotice) => void = () => {},
  ) {
    this.keeper = new Keeper(storage, notify);
  }

  async handle<T extends Request['type']>(
    request: Extract<Request, { type: T }>,
    progress: (p: ImportProgress) => void,
  ): Promise<Responses[T]> {
    // A layer coloured by a field needs the scales: loaded with the worker's first request.
    await loadScales();
    const r = request as Request;
    switch (r.type) {
      case 'import':
        return (await this.import(r, progress)) as Responses[T];
      case 'restore':
        return (await this.restore()) as Responses[T];
      case 'feature': {
        const layer = this.layers.get(r.layer);
        const row = r.row ?? layer?.features.findIndex((f) => f.id === r.id) ?? -1;
        const feature = layer?.features[row];
        return (
          layer && feature ? { feature, name: nameOf(layer, feature), row } : null
        ) as Responses[T];
      }
      case 'export':
        return this.export(r.layer, r.format) as Responses[T];
      case 'report': {
        const issues = [
          ...r.failed,
          ...r.layers.flatMap((id) => this.layers.get(id)?.issues ?? []),
        ];
        return new Blob([reportCsv(issues)], { type: 'text/csv;charset=utf-8' }) as Responses[T];
      }
      case 'settings':
        return (await this.setSettings(r.settings)) as Responses[T];
      case 'remove':
        return (await this.remove(r.layer)) as Responses[T];
      case 'style':
        return (await this.setStyle(r.layer, r.style)) as Responses[T];
      case 'nearby':
        return nearbyImported(this.shown(), r.at, r.radiusKm, r.limit) as Responses[T];
      case 'site':
        return siteImported(this.shown(), r) as Responses[T];
    }
  }

  /** The layers the user shows: the toolkit's nearby and site search look in these only. */
  private shown(): ImportedLayer[] {
    return [...this.layers.values()].filter((l) => this.settings.get(l.id)?.visible);
  }

  private async import(
    r: Extract<Request, { type: 'import' }>,
    progress: (p: ImportProgress) => void,
  ): Promise<ImportResult> {
    const files = await Promise.all(r.files.map(bytesOf));
    const outcome = await runImport(files, r.options, progress);
    const result: ImportResult = { layers: [], failed: outcome.failed };
    for (const [i, layer] of outcome.layers.entries()) {
      const settings: store.LayerSettings = {
        id: layer.id,
        title: layer.title,
        visible: true,
        color: r.colors[i % r.colors.length] ?? '#d6336c',
        nameField: layer.nameField,
        savedAt: Date.now() + i,
      };
      this.layers.set(layer.id, layer);
      this.settings.set(layer.id, settings);
      // Written after the answer: the page shows the layer while it is stored.
      if (r.store) this.keeper.keep(layer, settings);
      result.layers.push({
        summary: summaryOf(layer),
        settings,
        map: mapDrawing(layer, PLAIN_STYLE, null),
        stored: false,
        storing: r.store,
        coloring: null,
      });
    }
    return result;
  }

  private async restore(): Promise<Responses['restore']> {
    try {
      const kept = await this.storage.loadStoredLayers();
      return {
        layers: kept.map(({ layer, settings }) => {
          const named = { ...layer, nameField: settings.nameField, title: settings.title };
          this.layers.set(layer.id, named);
          this.settings.set(layer.id, settings);
          this.keeper.markStored(layer.id);
          const style = settings.style ?? PLAIN_STYLE;
          const coloring = coloringOf(named, style);
          return {
            summary: summaryOf(named),
            settings,
            map: mapDrawing(named, style, coloring),
            stored: true,
            coloring,
          };
        }),
      };
    } catch (e) {
      return { layers: [], storage: message(e) };
    }
  }

  private export(id: string | null, format: 'geojson' | 'csv'): Blob {
    const layers = id
      ? [this.layers.get(id)].filter((l) => l !== undefined)
      : [...this.layers.values()];
    // Several layers in one file: each feature says which it is from.
    const features = layers.flatMap((l) =>
      id
        ? l.features
        : l.features.map((f) => ({
            ...f,
            properties: { ...f.properties, imported_layer: l.title },
          })),
    );
    return format === 'geojson'
      ? new Blob([toGeojson(features)], { type: 'application/geo+json' })
      : new Blob([featuresToCsv(features)], { type: 'text/csv;charset=utf-8' });
  }

  private async setSettings(settings: store.LayerSettings): Promise<Responses['settings']> {
    const layer = this.layers.get(settings.id);
    if (!layer) return { map: null, names: null, nameText: null };
    const renamed = layer.nameField !== settings.nameField;
    const updated = { ...layer, nameField: settings.nameField, title: settings.title };
    this.layers.set(settings.id, updated);
    this.settings.set(settings.id, settings);
    const storage = await this.keeper.saveSettings(settings);
    const style = settings.style ?? PLAIN_STYLE;
    const map = renamed ? mapDrawing(updated, style, coloringOf(updated, style)) : null;
    const names = renamed ? namesOf(updated) : null;
    const text = renamed ? nameTextOf(updated) : null;
    return { map, names, nameText: text, ...(storage ? { storage } : {}) };
  }

  /** Colour by a field, filter by a category: a new drawing and, when coloured, its legend. */
  private async setStyle(id: string, style: LayerStyle): Promise<Responses['style']> {
    const layer = this.layers.get(id);
    const settings = this.settings.get(id);
    if (!layer || !settings) return null;
    const next = { ...settings, style };
    const answer = await this.setSettings(next);
    const coloring = coloringOf(layer, style);
    return {
      map: mapDrawing(layer, style, coloring),
      coloring,
      ...(answer.storage ? { storage: answer.storage } : {}),
    };
  }

  private async remove(id: string): Promise<Responses['remove']> {
    this.layers.delete(id);
    this.settings.delete(id);
    const storage = await this.keeper.forget(id);
    return storage ? { storage } : {};
  }
}
