/**
 * The wiring module in Node, with a fake source: what the panels get depends on what the source
 * says (its capabilities and answers), never on which kind of source it is.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Atlas } from '../../src/app/atlas.ts';
import { AtlasSearch } from '../../src/app/search.ts';
import type { AtlasEngine } from '../../src/app/search-engine.ts';
import { FeatureTable } from '../../src/lib/data/table.ts';
import type { Basemap } from '../../src/lib/source/basemap.ts';
import { FeatureSource } from '../../src/lib/source/features.ts';
import type { DataSource } from '../../src/lib/source/types.ts';
import type { SearchEngine } from '../../src/lib/search/load.ts';
import { defaultView, type ViewState } from '../../src/lib/state/view.ts';
import { pointFeature } from '../lib/map/gpu/features.ts';
import { loadScales } from '../../src/lib/scales/scale-lib.ts';

// d3-scale and the palettes are a lazy chunk in the app (scale-lib.ts).
beforeAll(loadScales);

const square = (x: number, y: number, code: string) => ({
  type: 'Feature' as const,
  properties: { code, name: code, city: 'c', city_code: '1', source_name: code, label: [x, y] },
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ],
  },
});
const basemap: Basemap = {
  layers: {
    districts: {
      type: 'FeatureCollection',
      features: [square(116, 36, 'A'), square(117, 36, 'B')],
    },
    countyLines: { type: 'FeatureCollection', features: [] },
    prefectureLines: { type: 'FeatureCollection', features: [] },
    outline: { type: 'FeatureCollection', features: [] },
    context: { type: 'FeatureCollection', features: [] },
    attribution: '',
  } as unknown as Basemap['layers'],
  bounds: [116, 36, 118, 37],
};
const fonts = { index: { family: 'Noto Sans SC', chunks: [] } as never, baseUrl: 'http://x/' };

const features = [
  pointFeature('a', [116.5, 36.5], 'park', ['bio'], 10),
  pointFeature('b', [116.6, 36.5], 'enterprise', ['chem'], 30),
  pointFeature('c', [117.5, 36.5], 'park', ['chem']),
];
const memory = (linkable = true) =>
  new FeatureSource('test', FeatureTable.from(features), [], [], { linkable });

const words = {
  kindLabel: (k: string) => `[${k}]`,
  formatValue: (v: number, u: string) => `${v}${u}`,
};
const view = (patch: Partial<ViewState> = {}): ViewState => ({ ...defaultView(), ...patch });

/** A source that holds no feature: everything it answers comes from elsewhere (like tiles). */
function remote(): DataSource {
  return {
    name: 'remote',
    capabilities: { allFeatures: false, districts: false, linkable: true },
    table: FeatureTable.from([]),
    fields: [],
    industries: [{ code: 'bio', name_zh: '生物', name_en: 'Bio', group: 'g' } as never],
    issues: [],
    points: { type: 'table' },
    layerCounts: () => ({
      zones: 0,
      parks: 7,
      platforms: 0,
      projects: 0,
      enterprises: 0,
      nonplaces: 0,
      labels: 0,
    }),
    industryCounts: () => new Map([['bio', 7]]),
    choropleth: () => null,
    list: (_q, drawn) => ({ items: [], shown: drawn.length, total: drawn.length }),
    searchEntries: (drawn) => drawn,
    feature: () => undefined,
    fetchFeature: async (id) => ({ error: `${id}: not here` }),
    pointsInView: () => [],
    notes: (lang) => ({ list: (n) => `${n} in view (${lang})` }),
  };
}

/** A search engine that finds entries whose English name contains the query. */
const plainEngine: SearchEngine = {
  index: (entries) => ({
    search: (q) =>
      entries
        .filter((e) => e.name_en.includes(q))
        .map((e) => ({ id: e.id, score: 1, matched: 'en' as const })),
  }),
};
/** The page's search over an engine, as loadAtlasEngine builds it. */
const withAtlas = (e: SearchEngine): AtlasEngine => ({ ...e, atlas: new AtlasSearch(e) });
const engine = withAtlas(plainEngine);

