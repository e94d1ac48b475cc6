/**
 * d3-scale and the ColorBrewer palettes are needed only once something is coloured by value (a
 * choropleth, an imported layer coloured by a field): loaded then, in a chunk of their own, not on
 * every visit (#16: the first visit's JS budget). Until they are, `scaleLib` throws: callers ask
 * `scalesReady` first and wait for `loadScales` (app/natural-breaks.svelte.ts, import/service.ts).
 */
import type { scaleQuantile, scaleThreshold } from 'd3-scale';
import type colorSchemes from 'virtual:color-schemes';

export interface ScaleLib {
  scaleQuantile: typeof scaleQuantile;
  scaleThreshold: typeof scaleThreshold;
  /** d3-scale-chromatic's palettes, resolved at build time (scripts/vite/color-schemes.ts). */
  schemes: typeof colorSchemes;
}

let lib: ScaleLib | null = null;
let loading: Promise<void> | null = null;

export const scalesReady = (): boolean => lib !== null;

export function loadScales(): Promise<void> {
  return (loading ??= Promise.all([import('d3-scale'), import('virtual:color-schemes')]).then(
    ([d3, schemes]) => {
      lib = {
        scaleQuantile: d3.scaleQuantile,
        scaleThreshold: d3.scaleThreshold,
        schemes: schemes.default,
      };
    },
  ));
}

export function scaleLib(): ScaleLib {
  if (!lib) throw new Error('the colour scales are not loaded yet (loadScales)');
  return lib;
}
