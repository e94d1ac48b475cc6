/**
 * The app's way in: builds the index from features, loading pinyin-pro on demand so that it stays
 * out of the first page load.
 */
import type { ParkFeature } from '../data/schema.ts';
import { buildSearchIndex, type SearchEntry, type SearchIndex } from './index.ts';

/** Search entries for features: both names; aliases can go in `extra` later. */
export function entriesFromFeatures(features: readonly ParkFeature[]): SearchEntry[] {
  return features.map((f) => ({
    id: f.id,
    name_zh: f.properties.name_zh,
    name_en: f.properties.name_en,
  }));
}

/** Loads pinyin-pro (a separate chunk) and indexes the features. */
export async function loadSearchIndex(features: readonly ParkFeature[]): Promise<SearchIndex> {
  const { pinyinOf } = await import('./pinyin.ts');
  return buildSearchIndex(entriesFromFeatures(features), pinyinOf);
}
