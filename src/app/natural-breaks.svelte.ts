import { loadNaturalBreaks, naturalBreaksReady } from '../lib/scales/natural-breaks.ts';
import { loadScales, scalesReady } from '../lib/scales/scale-lib.ts';
import type { ChoroplethModel } from '../lib/scales/choropleth.ts';
import type { ClassMethod } from '../lib/state/view.ts';
import type { Atlas, ListView } from './atlas.ts';

/**
 * Whether a choropleth with this method can be classified now. The scales and palettes load with
 * the first choropleth (lib/scales/scale-lib.ts), natural breaks on their first use
 * (lib/scales/natural-breaks.ts); a `$derived` that asked re-runs once they have.
 */
export class ClassMethods {
  #scales = $state(scalesReady());
  #jenks = $state(naturalBreaksReady());

  can(method: ClassMethod): boolean {
    if (!this.#scales) void loadScales().then(() => (this.#scales = true));
    if (method === 'jenks' && !this.#jenks)
      void loadNaturalBreaks().then(() => (this.#jenks = true));
    return this.#scales && (method !== 'jenks' || this.#jenks);
  }

  /** The view's choropleth, or none until its method can be computed (a moment, once). */
  model(atlas: Atlas | null, view: ListView): ChoroplethModel | null {
    if (!atlas || !view.choropleth.field) return null;
    return this.can(view.choropleth.method) ? atlas.choropleth(view) : null;
  }
}
