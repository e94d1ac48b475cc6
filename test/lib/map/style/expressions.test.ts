import { describe, expect, it } from 'vitest';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { industryFilter } from '../../../../src/lib/map/style/expressions.ts';
import { pointLayerFilter } from '../../../../src/lib/map/style/data-layers.ts';
import { industryProp } from '../../../../src/lib/names.ts';

type Props = Record<string, unknown>;

/** Evaluates a layer filter the way MapLibre does (its own filter compiler). */
function passes(filter: unknown, props: Props): boolean {
  const compiled = featureFilter(filter as never, 'layers[0].filter');
  return compiled.filter({ zoom: 10 }, { type: 1, properties: props } as never);
}

describe('industryFilter', () => {
  const bio = { [industryProp('biomedicine')]: true };
  const both = { [industryProp('new-energy')]: true, [industryProp('biomedicine')]: true };
  const shown = (props: Props, selected: string[]) => passes(industryFilter(selected), props);

  it('lets everything through when no industry is selected', () => {
    expect(industryFilter([])).toBe(true);
    expect(shown({}, [])).toBe(true);
    expect(shown(bio, [])).toBe(true);
  });

  it('keeps a feature with any selected industry (features have several)', () => {
    expect(shown(both, ['new-energy'])).toBe(true);
    expect(shown(both, ['biomedicine'])).toBe(true);
    expect(shown(bio, ['new-energy', 'biomedicine'])).toBe(true);
  });

  it('hides features without a selected industry, and ones without industries', () => {
    expect(shown(bio, ['new-energy'])).toBe(false);
    expect(shown({}, ['biomedicine'])).toBe(false);
  });

  it('matches codes exactly: "energy" does not select "new-energy"', () => {
    expect(shown({ [industryProp('new-energy')]: true }, ['energy'])).toBe(false);
    expect(shown({ [industryProp('energy')]: true }, ['new-energy'])).toBe(false);
  });

  it('grows with the selection, not with the taxonomy', () => {
    expect(JSON.stringify(industryFilter(['biomedicine']))).toBe(
      JSON.stringify(['any', ['has', industryProp('biomedicine')]]),
    );
  });
});

describe('point layer filters', () => {
  const park = { kind: 'park', [industryProp('biomedicine')]: true };

  it('keep their own kind, with or without an industry selection', () => {
    expect(passes(pointLayerFilter('park', []), park)).toBe(true);
    expect(passes(pointLayerFilter('platform', []), park)).toBe(false);
    expect(passes(pointLayerFilter('park', ['biomedicine']), park)).toBe(true);
    expect(passes(pointLayerFilter('park', ['graphene']), park)).toBe(false);
  });
});
