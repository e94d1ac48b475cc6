import type { ParkFeature } from '../data/schema.ts';
import type { Kind } from '../data/schema.ts';
import type { LayerKey, ViewState } from './view.ts';

/** The layer-panel key that shows a kind of feature. */
export const kindLayer: Record<Kind, LayerKey> = {
  zone: 'zones',
  park: 'parks',
  platform: 'platforms',
  project: 'projects',
  enterprise: 'enterprises',
};

/** True when no industry is selected, or the feature has at least one selected industry. */
export function matchesIndustries(f: ParkFeature, selected: readonly string[]): boolean {
  return selected.length === 0 || f.properties.industries.some((c) => selected.includes(c));
}

/** True when the map shows the feature in this view (see visibleFeatures). */
export function isVisible(f: ParkFeature, view: Pick<ViewState, 'layers' | 'industries'>): boolean {
  return (
    view.layers[kindLayer[f.properties.kind]] &&
    (f.properties.kind === 'zone' || matchesIndustries(f, view.industries))
  );
}

/**
 * Features the map shows for a view: their layer is on and they pass the industry filter. Zones
 * are context and ignore the industry filter, as on the map.
 */
export function visibleFeatures(
  features: readonly ParkFeature[],
  view: Pick<ViewState, 'layers' | 'industries'>,
): ParkFeature[] {
  return features.filter((f) => isVisible(f, view));
}

/**
 * The same as flags, one byte per feature (1 = shown): what the list tests rows against, so a
 * filter change at 100,000 features builds no set of ids.
 */
export function visibilityFlags(
  features: readonly ParkFeature[],
  view: Pick<ViewState, 'layers' | 'industries'>,
): Uint8Array {
  const flags = new Uint8Array(features.length);
  features.forEach((f, i) => {
    if (isVisible(f, view)) flags[i] = 1;
  });
  return flags;
}

/** How many features of each layer there are (for the layer panel). */
export function layerCounts(features: readonly ParkFeature[]): Record<LayerKey, number> {
  const counts: Record<LayerKey, number> = {
    zones: 0,
    parks: 0,
    platforms: 0,
    projects: 0,
    enterprises: 0,
    labels: 0,
  };
  for (const f of features) counts[kindLayer[f.properties.kind]]++;
  return counts;
}

/** How many non-zone features carry each industry, among those whose layer is on. */
export function industryCounts(
  features: readonly ParkFeature[],
  layers: ViewState['layers'],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of features) {
    if (f.properties.kind === 'zone' || !layers[kindLayer[f.properties.kind]]) continue;
    for (const c of new Set(f.properties.industries)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return counts;
}
