import { describe, expect, it } from 'vitest';
import {
  categoryStates,
  userLayerFilters,
  userLayerSource,
  userLayerSpecs,
} from '../../../../src/lib/map/style/user-layers.ts';
import { CATEGORY_PROP } from '../../../../src/lib/scales/classed-points.ts';

const layer = {
  id: 'a',
  visible: true,
  color: '#d6336c',
  cluster: false,
  classes: null,
  shownCategories: ['省级'],
};

describe('an imported layer’s style', () => {
  it('leaves out the features with no category while filtered, and filters nothing else', () => {
    const f = userLayerFilters(layer);
    for (const filter of [f.fill, f.line, f.point])
      expect(filter).toEqual(['all', expect.anything(), ['has', CATEGORY_PROP]]);
    // Which categories: not in the filters, so a toggle needs no new tiles.
    expect(userLayerFilters({ ...layer, shownCategories: ['市级'] })).toEqual(f);
    expect(userLayerFilters({ ...layer, shownCategories: null }).point).toEqual([
      '==',
      ['geometry-type'],
      'Point',
    ]);
  });

  it('keys its features by category and draws those switched off transparent', () => {
    expect(userLayerSource({ cluster: false }, 'blob:a')).toMatchObject({
      promoteId: CATEGORY_PROP,
    });
    expect(userLayerSource({ cluster: true }, 'blob:a')).toMatchObject({
      promoteId: CATEGORY_PROP,
    });
    const paints = userLayerSpecs(layer, null).map((s) =>
      JSON.stringify('paint' in s ? s.paint : {}),
    );
    const off = '["case",["boolean",["feature-state","off"],false],0,';
    for (const name of ['fill-opacity', 'line-opacity', 'circle-opacity', 'circle-stroke-opacity'])
      expect(paints.some((p) => p.includes(`"${name}":${off}`))).toBe(true);
  });

  it('switches off each category not shown, by its id (1 + its index)', () => {
    const values = ['省级', '市级', '国家级'];
    expect(categoryStates(values, ['市级'])).toEqual([
      { id: 1, off: true },
      { id: 2, off: false },
      { id: 3, off: true },
    ]);
    expect(categoryStates(values, null).every((s) => !s.off)).toBe(true);
    expect(categoryStates(values, []).every((s) => s.off)).toBe(true);
  });
});
