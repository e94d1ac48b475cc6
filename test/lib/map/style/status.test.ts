import { describe, expect, it } from 'vitest';
import { FeatureTable } from '../../../../src/lib/data/table.ts';
import { pointLayerFilter, shownFilter } from '../../../../src/lib/map/style/data-layers.ts';
import { mapPaint } from '../../../../src/lib/map/style/paint.ts';
import { STATUS_COLORS, statusColor } from '../../../../src/lib/map/style/status.ts';
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
