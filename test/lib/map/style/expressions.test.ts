import { describe, expect, it } from 'vitest';
import { expression } from '@maplibre/maplibre-gl-style-spec';
import { industryFilter, STATE } from '../../../../src/lib/map/style/expressions.ts';
import { industryProp } from '../../../../src/lib/map/feature-props.ts';

const codes = ['energy', 'new-energy', 'biomedicine'];

/** Evaluates a filter the way MapLibre does, with the style's global state. */
function passes(props: Record<string, unknown>, selected: string[]): boolean {
  const compiled = expression.createExpression(industryFilter(codes), 'layers[0].filter', null, {
    [STATE.industries]: selected,
  });
  if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
  return compiled.value.evaluate({ zoom: 10 }, {
    type: 'Point',
    properties: props,
  } as never) as boolean;
}

describe('industryFilter', () => {
  const bio = { [industryProp('biomedicine')]: true };
  const both = { [industryProp('new-energy')]: true, [industryProp('biomedicine')]: true };

  it('lets everything through when no industry is selected', () => {
    expect(passes({}, [])).toBe(true);
    expect(passes(bio, [])).toBe(true);
  });

  it('keeps a feature with any selected industry (features have several)', () => {
    expect(passes(both, ['new-energy'])).toBe(true);
    expect(passes(both, ['biomedicine'])).toBe(true);
    expect(passes(bio, ['new-energy', 'biomedicine'])).toBe(true);
  });

  it('hides features without a selected industry, and ones without industries', () => {
    expect(passes(bio, ['new-energy'])).toBe(false);
    expect(passes({}, ['biomedicine'])).toBe(false);
  });

  it('matches codes exactly: "energy" does not select "new-energy"', () => {
    expect(passes({ [industryProp('new-energy')]: true }, ['energy'])).toBe(false);
    expect(passes({ [industryProp('energy')]: true }, ['new-energy'])).toBe(false);
  });
});