describe('Atlas over a source holding every feature', () => {
  const atlas = Atlas.from(memory(), basemap, fonts);

  it('computes district totals once, from the table: count and sums per district', () => {
    expect(atlas.districts?.get('A')).toEqual({ count: 2, total_investment: 40 });
    expect(atlas.districts?.get('B')).toEqual({ count: 1 });
  });

  it('names every id, industry and field a link may hold', () => {
    const known = atlas.linkVocabulary();
    expect([...(known.ids ?? [])]).toEqual(['a', 'b', 'c']);
    expect([...(known.fields ?? [])]).toEqual(['count', 'total_investment']);
  });

  it('lists what the filter shows, sorted by the choropleth value, with units', () => {
    const v = view({
      industries: ['chem'],
      sort: 'value',
      choropleth: { ...defaultView().choropleth, field: 'total_investment' },
    });
    const model = atlas.choropleth(v);
    const field = atlas.listField(model, v);
    expect(field).toBe('total_investment');
    const listing = atlas.listing(v, field, words, []);
    expect(listing.items.map((i) => [i.id, i.valueLabel, i.kindLabel])).toEqual([
      ['b', '30亿元', '[enterprise]'],
      ['c', null, '[park]'],
    ]);
    expect([listing.shown, listing.total]).toEqual([2, 3]);
  });

  it('keeps district choropleths in links, and colours districts by their totals', () => {
    const v = view({
      choropleth: { ...defaultView().choropleth, field: 'count', by: 'districts' },
    });
    expect(atlas.adaptView(v)).toEqual({ view: v, dropped: [] });
    const model = atlas.choropleth(v);
    expect(model?.legend.entries.reduce((n, e) => n + e.count, 0)).toBe(2);
  });

  it('as of a year, colours districts by that year’s totals (app/time.ts), not the latest', () => {
    const v = view({
      choropleth: { ...defaultView().choropleth, field: 'count', by: 'districts' },
    });
    const then = new Map([
      ['A', { count: 0 }],
      ['B', { count: 0 }],
    ]);
    const model = atlas.choropleth({ ...v, time: { districts: then } });
    // Every district in one class of 0: the latest totals (2 and 1) would give two.
    expect(model?.legend.entries.map((e) => [e.from, e.count])).toEqual([[0, 2]]);
  });

  it('searches every feature once the engine is there, in the page’s language', () => {
    expect(atlas.search('Point', 'zh', null, [], words.kindLabel)).toEqual([]);
    expect(atlas.search('Point b', 'zh', engine, [], words.kindLabel)).toEqual([
      { id: 'b', label: '点b', secondary: 'Point b', kind: '[enterprise]' },
    ]);
  });

  it('finds districts by name, as places with their city, flown to by their outline', () => {
    const zhEngine: SearchEngine = {
      index: (entries) => ({
        search: (q) =>
          entries
            .filter((e) => e.name_zh === q)
            .map((e) => ({ id: e.id, score: 1, matched: 'zh' as const })),
      }),
    };
    const hits = atlas.search('B', 'en', withAtlas(zhEngine), [], words.kindLabel, 'District');
    expect(hits).toEqual([{ id: 'place:B', label: 'B', secondary: 'c', kind: 'District' }]);
    expect(atlas.place('place:B')?.geometry).toEqual(square(117, 36, 'B').geometry);
    expect(atlas.place('b')).toBeNull();
  });

  it('gives the same (empty) notes on every map move, so panels are not redrawn for them', () => {
    expect(atlas.notes('zh', 6)).toEqual({});
    expect(atlas.notes('zh', 7)).toBe(atlas.notes('en', 12));
  });

  it('reads a held feature at once, and says when an id is unknown', async () => {
    expect(await atlas.readFeature('a', [], [0, 0, 1, 1])).toEqual({ feature: features[0] });
    expect(await atlas.readFeature('zz', [], [0, 0, 1, 1])).toEqual({
      error: 'zz: no such feature',
    });
    expect(atlas.followsMap()).toBe(false);
  });
});

describe('Atlas over a source that does not hold its features', () => {
  it('leaves ids open in links and drops a district choropleth, saying so', () => {
    const atlas = Atlas.from(remote(), basemap, fonts);
    expect(atlas.districts).toBeNull();
    expect(atlas.linkVocabulary().ids).toBeUndefined();
    expect(atlas.districtFieldOptions()).toEqual([]);
    const v = view({
      choropleth: { ...defaultView().choropleth, field: 'count', by: 'districts' },
    });
    const adapted = atlas.adaptView(v);
    expect(adapted.view.choropleth).toMatchObject({ by: 'features', field: null });
    expect(adapted.dropped).toMatchObject([{ key: 'cby', problem: 'not-aggregated' }]);
  });

  it('lists and searches what the map draws, with the source’s own words', () => {
    const source = remote();
    const atlas = Atlas.from(source, basemap, fonts);
    const drawn = [
      {
        id: 'p1',
        kind: 'park' as const,
        name_zh: '甲',
        name_en: 'Alpha',
        at: null,
        properties: {},
      },
    ];
    expect(atlas.followsMap()).toBe(true);
    expect(atlas.listing(view(), null, words, drawn)).toEqual({ items: [], shown: 1, total: 1 });
    expect(atlas.notes('en', 6).list?.(1)).toBe('1 in view (en)');
    expect(atlas.search('Alp', 'en', engine, drawn, words.kindLabel)).toEqual([
      { id: 'p1', label: 'Alpha', secondary: '甲', kind: '[park]' },
    ]);
  });

  it('asks the source for a feature it does not hold, and passes its answer on', async () => {
    const atlas = Atlas.from(remote(), basemap, fonts);
    expect(await atlas.readFeature('x', [[1, 2]], [0, 0, 1, 1])).toEqual({ error: 'x: not here' });
  });
});
