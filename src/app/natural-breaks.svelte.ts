import { loadNaturalBreaks, naturalBreaksReady } from '../lib/scales/natural-breaks.ts';
import type { ChoroplethModel } from '../lib/scales/choropleth.ts';
import type { ClassMethod } from '../lib/state/view.ts';
import type { Atlas, ListView } from './atlas.ts';

/**
 * Whether a choropleth with this method can be classified now. Natural breaks load on first
 * need (lib/scales/natural-breaks.ts); a `$derived` that asked re-runs once they have.
 */
export class ClassMethods {
  #ready = $state(naturalBreaksReady());

  can(method: ClassMethod): boolean {
    if (method !== 'jenks' || this.#ready) return true;
    void loadNaturalBreaks().then(() => (this.#ready = true));
    return false;
  }

  /** The view's choropleth, or none until its method can be computed (a moment, once). */
  model(atlas: Atlas | null, view: ListView): ChoroplethModel | null {
    return atlas && this.can(view.choropleth.method) ? atlas.choropleth(view) : null;
  }
}
