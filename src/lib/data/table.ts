/**
 * The loaded features as columns, built once per load: what the list, the counts, the
 * choropleth, the district totals, the GPU point layer and the search index read. A figure's
 * value is computed once per field (`values`), the industries are one bitmask per row, and the
 * visibility rule of a view is one function (`visibility`), so these parts cannot disagree.
 */
import type { Lang, LayerKey, ViewState } from '../state/view.ts';
import { figureValue, numericFields, type NumericField } from './dataset.ts';
import type { Figure, Kind, ParkFeature } from './schema.ts';
import { KINDS } from './vocabulary.ts';

/** The layer-panel key that shows a kind of feature. */
export const kindLayer: Record<Kind, LayerKey> = {
  zone: 'zones',
  park: 'parks',
  platform: 'platforms',
  project: 'projects',
  enterprise: 'enterprises',
  nonplace: 'nonplaces',
};

/** A count of zero for every layer-panel key. */
export function emptyLayerCounts(): Record<LayerKey, number> {
  return {
    zones: 0,
    parks: 0,
    platforms: 0,
    projects: 0,
    enterprises: 0,
    nonplaces: 0,
    labels: 0,
  };
}

/**
 * The part of a view that decides what is shown; `reported`, the map as of a year: 1 per row
 * reported by then (zones are context and always shown).
 */
export type FilterView = Pick<ViewState, 'layers' | 'industries'> & {
  reported?: Uint8Array | null;
};

/** A feature's value of a field from its figures; undefined where it has none. */
export type FigureRule = (figures: readonly Figure[], field: NumericField) => number | undefined;

/**
 * Each row's value of a field by another rule than the table's own latest figure (the figures
 * as of a year, app/time.ts); `tag` names the rule, for caches.
 */
export interface FieldValues {
  tag: string;
  of(key: string): Float64Array;
}

const ZONE = KINDS.indexOf('zone');
const NONPLACE = KINDS.indexOf('nonplace');

export class FeatureTable {
  readonly length: number;
  /** The features in row order (row i is features[i]): details read the whole record. */
  readonly features: readonly ParkFeature[];
  readonly ids: readonly string[];
  /** Row of each feature id. */
  readonly rows: ReadonlyMap<string, number>;
  /** Each feature's name per language, in row order. */
  readonly names: Readonly<Record<Lang, readonly string[]>>;
  /** Index into KINDS per row. */
  readonly kinds: Uint8Array;
  /** The industry codes in use; code i is bit i of a row's mask. */
  readonly industryCodes: readonly string[];
  /** 32-bit words per row in `masks`. */
  readonly words: number;
  /** `words` words per row: the row's industries. */
  readonly masks: Uint32Array;
  /** [lng, lat] per row for points; NaN for polygons (zones). */
  readonly positions: Float64Array;
  /** The numeric fields the choropleth and the list can use. */
  readonly fields: readonly NumericField[];
  private readonly codeBits: ReadonlyMap<string, number>;
  private readonly valueCache = new Map<string, Float64Array>();

  private constructor(
    features: readonly ParkFeature[],
    fields: readonly NumericField[],
    /** Each industry's broader ones (data/industries.ts): a row carries those bits too. */
    private readonly broader: ReadonlyMap<string, readonly string[]>,
  ) {
    const n = features.length;
    this.length = n;
    this.features = features;
    this.fields = fields;
    this.ids = features.map((f) => f.id);
    this.rows = new Map(this.ids.map((id, i) => [id, i]));
    this.names = {
      zh: features.map((f) => f.properties.name_zh),
      en: features.map((f) => f.properties.name_en),
    };
    const codes = new Map<string, number>();
    for (const f of features)
      for (const c of this.industriesOf(f)) if (!codes.has(c)) codes.set(c, codes.size);
    this.codeBits = codes;
    this.industryCodes = [...codes.keys()];
    this.words = Math.max(1, Math.ceil(codes.size / 32));
    this.kinds = new Uint8Array(n);
    this.masks = new Uint32Array(n * this.words);
    this.positions = new Float64Array(n * 2).fill(NaN);
    features.forEach((f, i) => this.fillRow(f, i));
  }

  private fillRow(f: ParkFeature, i: number): void {
    this.kinds[i] = KINDS.indexOf(f.properties.kind);
    for (const code of this.industriesOf(f)) {
      const bit = this.codeBits.get(code) as number;
      const w = i * this.words + (bit >>> 5);
      this.masks[w] = ((this.masks[w] ?? 0) | (1 << (bit & 31))) >>> 0;
    }
    if (f.geometry.type === 'Point') {
      this.positions[i * 2] = f.geometry.coordinates[0] as number;
      this.positions[i * 2 + 1] = f.geometry.coordinates[1] as number;
    }
  }

  /** A feature's industries and every broader one above them, each once. */
  industriesOf(f: ParkFeature): string[] {
    const own = f.properties.industries;
    if (this.broader.size === 0) return own;
    return [...new Set(own.flatMap((c) => [c, ...(this.broader.get(c) ?? [])]))];
  }

  /**
   * The table of `features`. `fields` default to every numeric figure the features carry; a
   * source that knows its fields otherwise (a points archive's metadata) passes them.
   * `broader`: the taxonomy's hierarchy (industryAncestors), none by default.
   */
  static from(
    features: readonly ParkFeature[],
    fields: readonly NumericField[] = numericFields(features),
    broader: ReadonlyMap<string, readonly string[]> = new Map(),
  ): FeatureTable {
    return new FeatureTable(features, fields, broader);
  }

