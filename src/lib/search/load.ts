/**
 * The app's way in: builds the index from features, loading the search code and pinyin-pro on
 * demand so that both stay out of the first page load (the JS every visit loads has a budget).
 */
import type { ParkFeature } from '../data/schema.ts';
import type { SearchEntry, SearchResult } from './index.ts';

/** A built index, ready to answer queries (./index.ts `search`). */
export interface Searcher {
  search(query: string, limit: number): SearchResult[];
}

/** Search entries for features: both names; aliases can go in `extra` later. */
export function entriesFromFeatures(features: readonly ParkFeature[]): SearchEntry[] {
  return features.map((f) => ({
    id: f.id,
    name_zh: f.properties.name_zh,
    name_en: f.properties.name_en,
  }));
}

/** Loads the search code and pinyin-pro (separate chunks) and indexes the features. */
export async function loadSearch(features: readonly ParkFeature[]): Promise<Searcher> {
  const [{ pinyinOf }, { buildSearchIndex, search }] = await Promise.all([
    import('./pinyin.ts'),
    import('./index.ts'),
  ]);
  const index = buildSearchIndex(entriesFromFeatures(features), pinyinOf);
  return { search: (query, limit) => search(index, query, limit) };
}
