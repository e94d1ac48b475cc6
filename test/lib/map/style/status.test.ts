import { describe, expect, it } from 'vitest';
import { expression, featureFilter, latest } from '@maplibre/maplibre-gl-style-spec';
import { FeatureTable } from '../../../../src/lib/data/table.ts';
import { pointLayerFilter, shownFilter } from '../../../../src/lib/map/style/data-layers.ts';
import { mapPaint } from '../../../../src/lib/map/style/paint.ts';
import {
  reportedByLetter,
  STATUS_COLORS,
  statusColor,
  statusColorByLetter,
} from '../../../../src/lib/map/style/status.ts';
import { defaultTheme } from '../../../../src/lib/map/style/theme.ts';
import { pointFeature } from '../gpu/features.ts';

const ALL_ON = {
  zones: true,
  parks: true,
  platforms: true,
  projects: true,
  enterprises: true,
  nonplaces: true,
  labels: true,
};

describe('the map as of a year', () => {
  it('colours points by the status ids, any other id as unknown', () => {
    expect(statusColor({ planned: ['a', 'b'], operating: ['c'], under_construction: [] })).toEqual([
      'match',
      ['get', 'id'],
      ['a', 'b'],
      STATUS_COLORS.planned,
      ['c'],
      STATUS_COLORS.operating,
      STATUS_COLORS.unknown,
    ]);
    // `match` needs a label: with nothing known, one colour.
    expect(statusColor({ unknown: ['a'] })).toBe(STATUS_COLORS.unknown);
  });

  it('puts the status colour over the industries’ and kinds’, the choropleth over both', () => {
    const color = statusColor({ planned: ['a'] });
    const paint = mapPaint(null, 'features', ['bio'], defaultTheme, color);
    expect(paint.point('park')).toEqual(color);
    expect(paint.point('enterprise')).toEqual(color);
    expect(mapPaint(null, 'features', [], defaultTheme).point('park')).toBe(defaultTheme.kind.park);
  });

  it('hides the unreported ids on the map, with the industry filter', () => {
    expect(shownFilter([], [])).toBe(true);
    expect(shownFilter([], ['x'])).toEqual(['!', ['in', ['get', 'id'], ['literal', ['x']]]]);
    expect(pointLayerFilter('park', ['bio'], ['x'])).toEqual([
      'all',
      ['==', ['get', 'kind'], 'park'],
      ['all', ['any', ['has', 'ind_bio']], ['!', ['in', ['get', 'id'], ['literal', ['x']]]]],
    ]);
  });

  it('leaves rows not reported out of the table’s visibility', () => {
    const table = FeatureTable.from([
      pointFeature('a', [116, 36], 'park', ['bio'], 1),
      pointFeature('b', [116.1, 36], 'park', ['bio'], 2),
    ]);
    const reported = Uint8Array.from([1, 0]);
    expect([...table.visibility({ layers: ALL_ON, industries: [], reported })]).toEqual([1, 0]);
    expect([...table.visibility({ layers: ALL_ON, industries: [] })]).toEqual([1, 1]);
  });
});

describe('points from tiles as of a year', () => {
  /** A tile point with its status letters for 2015–2021 (lib/data/tile-years.ts). */
  const point = (asof: string) => ({ type: 1, properties: { id: 'p', kind: 'park', asof } });
  const passes = (filter: unknown, asof: string) =>
    featureFilter(filter as never, 'layers[0].filter').filter({ zoom: 10 }, point(asof) as never);
  const colorOf = (value: unknown, asof: string) => {
    const spec = latest.paint_circle['circle-color'] as never;
    const e = expression.createPropertyExpression(value, 'layers[0].paint.circle-color', spec);
    if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
    const c = e.value.evaluate({ zoom: 10 }, point(asof) as never) as { r: number; g: number };
    return c;
  };
  const rgb = (hex: string) => colorOf(hex, '');

  it('hide the points not yet reported in the chosen year, with the industry filter', () => {
    // Reported from 2017 (index 2): hidden in 2016, shown from 2017.
    expect(passes(pointLayerFilter('park', [], [], reportedByLetter(1)), '--ppppo')).toBe(false);
    expect(passes(pointLayerFilter('park', [], [], reportedByLetter(2)), '--ppppo')).toBe(true);
    expect(shownFilter(['bio'], [], reportedByLetter(2))).toEqual([
      'all',
      ['any', ['has', 'ind_bio']],
      reportedByLetter(2),
    ]);
  });

  it('colour each point by its status letter of that year', () => {
    expect(colorOf(statusColorByLetter(2), '--ppppo')).toEqual(rgb(STATUS_COLORS.planned));
    expect(colorOf(statusColorByLetter(6), '--ppppo')).toEqual(rgb(STATUS_COLORS.operating));
    expect(colorOf(statusColorByLetter(3), '---cuuu')).toEqual(
      rgb(STATUS_COLORS.under_construction),
    );
    expect(colorOf(statusColorByLetter(4), '---cuuu')).toEqual(rgb(STATUS_COLORS.unknown));
  });
});
