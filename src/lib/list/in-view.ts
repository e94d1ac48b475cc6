/**
 * The list when points come from tiles: there is no array of every feature, only what
 * the map draws. The rendered features (MapLibre's queryRenderedFeatures on the point layers)
 * repeat a point once per tile whose buffer holds it, so they are deduplicated by id, then sorted
 * with the list's own rules (sort.ts) and cut to the list's limit.
 */
import type { Kind } from '../data/schema.ts';
import { nameIn, otherLang } from '../i18n/localized.ts';
import { fieldProp } from '../names.ts';
import type { Lang, SortKey } from '../state/view.ts';
import { sortItems, type ListItem } from './sort.ts';

/** What the map gives for a drawn point: flat map properties and a GeoJSON geometry. */
export interface RenderedFeature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates?: unknown };
}

/** One point in view. */
export interface ViewPoint {
  id: string;
  kind: Kind;
  name_zh: string;
  name_en: string;
  /** [lng, lat] as drawn: where the details of the point are read from. */
  at: [number, number] | null;
  properties: Record<string, unknown>;
}

/** The points in view, each once (first occurrence), in the order given. */
export function dedupePoints(rendered: readonly RenderedFeature[]): ViewPoint[] {
  const seen = new Set<string>();
  const out: ViewPoint[] = [];
  for (const f of rendered) {
    const p = f.properties;
    if (typeof p.id !== 'string' || seen.has(p.id)) continue;
    seen.add(p.id);
    const c = f.geometry.type === 'Point' ? f.geometry.coordinates : null;
    const at =
      Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number'
        ? ([c[0], c[1]] as [number, number])
        : null;
    out.push({
      id: p.id,
      kind: String(p.kind) as Kind,
      name_zh: String(p.name_zh ?? p.id),
      name_en: String(p.name_en ?? p.name_zh ?? p.id),
      at,
      properties: p,
    });
  }
  return out;
}

export interface InViewOptions {
  sort: SortKey;
  lang: Lang;
  /** The choropleth field whose value the list shows and sorts by, or null. */
  field: string | null;
  limit: number;
  kindLabel: (kind: Kind) => string;
  formatValue: (value: number) => string;
}

/** The first `limit` points in list order, as list rows. */
export function inViewItems(points: readonly ViewPoint[], o: InViewOptions): ListItem[] {
  const key = o.field ? fieldProp(o.field) : null;
  const rows = points.map((p) => {
    const v = key ? p.properties[key] : undefined;
    return {
      p,
      id: p.id,
      name: nameIn(p, o.lang),
      value: typeof v === 'number' ? v : null,
    };
  });
  return sortItems(rows, o.sort, o.lang)
    .slice(0, o.limit)
    .map(({ p, name, value }) => ({
      id: p.id,
      name,
      secondaryName: nameIn(p, otherLang(o.lang)),
      kind: p.kind,
      kindLabel: o.kindLabel(p.kind),
      value,
      valueLabel: value === null ? null : o.formatValue(value),
    }));
}
