/**
 * The page's search, loaded after the map data: pinyin-pro, the index code and the page's search
 * over features and districts (search.ts) are chunks of their own, kept off the first page load.
 */
import { loadSearchEngine, type SearchEngine } from '../lib/search/load.ts';
import type { AtlasSearch } from './search.ts';

/** The search engine, with the page's search built on it. */
export interface AtlasEngine extends SearchEngine {
  readonly atlas: AtlasSearch;
}

export async function loadAtlasEngine(): Promise<AtlasEngine> {
  const [engine, { AtlasSearch }] = await Promise.all([loadSearchEngine(), import('./search.ts')]);
  return { index: (entries) => engine.index(entries), atlas: new AtlasSearch(engine) };
}
