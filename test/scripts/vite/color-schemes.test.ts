import { describe, expect, it } from 'vitest';
import { schemeBlues, schemeYlOrRd } from 'd3-scale-chromatic';
import colorSchemes from 'virtual:color-schemes';
import { COLORBREWER } from '../../lib/scales/colorbrewer.ts';
import { SCHEME_NAMES, colorSchemes as readSchemes } from '../../../scripts/vite/color-schemes.ts';

describe('virtual:color-schemes', () => {
  it('ships d3-scale-chromatic’s palettes unchanged, for 3 to 9 classes', () => {
    expect(colorSchemes.Blues[5]).toEqual([...(schemeBlues[5] ?? [])]);
    expect(colorSchemes.YlOrRd[9]).toEqual([...(schemeYlOrRd[9] ?? [])]);
    for (const name of SCHEME_NAMES) {
      for (let k = 3; k <= 9; k++) expect(colorSchemes[name][k]).toHaveLength(k);
    }
  });

  it('are ColorBrewer’s colours, as published', () => {
    for (const name of SCHEME_NAMES) {
      for (const k of [3, 5, 9] as const) {
        expect(colorSchemes[name][k], `${name} ${k}`).toEqual(COLORBREWER[name]?.[k]);
      }
    }
  });

  it('is what the plugin reads, one entry per declared scheme', () => {
    expect(Object.keys(colorSchemes).sort()).toEqual([...SCHEME_NAMES].sort());
    expect(readSchemes()).toEqual(colorSchemes);
  });
});
