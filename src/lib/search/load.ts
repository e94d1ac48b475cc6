/**
 * The app's way in: loads the search code and pinyin-pro on demand, so that both stay out of the
 * first page load (the JS every visit loads has a budget), and indexes what it is given.
 */
import type { ParkFeature } from '../data/schema.ts';
import type { SearchEntry, SearchResult } from './index.ts';

/** A built index, ready to answer queries (./index.ts `search`). */
export interface Searcher {
  search(query: string, limit: number): SearchResult[];
}

/** Search entries for features: both names, and the other names the texts use (`aliases`). */
export function entriesFromFeatures(features: readonly ParkFeature[]): SearchEntry[] {
  return features.map((f) => {
    const { id, name_zh, name_en, aliases } = f.properties;
    // `?.`: a feature read from a points archive may lack the key.
    return aliases?.length ? { id, name_zh, name_en, extra: aliases } : { id, name_zh, name_en };
  });
}

/** Builds searchers over named entries (features, or the points in view from tiles). */
export interface SearchEngine {
  index(entries: readonly SearchEntry[]): Searcher;
}

/** Loads the search code and pinyin-pro (separate chunks). */
export async function loadSearchEngine(): Promise<SearchEngine> {
  const [{ pinyinOf }, { buildSearchIndex, search }, { withAliases }] = await Promise.all([
    import('./pinyin.ts'),
    import('./index.ts'),
    import('./aliases.ts'),
  ]);
  return {
    index(entries) {
      const built = buildSearchIndex(withAliases(entries), pinyinOf);
      return { search: (query, limit) => search(built, query, limit) };
    },
  };
}
