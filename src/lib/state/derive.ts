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

type FilterView = Pick<ViewState, 'layers' | 'industries'>;

/**
 * The map's visibility rule for one view, as a predicate over features. The view is read once:
 * the app's view is reactive state, and reading it through its proxy for each of 100,000 features
 * cost more than the test itself.
 */
export function visibilityTest(view: FilterView): (f: ParkFeature) => boolean {
  const layers = { ...view.layers };
  const industries = [...view.industries];
  return (f) =>
    layers[kindLayer[f.properties.kind]] &&
    (f.properties.kind === 'zone' || matchesIndustries(f, industries));
}

/**
 * What the map shows for a view, one byte per feature (1 = shown): its layer is on and it passes
 * the industry filter (zones are context and ignore it, as on the map). The list tests rows
 * against it, so a filter change at 100,000 features builds no set of ids.
 */
export function visibilityFlags(features: readonly ParkFeature[], view: FilterView): Uint8Array {
  const shown = visibilityTest(view);
  const flags = new Uint8Array(features.length);
  features.forEach((f, i) => {
    if (shown(f)) flags[i] = 1;
  });
  return flags;
}

/** A count of zero for every layer-panel key. */
export function emptyLayerCounts(): Record<LayerKey, number> {
  return { zones: 0, parks: 0, platforms: 0, projects: 0, enterprises: 0, labels: 0 };
}

/** How many features of each layer there are (for the layer panel). */
export function layerCounts(features: readonly ParkFeature[]): Record<LayerKey, number> {
  const counts = emptyLayerCounts();
  for (const f of features) counts[kindLayer[f.properties.kind]]++;
  return counts;
}

/** How many non-zone features carry each industry, among those whose layer is on. */
export function industryCounts(
  features: readonly ParkFeature[],
  layers: ViewState['layers'],
): Map<string, number> {
  const counts = new Map<string, number>();
  const on = { ...layers };
  for (const f of features) {
    if (f.properties.kind === 'zone' || !on[kindLayer[f.properties.kind]]) continue;
    for (const c of new Set(f.properties.industries)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return counts;
}
