/** The list of a source holding every feature: zones apart while an industry filter is on. */
import { describe, expect, it } from 'vitest';
import type { ParkFeature } from '../../../src/lib/data/schema.ts';
import { FeatureTable } from '../../../src/lib/data/table.ts';
import { FeatureSource } from '../../../src/lib/source/features.ts';
import { defaultView } from '../../../src/lib/state/view.ts';
import { pointFeature } from '../map/gpu/features.ts';

const points = [
  pointFeature('a', [116.5, 36.5], 'park', ['bio']),
  pointFeature('b', [116.6, 36.5], 'enterprise', ['chem']),
  pointFeature('c', [117.5, 36.5], 'park', ['bio', 'chem']),
];
const zone = (id: string): ParkFeature => ({
  ...points[0]!,
  id,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [116, 36],
        [117, 36],
        [117, 37],
        [116, 36],
      ],
    ],
  },
  properties: { ...points[0]!.properties, id, kind: 'zone', industries: ['chem'] },
});
const table = FeatureTable.from([zone('z1'), ...points, zone('z2')]);
const source = new FeatureSource('test', table, [], [], { linkable: true });
const query = (industries: string[], zonesApart: boolean) => ({
  visible: table.visibility({ layers: defaultView().layers, industries }),
  sort: 'name' as const,
  lang: 'en' as const,
  field: null,
  limit: 100,
  zonesApart,
  kindLabel: (k: string) => k,
  formatValue: (v: number) => String(v),
});

describe('FeatureSource.list', () => {
  it('lists zones among the rest when no filter is on', () => {
    const listing = source.list(query([], false));
    expect(listing.items.map((i) => i.id).sort()).toEqual(['a', 'b', 'c', 'z1', 'z2']);
    expect([listing.shown, listing.total, listing.zones]).toEqual([5, 5, undefined]);
  });

  it('lists zones apart while a filter is on: the rows are what the industry counts count', () => {
    const listing = source.list(query(['bio'], true));
    expect(listing.items.map((i) => i.id)).toEqual(['a', 'c']);
    expect(listing.zones?.map((i) => i.id)).toEqual(['z1', 'z2']);
    // Of the features the filter can hide: zones are neither shown nor counted in the total.
    expect([listing.shown, listing.total]).toEqual([2, 3]);
    const counts = table.industryCounts(defaultView().layers);
    expect(listing.shown).toBe(counts.get('bio'));
  });
});
