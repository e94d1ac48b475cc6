/**
 * The page's side of the map as of a year: the year's view of the features (app/time.ts, a
 * chunk of its own) once a year is first chosen, and what the list, counts and choropleth then
 * follow.
 */
import type { Atlas } from './atlas.ts';
import type { AppState } from '../lib/state/app-state.svelte.ts';
import type { TimeView } from './time.ts';

export class AsOfYear {
  private module = $state.raw<typeof import('./time.ts') | null>(null);
  private loading = false;

  /** The year's view of the features (or of the points of tiles); null without a year, or while its code loads. */
  view(atlas: Atlas | null, year: number | null): TimeView | null {
    if (year === null || !atlas) return null;
    if (!this.module && !this.loading) {
      this.loading = true;
      // Set later, outside the derivation that asked.
      void import('./time.ts').then((m) => (this.module = m));
    }
    const districts = atlas.districts && atlas.basemap.layers.districts;
    return this.module?.sourceAsOf(atlas.source, year, districts) ?? null;
  }
}

/**
 * The filters, choropleth and order of the app's view, with the year's reported features and
 * their figures as of that year.
 */
export function listView(app: AppState, time: TimeView | null) {
  const { layers, industries, choropleth, sort, lang } = app;
  const reported = time?.reported ?? null;
  return {
    layers,
    industries,
    choropleth,
    sort,
    lang,
    reported,
    values: time?.values ?? null,
    time,
  };
}