  /** Ids of a zone's non-places (designations, programmes, events), in row order. */
  nonPlacesOf(zone: string): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.length; i++)
      if (this.kinds[i] === NONPLACE && this.features[i]?.properties.zone === zone)
        out.push(this.ids[i] as string);
    return out;
  }

  kindOf(row: number): Kind {
    return KINDS[this.kinds[row] ?? 0] as Kind;
  }

  isZone(row: number): boolean {
    return this.kinds[row] === ZONE;
  }

  isPoint(row: number): boolean {
    return !Number.isNaN(this.positions[row * 2] as number);
  }

  /** The field of that key, or undefined when the data has no such field. */
  field(key: string): NumericField | undefined {
    return this.fields.find((f) => f.key === key);
  }

  /**
   * Each row's value of a field in the field's unit (NaN where it has none): the latest achieved
   * figure, money in 亿元 (dataset.ts `figureValue`). Computed on first use, then kept.
   */
  values(key: string): Float64Array {
    return this.valuesBy(key, '', (figures, field) => figureValue(figures, field.key, field.unit));
  }

  /**
   * Each row's value of a field by another rule (the figures as of a year, app/time.ts), kept
   * under `tag`: one tag must always name one rule.
   */
  valuesBy(key: string, tag: string, rule: FigureRule): Float64Array {
    const cacheKey = tag === '' ? key : `${key}@${tag}`;
    let values = this.valueCache.get(cacheKey);
    if (values) return values;
    values = new Float64Array(this.length).fill(NaN);
    const field = this.field(key);
    if (field) {
      for (let i = 0; i < this.length; i++) {
        const f = this.features[i] as ParkFeature;
        values[i] = rule(f.properties.figures, field) ?? NaN;
      }
    }
    this.valueCache.set(cacheKey, values);
    return values;
  }

  /** Row's value of a field, or undefined where it has none. */
  value(row: number, key: string): number | undefined {
    const v = this.values(key)[row];
    return v === undefined || Number.isNaN(v) ? undefined : v;
  }

  /** True when the row has the industry. */
  hasIndustry(row: number, code: string): boolean {
    const bit = this.codeBits.get(code);
    if (bit === undefined) return false;
    return ((this.masks[row * this.words + (bit >>> 5)] ?? 0) & (1 << (bit & 31))) !== 0;
  }

  /** The selection as a mask of `words` words; codes no row has set no bit. */
  selectionMask(codes: readonly string[]): Uint32Array {
    const out = new Uint32Array(this.words);
    for (const code of codes) {
      const bit = this.codeBits.get(code);
      if (bit !== undefined) out[bit >>> 5] = ((out[bit >>> 5] ?? 0) | (1 << (bit & 31))) >>> 0;
    }
    return out;
  }

  /**
   * What the map shows for a view, one byte per row (1 = shown): the row's layer is on, it has
   * one of the selected industries (none selected = no filter) and, as of a year, was reported by
   * then. Zones are context and ignore both, as on the map. The view is read once: it may be reactive state, whose
   * proxy cost more per row than the test itself.
   */
  visibility(view: FilterView): Uint8Array {
    const on = KINDS.map((k) => view.layers[kindLayer[k]]);
    const filter = view.industries.length > 0;
    const mask = this.selectionMask(view.industries);
    const reported = view.reported ?? null;
    const flags = new Uint8Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const kind = this.kinds[i] as number;
      if (!on[kind]) continue;
      if (kind !== ZONE && ((filter && !this.masksMeet(i, mask)) || reported?.[i] === 0)) continue;
      flags[i] = 1;
    }
    return flags;
  }

  private masksMeet(row: number, mask: Uint32Array): boolean {
    const at = row * this.words;
    for (let w = 0; w < this.words; w++)
      if (((this.masks[at + w] ?? 0) & (mask[w] ?? 0)) !== 0) return true;
    return false;
  }

  /** How many features of each layer there are (for the layer panel). */
  layerCounts(): Record<LayerKey, number> {
    const counts = emptyLayerCounts();
    for (let i = 0; i < this.length; i++) counts[kindLayer[this.kindOf(i)]]++;
    return counts;
  }

  /**
   * How many non-zone features carry each industry, among those whose layer is on and, as of a
   * year, that were reported by then (`reported`, as in FilterView).
   */
  industryCounts(
    layers: ViewState['layers'],
    reported: Uint8Array | null = null,
  ): Map<string, number> {
    const on = KINDS.map((k) => layers[kindLayer[k]]);
    const perBit = new Uint32Array(this.industryCodes.length);
    for (let i = 0; i < this.length; i++) {
      const kind = this.kinds[i] as number;
      if (kind === ZONE || !on[kind] || reported?.[i] === 0) continue;
      for (let w = 0; w < this.words; w++) {
        // Each set bit once: take the lowest, clear it.
        for (let m = this.masks[i * this.words + w] ?? 0; m !== 0; m &= m - 1) {
          const b = w * 32 + 31 - Math.clz32(m & -m);
          perBit[b] = (perBit[b] ?? 0) + 1;
        }
      }
    }
    const counts = new Map<string, number>();
    this.industryCodes.forEach((code, b) => {
      if (perBit[b]) counts.set(code, perBit[b] as number);
    });
    return counts;
  }
}
