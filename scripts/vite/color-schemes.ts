/**
 * `virtual:color-schemes`: the ColorBrewer sequential schemes the choropleth offers, read from
 * d3-scale-chromatic when the app is built and shipped as plain arrays. The package's bundle
 * builds every interpolator at import time, which keeps d3-interpolate and d3-color in the app
 * (~11 KB gzip) for colours that never change.
 */
import type { Plugin } from 'vite';
import * as chromatic from 'd3-scale-chromatic';
// The names a view (and so a link) can carry: one list, so the palettes shipped match it.
import { SCHEME_NAMES } from '../../src/lib/state/view.ts';

export { SCHEME_NAMES };

const ID = 'virtual:color-schemes';
const RESOLVED = '\0' + ID;

/** name → palettes indexed by class count (3–9; lower indices are empty, as in d3). */
export function colorSchemes(): Record<string, readonly (readonly string[])[]> {
  const all = chromatic as unknown as Record<string, readonly (readonly string[])[] | undefined>;
  return Object.fromEntries(
    SCHEME_NAMES.map((name) => {
      const scheme = all[`scheme${name}`];
      if (!scheme) throw new Error(`d3-scale-chromatic has no scheme${name}`);
      return [name, Array.from(scheme, (palette) => (palette ? [...palette] : []))];
    }),
  );
}

export function colorSchemesPlugin(): Plugin {
  return {
    name: 'park-atlas:color-schemes',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(colorSchemes())};\n` : null),
  };
}
