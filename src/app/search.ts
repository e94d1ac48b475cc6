/**
 * Search for the page: the source's features and the basemap's districts in one index (built
 * once per set of entries, pinyin being the cost), answered as the search box shows results.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { nameIn, otherLang } from '../lib/i18n/localized.ts';
import type { ViewPoint } from '../lib/list/in-view.ts';
import type { SearchEntry } from '../lib/search/index.ts';
import type { SearchEngine, Searcher } from '../lib/search/load.ts';
import type { Basemap } from '../lib/source/basemap.ts';
import type { DataSource } from '../lib/source/types.ts';
import type { Lang } from '../lib/state/view.ts';

/** A search result as the search box shows it. */
export interface SearchHit {
  id: string;
  label: string;
  secondary: string;
  kind: string;
}

/** A district found by search: its outline, to fly to, and its prefecture. */
export interface Place {
  geometry: Polygon | MultiPolygon;
  city: string;
}

/** Search ids of districts: `place:` and the district's code, never a feature id (no colon). */
const PLACE_PREFIX = 'place:';

/**
 * The basemap's districts as search entries (built once per basemap): today's name, and the
 * name on the boundary data when it differs (即墨市 finds 即墨区).
 */
const placeEntries = new WeakMap<Basemap, SearchEntry[]>();
export function districtEntries(basemap: Basemap): SearchEntry[] {
  let entries = placeEntries.get(basemap);
  if (!entries) {
    entries = basemap.layers.districts.features.map(({ properties: p }) => {
      const old = p.source_name.split('、').filter((n) => n !== p.name);
      return {
        id: PLACE_PREFIX + p.code,
        name_zh: p.name,
        name_en: '',
        ...(old.length ? { extra: old } : {}),
      };
    });
    placeEntries.set(basemap, entries);
  }
  return entries;
}

/** The district a search id names, or null for a feature. */
export function placeOf(basemap: Basemap, id: string): Place | null {
  if (!id.startsWith(PLACE_PREFIX)) return null;
  const code = id.slice(PLACE_PREFIX.length);
  const d = basemap.layers.districts.features.find((f) => f.properties.code === code);
  return d ? { geometry: d.geometry, city: d.properties.city } : null;
}

export interface SearchQuery {
  query: string;
  lang: Lang;
  engine: SearchEngine | null;
  /** The points drawn, for sources that search what the map draws. */
  drawn: readonly ViewPoint[];
  words: { kindLabel: (kind: ViewPoint['kind']) => string; placeLabel: string };
}

/** Holds the index for the entries it was last built for. */
export class AtlasSearch {
  private built: {
    /** The source's entries it was built for (the districts are added to them). */
    entries: readonly SearchEntry[];
    engine: SearchEngine;
    searcher: Searcher;
    byId: Map<string, SearchEntry>;
  } | null = null;

  /** Results for a query; [] until the engine has loaded. */
  hits(source: DataSource, basemap: Basemap, q: SearchQuery): SearchHit[] {
    const { engine, lang, words } = q;
    if (!engine) return [];
    const entries = source.searchEntries(q.drawn);
    if (this.built?.entries !== entries || this.built.engine !== engine) {
      const all = [...entries, ...districtEntries(basemap)];
      const byId = new Map(all.map((e) => [e.id, e]));
      this.built = { entries, engine, searcher: engine.index(all), byId };
    }
    const { searcher, byId } = this.built;
    return searcher.search(q.query, 10).flatMap((r) => {
      const e = byId.get(r.id);
      const place = placeOf(basemap, r.id);
      if (e && place)
        return [{ id: r.id, label: e.name_zh, secondary: place.city, kind: words.placeLabel }];
      const kind = source.feature(r.id)?.properties.kind ?? (e as ViewPoint | undefined)?.kind;
      if (!e || !kind) return [];
      const [label, secondary] = [nameIn(e, lang), nameIn(e, otherLang(lang))];
      return [{ id: r.id, label, secondary, kind: words.kindLabel(kind) }];
    });
  }
}
