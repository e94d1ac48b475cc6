/**
 * Links as people have already sent them (format v=1), each with the exact view it
 * must open. If a change to the codec or to `defaultView()` makes one of these open something
 * else, that change breaks links in the wild: keep reading them, do not edit the fixture.
 *
 * The views are not built from `defaultView()`, because a link leaves out keys at their default:
 * changing a default silently changes what an old link shows. LINK_DEFAULTS spells them out.
 * Ids, industry codes and fields are real ones from data/ (checked by links.test.ts).
 */
import type { ViewState } from '../../../src/lib/state/view.ts';

export interface LinkFixture {
  name: string;
  /** As it appears after '#' in the address bar (some with the '#'). */
  hash: string;
  view: ViewState;
  embed: boolean;
}

const ALL_LAYERS: ViewState['layers'] = {
  zones: true,
  parks: true,
  platforms: true,
  projects: true,
  enterprises: true,
  nonplaces: true,
  labels: true,
};

const NO_CHOROPLETH: ViewState['choropleth'] = {
  field: null,
  by: 'features',
  scope: 'all',
  method: 'quantile',
  classes: 5,
  breaks: [],
  scheme: 'Blues',
};

/**
 * What a v=1 link shows for a key it leaves out, spelled out here (not `defaultView()`): a
 * fixture states only what its link sets, and a new key is added once, here.
 */
const LINK_DEFAULTS: ViewState = {
  camera: null,
  selected: null,
  industries: [],
  layers: ALL_LAYERS,
  choropleth: NO_CHOROPLETH,
  sort: 'name',
  lang: 'zh',
  basemap: null,
  year: null,
  reader: null,
  compare: [],
  route: [],
  nearby: null,
  siteSearch: null,
};

export const LINK_FIXTURES: readonly LinkFixture[] = [
  {
    name: 'camera only, over Heze',
    hash: '#map=10.5/35.25/115.52&v=1',
    view: {
      ...LINK_DEFAULTS,
      camera: { zoom: 10.5, lat: 35.25, lng: 115.52, bearing: 0, pitch: 0 },
    },
    embed: false,
  },
  {
    name: 'a park selected, in English (linkToFeature)',
    hash: 'map=14/35.26786/115.58457&v=1&sel=heze-graphene-park&lang=en',
    view: {
      ...LINK_DEFAULTS,
      camera: { zoom: 14, lat: 35.26786, lng: 115.58457, bearing: 0, pitch: 0 },
      selected: 'heze-graphene-park',
      lang: 'en',
    },
    embed: false,
  },
  {
    name: 'industry filter with enterprises and labels hidden',
    hash: 'map=8.5/35.25/115.48&v=1&ind=biomedicine,new-materials&lyr=-enterprises,-labels',
    view: {
      ...LINK_DEFAULTS,
      camera: { zoom: 8.5, lat: 35.25, lng: 115.48, bearing: 0, pitch: 0 },
      industries: ['biomedicine', 'new-materials'],
      layers: { ...ALL_LAYERS, enterprises: false, labels: false },
    },
    embed: false,
  },
  {
    name: 'choropleth with manual breaks, sorted by value, rotated and pitched',
    hash:
      'map=9.25/35.41/116.59/-12.5/40&v=1&ch=fixed_asset_investment&cm=manual&cn=4' +
      '&cb=10,50,100&cs=YlOrRd&sort=value',
    view: {
      ...LINK_DEFAULTS,
      camera: { zoom: 9.25, lat: 35.41, lng: 116.59, bearing: -12.5, pitch: 40 },
      choropleth: {
        field: 'fixed_asset_investment',
        by: 'features',
        scope: 'all',
        method: 'manual',
        classes: 4,
        breaks: [10, 50, 100],
        scheme: 'YlOrRd',
      },
      sort: 'value',
    },
    embed: false,
  },
  {
    name: 'districts coloured by feature count, classes from the visible ones',
    hash: 'v=1&ch=count&cby=districts&csc=visible&cm=jenks&cn=6&cs=Greens&lang=en',
    view: {
      ...LINK_DEFAULTS,
      choropleth: {
        field: 'count',
        by: 'districts',
        scope: 'visible',
        method: 'jenks',
        classes: 6,
        breaks: [],
        scheme: 'Greens',
      },
      lang: 'en',
    },
    embed: false,
  },
  {
    name: 'embedded view of a zone with projects and enterprises hidden',
    hash: 'map=11/36.07694/119.65757&v=1&sel=jiaozhou&lyr=-projects,-enterprises&lang=en&embed=1',
    view: {
      ...LINK_DEFAULTS,
      camera: { zoom: 11, lat: 36.07694, lng: 119.65757, bearing: 0, pitch: 0 },
      selected: 'jiaozhou',
      layers: { ...ALL_LAYERS, projects: false, enterprises: false },
      lang: 'en',
    },
    embed: true,
  },
  {
    name: 'written by URLSearchParams as it is (commas and slashes escaped), keys reordered',
    hash: 'v=1&ind=software%2Cwigs&sel=jining-software-park&map=12.75%2F35.45424%2F116.75858',
    view: {
      ...LINK_DEFAULTS,
      camera: { zoom: 12.75, lat: 35.45424, lng: 116.75858, bearing: 0, pitch: 0 },
      selected: 'jining-software-park',
      industries: ['software', 'wigs'],
    },
    embed: false,
  },
  {
    name: "another MapLibre app's bare hash",
    hash: '#7.2/36.3/118.2',
    view: {
      ...LINK_DEFAULTS,
      camera: { zoom: 7.2, lat: 36.3, lng: 118.2, bearing: 0, pitch: 0 },
    },
    embed: false,
  },
];
