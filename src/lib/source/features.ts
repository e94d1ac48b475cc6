/**
 * A source that holds every feature in memory: the embedded dataset, a GeoJSON file from a URL
 * or from the user's disk. Counts, classes, the list and search are exact and come from the
 * feature table; the list's order is sorted once per language, sort and field, and filtering
 * only picks from it.
 */
import type { DataIssue } from '../data/errors.ts';
import { otherLang } from '../i18n/localized.ts';
import type { Lang } from '../state/view.ts';
import type { Industry, ParkFeature } from '../data/schema.ts';
import type { FeatureTable } from '../data/table.ts';
import { firstShown, sortedOrder, type ListItem } from '../list/sort.ts';
import type { SearchEntry } from '../search/index.ts';
import {
  choroplethModel,
  type ChoroplethModel,
  type DistrictValues,
} from '../scales/choropleth.ts';
import type { ChoroplethSpec, LayerKey } from '../state/view.ts';
import type {
  DataSource,
  FieldValues,
  ListQuery,
  Listing,
  SourceCapabilities,
  SourceNotes,
} from './types.ts';

const NO_NOTES: SourceNotes = Object.freeze({});

export class FeatureSource implements DataSource {
  readonly capabilities: SourceCapabilities;
  readonly points = { type: 'table' } as const;
  private orderKey = '';
  private order: Uint32Array = new Uint32Array(0);
  private entries: SearchEntry[] | null = null;
  private counts: Record<LayerKey, number> | null = null;

  constructor(
    readonly name: string,
    readonly table: FeatureTable,
    readonly industries: readonly Industry[],
    readonly issues: readonly DataIssue[],
    options: { linkable: boolean },
  ) {
    this.capabilities = { allFeatures: true, districts: true, linkable: options.linkable };
  }

  get fields() {
    return this.table.fields;
  }

  layerCounts(): Record<LayerKey, number> {
    return (this.counts ??= this.table.layerCounts());
  }

  industryCounts(
    layers: Record<LayerKey, boolean>,
    reported: Uint8Array | null = null,
  ): Map<string, number> {
    return this.table.industryCounts(layers, reported);
  }

  choropleth(
    spec: ChoroplethSpec,
    visible: Uint8Array,
    districts: DistrictValues | null,
    values: FieldValues | null = null,
  ): ChoroplethModel | null {
    return choroplethModel(spec, { table: this.table, visible, districts, values });
  }

  /** Row indices in list order, sorted again only when language, sort or field change. */
  private sorted(q: ListQuery): Uint32Array {
    const key = `${q.lang}|${q.sort}|${q.field ?? ''}|${q.values?.tag ?? ''}`;
    if (key === this.orderKey) return this.order;
    const { table } = this;
    const names = table.names[q.lang];
    const values = q.field ? this.valuesOf(q, q.field) : null;
    const keys = table.ids.map((id, i) => {
      const v = values?.[i];
      return { id, name: names[i] as string, value: v === undefined || Number.isNaN(v) ? null : v };
    });
    this.order = sortedOrder(keys, q.sort, q.lang);
    this.orderKey = key;
    return this.order;
  }

  /** The list's values of a field: the query's (as of a year) or the table's own. */
  private valuesOf(q: ListQuery, field: string): Float64Array {
    return q.values ? q.values.of(field) : this.table.values(field);
  }

  list(q: ListQuery): Listing {
    const { table } = this;
    const unit = q.field ? (table.field(q.field)?.unit ?? '') : '';
    const column = q.field ? this.valuesOf(q, q.field) : null;
    const row = (i: number): ListItem => {
      const kind = table.kindOf(i);
      const v = column?.[i];
      const value = v === undefined || Number.isNaN(v) ? null : v;
      return {
        id: table.ids[i] as string,
        name: table.names[q.lang][i] as string,
        secondaryName: table.names[otherLang(q.lang)][i] as string,
        kind,
        // A non-place is not on the map: the list says whose zone it belongs to.
        kindLabel:
          kind === 'nonplace'
            ? `${q.kindLabel(kind)} · ${this.zoneName(i, q.lang)}`
            : q.kindLabel(kind),
        value,
        valueLabel: value === null ? null : q.formatValue(value, unit),
      };
    };
    const order = this.sorted(q);
    if (!q.zonesApart) {
      const items = firstShown(order, q.visible, q.limit).map(row);
      let shown = 0;
      for (const flag of q.visible) shown += flag;
      return { items, shown, total: table.length };
    }
    // Zones are context the filter never hides: listed apart, so that the list counts what
    // the industry filter counts (FeatureTable.industryCounts leaves zones out too).
    const filtered = new Uint8Array(q.visible.length);
    const zones = new Uint8Array(q.visible.length);
    let [shown, total] = [0, 0];
    for (let i = 0; i < table.length; i++) {
      const zone = table.isZone(i);
      if (!zone) total++;
      if (!q.visible[i]) continue;
      (zone ? zones : filtered)[i] = 1;
      if (!zone) shown++;
    }
    const items = firstShown(order, filtered, q.limit).map(row);
    return { items, shown, total, zones: firstShown(order, zones, q.limit).map(row) };
  }

  private zoneName(row: number, lang: Lang): string {
    const zone = this.table.features[row]?.properties.zone ?? '';
    const zoneRow = this.table.rows.get(zone);
    return zoneRow === undefined ? zone : (this.table.names[lang][zoneRow] as string);
  }

  searchEntries(): readonly SearchEntry[] {
    const { table } = this;
    return (this.entries ??= table.ids.map((id, i) => {
      const entry = {
        id,
        name_zh: table.names.zh[i] as string,
        name_en: table.names.en[i] as string,
      };
      // Other names the texts use (天衢新区, a merged duplicate's name) are found too.
      const aliases = table.features[i]?.properties.aliases;
      return aliases?.length ? { ...entry, extra: aliases } : entry;
    }));
  }

  feature(id: string): ParkFeature | undefined {
    const row = this.table.rows.get(id);
    return row === undefined ? undefined : this.table.features[row];
  }

  pointsInView(): [] {
    return [];
  }

  /** None, and always the same object: the panels' notes are derived on every map move. */
  notes(): SourceNotes {
    return NO_NOTES;
  }
}
