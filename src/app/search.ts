/**
 * Search for the page: the source's features and the basemap's districts in one index (built
 * once per set of entries, pinyin being the cost), answered as the search box shows results.
 * Loaded with the search engine (search-engine.ts), not on the first page load.
 */
import { nameIn, otherLang } from '../lib/i18n/localized.ts';
import type { ViewPoint } from '../lib/list/in-view.ts';
import type { SearchEntry } from '../lib/search/index.ts';
import type { SearchEngine, Searcher } from '../lib/search/load.ts';
import type { Basemap } from '../lib/source/basemap.ts';
import type { DataSource } from '../lib/source/types.ts';
import type { Lang } from '../lib/state/view.ts';
import { PLACE_PREFIX, placeOf } from './places.ts';

/** A search result as the search box shows it. */
export interface SearchHit {
  id: string;
  label: string;
  secondary: string;
  kind: string;
}

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

export interface SearchQuery {
  query: string;
  lang: Lang;
  /** The points drawn, for sources that search what the map draws. */
  drawn: readonly ViewPoint[];
  words: { kindLabel: (kind: ViewPoint['kind']) => string; placeLabel: string };
}

/** Holds the index for the entries it was last built for. */
export class AtlasSearch {
  constructor(private readonly engine: SearchEngine) {}

  private built: {
    /** The source's entries it was built for (the districts are added to them). */
    entries: readonly SearchEntry[];
    searcher: Searcher;
    byId: Map<string, SearchEntry>;
  } | null = null;

  /** Results for a query. */
  hits(source: DataSource, basemap: Basemap, q: SearchQuery): SearchHit[] {
    const { lang, words } = q;
    const entries = source.searchEntries(q.drawn);
    if (this.built?.entries !== entries) {
      const all = [...entries, ...districtEntries(basemap)];
      const byId = new Map(all.map((e) => [e.id, e]));
      this.built = { entries, searcher: this.engine.index(all), byId };
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
