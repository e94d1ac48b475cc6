import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decodeView,
  encodeView,
  linkToFeature,
  MAX_DROPPED,
  roundCamera,
  URL_VERSION,
  type DroppedPart,
  type KnownValues,
} from '../../../src/lib/state/url/index.ts';
import {
  defaultView,
  LAYER_KEYS,
  SCHEME_NAMES,
  type Camera,
  type ChoroplethSpec,
  type LayerKey,
  type ViewState,
} from '../../../src/lib/state/view.ts';
import { parsePlace, placeToken } from '../../../src/lib/state/place.ts';

const IDS = ['heze-graphene-park', 'jining-software-park', 'jiaozhou', 'dezhou-etdz'];
const INDUSTRIES = ['biomedicine', 'new-materials', 'graphene', 'aviation', 'software'];
const FIELDS = ['fixed_asset_investment', 'revenue', 'gdp'];
const known: KnownValues = {
  ids: new Set(IDS),
  industries: new Set(INDUSTRIES),
  fields: new Set(FIELDS),
};

/** A view built from the default with some fields changed. */
function viewWith(
  patch: Partial<Omit<ViewState, 'choropleth' | 'layers'>> & {
    choropleth?: Partial<ChoroplethSpec>;
    layers?: Partial<Record<LayerKey, boolean>>;
  },
): ViewState {
  const d = defaultView();
  return {
    ...d,
    ...patch,
    layers: { ...d.layers, ...patch.layers },
    choropleth: { ...d.choropleth, ...patch.choropleth },
  };
}

const camera = (zoom: number, lat: number, lng: number, bearing = 0, pitch = 0): Camera => ({
  zoom,
  lat,
  lng,
  bearing,
  pitch,
});

/** Decodes with the test's known sets and expects nothing dropped. */
function clean(hash: string): ViewState {
  const r = decodeView(hash, known);
  expect(r.dropped).toEqual([]);
  return r.view;
}

/** The developer's English sentence of each dropped part. */
const details = (r: { dropped: readonly DroppedPart[] }): string[] =>
  r.dropped.map((d) => d.detail);

/** The dropped messages for a hash, as one string to match against. */
const droppedFor = (hash: string): string => details(decodeView(hash, known)).join('\n');

describe('encodeView', () => {
  it('writes the default view as just the version', () => {
    expect(encodeView(defaultView())).toBe('v=1');
    expect(URL_VERSION).toBe(1);
  });

  it('writes the example from the issue', () => {
    const view = viewWith({
      camera: camera(8.5, 35.25, 115.48),
      selected: 'heze-graphene-park',
      industries: ['biomedicine', 'new-materials'],
      layers: { enterprises: false, labels: false },
      choropleth: {
        field: 'fixed_asset_investment',
        method: 'jenks',
        breaks: [10, 50, 100],
      },
      sort: 'value',
      lang: 'en',
    });
    expect(encodeView(view)).toBe(
      'map=8.5/35.25/115.48&v=1&sel=heze-graphene-park&ind=biomedicine,new-materials' +
        '&lyr=-enterprises,-labels&ch=fixed_asset_investment&cm=jenks&cb=10,50,100&sort=value&lang=en',
    );
  });

  it.each<[string, ViewState, string]>([
    ['camera', viewWith({ camera: camera(8.5, 35.25, 115.48) }), 'map=8.5/35.25/115.48&v=1'],
    ['selection', viewWith({ selected: 'jiaozhou' }), 'v=1&sel=jiaozhou'],
    ['industries', viewWith({ industries: ['graphene', 'aviation'] }), 'v=1&ind=graphene,aviation'],
    ['a hidden layer', viewWith({ layers: { projects: false } }), 'v=1&lyr=-projects'],
    ['choropleth field', viewWith({ choropleth: { field: 'gdp' } }), 'v=1&ch=gdp'],
    ['districts', viewWith({ choropleth: { by: 'districts' } }), 'v=1&cby=districts'],
    ['visible scope', viewWith({ choropleth: { scope: 'visible' } }), 'v=1&csc=visible'],
    ['method', viewWith({ choropleth: { method: 'manual' } }), 'v=1&cm=manual'],
    ['classes', viewWith({ choropleth: { classes: 7 } }), 'v=1&cn=7'],
    [
      'breaks',
      viewWith({ choropleth: { breaks: [-1.5, 0, 2e-7, 1e21] } }),
      'v=1&cb=-1.5,0,2e-7,1e%2B21',
    ],
    ['scheme', viewWith({ choropleth: { scheme: 'YlOrRd' } }), 'v=1&cs=YlOrRd'],
    ['sort', viewWith({ sort: 'value' }), 'v=1&sort=value'],
    ['language', viewWith({ lang: 'en' }), 'v=1&lang=en'],
  ])('writes %s, and reads it back', (_, view, hash) => {
    expect(encodeView(view)).toBe(hash);
    expect(clean(hash)).toEqual(view);
  });

  it('lists a layer shown when its default is hidden', () => {
    // All layers are shown by default today; the format already covers a hidden default.
    const view = viewWith({ layers: { labels: false, zones: false } });
    expect(encodeView(view)).toBe('v=1&lyr=-zones,-labels');
    expect(clean('v=1&lyr=zones,-labels')).toEqual(viewWith({ layers: { labels: false } }));
  });

  it('adds embed=1 only when asked', () => {
    expect(encodeView(defaultView(), { embed: true })).toBe('v=1&embed=1');
    expect(encodeView(defaultView(), { embed: false })).toBe('v=1');
    expect(decodeView('v=1&embed=1').embed).toBe(true);
    expect(decodeView('v=1&embed=0').embed).toBe(false);
    expect(decodeView('v=1').embed).toBe(false);
  });

  it('escapes what would break the hash, but keeps commas and slashes readable', () => {
    const view = viewWith({ selected: 'a&b=c d+e/f,g%h#i', industries: ['x y'] });
    const hash = encodeView(view);
    expect(hash).toBe('v=1&sel=a%26b%3Dc+d%2Be/f,g%25h%23i&ind=x+y');
    expect(decodeView(hash, { ids: new Set([view.selected ?? '']) }).view.selected).toBe(
      view.selected,
    );
  });
});

describe('camera', () => {
  it('rounds like MapLibre: zoom 2 decimals, lat/lng 5, bearing and pitch 1', () => {
    const c = camera(8.56789, 35.123456789, -115.000004, 12.345, 45.06);
    expect(encodeView(viewWith({ camera: c }))).toBe('map=8.57/35.12346/-115/12.3/45.1&v=1');
    expect(roundCamera(c)).toEqual(camera(8.57, 35.12346, -115, 12.3, 45.1));
  });

  it('writes bearing and pitch only when not zero, bearing before pitch', () => {
    const enc = (c: Camera) => encodeView(viewWith({ camera: c }));
    expect(enc(camera(5, 1, 2, 0.04, 0))).toBe('map=5/1/2&v=1');
    expect(enc(camera(5, 1, 2, 30, 0))).toBe('map=5/1/2/30&v=1');
    expect(enc(camera(5, 1, 2, 0, 45))).toBe('map=5/1/2/0/45&v=1');
    expect(enc(camera(5, -0.000001, 0, 0, 0))).toBe('map=5/0/0&v=1');
  });

  it('normalises the bearing into (-180, 180]', () => {
    expect(roundCamera(camera(5, 1, 2, -179.96, 0)).bearing).toBe(180);
    expect(roundCamera(camera(5, 1, 2, 190, 0)).bearing).toBe(-170);
    expect(clean('map=5/1/2/-180').camera).toEqual(camera(5, 1, 2, 180));
    expect(clean('map=5/1/2/540/10').camera).toEqual(camera(5, 1, 2, 180, 10));
    expect(clean('map=5/1/2/-190').camera).toEqual(camera(5, 1, 2, 170));
    expect(clean('map=5/1/2/1e300').camera?.bearing).toBeGreaterThan(-180);
    expect(clean('map=5/1/2/1e300').camera?.bearing).toBeLessThanOrEqual(180);
  });

  it('wraps a longitude from past the antimeridian', () => {
    expect(clean('map=5/1/190').camera).toEqual(camera(5, 1, -170));
  });

  it("reads MapLibre's bare hash, alone or before other keys", () => {
    expect(clean('#8.5/35.25/115.48').camera).toEqual(camera(8.5, 35.25, 115.48));
    expect(clean('8.5/35.25/115.48/-20/30').camera).toEqual(camera(8.5, 35.25, 115.48, -20, 30));
    expect(clean('8.5/35.25/115.48&lang=en')).toEqual(
      viewWith({ camera: camera(8.5, 35.25, 115.48), lang: 'en' }),
    );
  });

  it('reads the percent-encoded form URLSearchParams writes', () => {
    expect(clean('map=8.5%2F35.25%2F115.48&v=1&ind=biomedicine%2Cgraphene')).toEqual(
      viewWith({ camera: camera(8.5, 35.25, 115.48), industries: ['biomedicine', 'graphene'] }),
    );
  });
});

describe('decodeView names what it drops', () => {
  it.each<[string, string, RegExp]>([
    ['latitude out of range', 'map=8/95/115', /map: latitude 95 out of range/],
    ['latitude just past Mercator', 'map=8/85.06/115', /map: latitude 85.06 out of range/],
    ['zoom too high', 'map=30/35/115', /map: zoom 30 out of range/],
    ['negative zoom', 'map=-1/35/115', /map: zoom -1 out of range/],
    ['a word for a number', 'map=8/abc/115', /map: latitude 'abc' is not a number/],
    ['NaN', 'map=NaN/35/115', /map: zoom 'NaN' is not a number/],
    ['Infinity', 'map=8/35/Infinity', /map: longitude 'Infinity' is not a number/],
    ['overflow to infinity', 'map=8/35/1e999', /map: longitude '1e999' is not a number/],
    ['hex', 'map=0x8/35/115', /map: zoom '0x8' is not a number/],
    ['too few parts', 'map=8/35', /map: expected zoom\/lat\/lng/],
    ['too many parts', 'map=8/35/115/0/0/0', /map: expected zoom\/lat\/lng/],
    ['unknown feature', 'sel=xyz', /sel: unknown feature 'xyz'/],
    ['unknown industry', 'ind=biomedicine,steel', /ind: unknown industry 'steel'/],
    ['repeated industry', 'ind=graphene,graphene', /ind: 'graphene' repeated/],
    ['unknown layer', 'lyr=-roads', /lyr: unknown layer '-roads'/],
    ['unknown field', 'ch=population', /ch: unknown field 'population'/],
    ['count without districts', 'ch=count', /ch: unknown field 'count'/],
    ['unknown target', 'cby=cities', /cby: unknown target 'cities'/],
    ['unknown scope', 'csc=some', /csc: unknown scope 'some'/],
    ['unknown method', 'cm=kmeans', /cm: unknown method 'kmeans'/],
    ['unknown scheme', 'cs=Rainbow', /cs: unknown scheme 'Rainbow'/],
    ['unknown sort', 'sort=size', /sort: unknown order 'size'/],
    ['unknown language', 'lang=fr', /lang: unknown language 'fr'/],
    ['fractional classes', 'cn=4.5', /cn: '4.5' is not a whole number/],
    ['breaks not ascending', 'cb=10,5', /cb: breaks must be ascending \(10 then 5\)/],
    ['equal breaks', 'cb=10,10', /cb: breaks must be ascending/],
    ['a break not a number', 'cb=1,NaN,3', /cb: break 'NaN' is not a number/],
    ['too many breaks', 'cb=1,2,3,4,5,6,7,8,9', /cb: 9 breaks, at most 8/],
    ['unknown key', 'v=1&foo=bar', /unknown key 'foo'/],
    ['repeated key', 'lang=en&lang=zh', /lang: repeated, the first one is used/],
    ['newer version', 'v=2&lang=en', /v: newer version '2', read as version 1/],
    ['not a version', 'v=abc', /v: unknown version 'abc', read as 1/],
    ['bad embed', 'embed=yes', /embed: expected 1 or 0, got 'yes'/],
  ])('%s', (_, hash, message) => {
    const r = decodeView(hash, known);
    expect(details(r).join('\n')).toMatch(message);
    expect(r.dropped).toHaveLength(1);
  });

  it.each<[string, Partial<DroppedPart>]>([
    ['v=2', { key: 'v', problem: 'newer-version', value: '2' }],
    ['v=0', { key: 'v', problem: 'unknown-value', value: '0' }],
    ['foo=bar', { key: 'foo', problem: 'unknown-key', value: 'foo' }],
    ['lang=en&lang=zh', { key: 'lang', problem: 'repeated-key', value: 'zh' }],
    ['sel=xyz', { key: 'sel', problem: 'unknown-feature', value: 'xyz' }],
    ['ind=steel', { key: 'ind', problem: 'unknown-industry', value: 'steel' }],
    ['ind=graphene,graphene', { key: 'ind', problem: 'repeated-value', value: 'graphene' }],
    ['ch=population', { key: 'ch', problem: 'unknown-field', value: 'population' }],
    ['cm=kmeans', { key: 'cm', problem: 'unknown-value', value: 'kmeans' }],
    ['lyr=-roads', { key: 'lyr', problem: 'unknown-value', value: '-roads' }],
    ['cb=10,5', { key: 'cb', problem: 'bad-value', value: '10,5' }],
    ['map=8/95/115', { key: 'map', problem: 'bad-value', value: '8/95/115' }],
    ['yr=2014', { key: 'yr', problem: 'bad-value', value: '2014' }],
    ['nb=80/jiaozhou', { key: 'nb', problem: 'changed', value: '80', to: '50' }],
    ['cmp=a,b,c,d,e', { key: 'cmp', problem: 'too-many', value: 'e', to: '4' }],
  ])('says what was wrong as data: %s', (hash, part) => {
    const k = { ...known, ids: new Set([...IDS, 'a', 'b', 'c', 'd', 'e']) };
    expect(decodeView(hash, k).dropped).toMatchObject([part]);
  });

  it('drops the whole camera, keeps the rest', () => {
    expect(decodeView('map=8/95/115&lang=en', known).view).toEqual(viewWith({ lang: 'en' }));
  });

  it('keeps the known industries and drops only the unknown', () => {
    expect(decodeView('ind=steel,biomedicine,,graphene,', known).view.industries).toEqual([
      'biomedicine',
      'graphene',
    ]);
  });

  it('clamps the number of classes to 3–9, and says so', () => {
    expect(decodeView('cn=12', known)).toMatchObject({
      view: { choropleth: { classes: 9 } },
      dropped: [
        {
          key: 'cn',
          problem: 'changed',
          value: '12',
          to: '9',
          detail: 'cn: 12 classes clamped to 9',
        },
      ],
    });
    expect(decodeView('cn=2', known).view.choropleth.classes).toBe(3);
    expect(decodeView('cn=-4', known).view.choropleth.classes).toBe(5);
  });

  it('clamps the pitch to 0–85, and resets an unreadable bearing', () => {
    expect(decodeView('map=5/1/2/10/90', known)).toMatchObject({
      view: { camera: camera(5, 1, 2, 10, 85) },
      dropped: [
        { key: 'map', problem: 'changed', to: '85', detail: 'map: pitch 90 clamped to 85' },
      ],
    });
    expect(decodeView('map=5/1/2/x', known)).toMatchObject({
      view: { camera: camera(5, 1, 2) },
      dropped: [
        {
          problem: 'changed',
          value: 'x',
          to: '0',
          detail: "map: bearing 'x' is not a number, 0 used",
        },
      ],
    });
  });

  it('takes the first of repeated keys and repeated layers', () => {
    const r = decodeView('sel=jiaozhou&sel=dezhou-etdz&lyr=-labels,labels', known);
    expect(r.view.selected).toBe('jiaozhou');
    expect(r.view.layers.labels).toBe(false);
    expect(details(r)).toEqual([
      'sel: repeated, the first one is used',
      'lyr: labels repeated, the first one is used',
    ]);
  });

  it('accepts count as a field when colouring districts', () => {
    expect(clean('ch=count&cby=districts').choropleth).toMatchObject({
      field: 'count',
      by: 'districts',
    });
  });

  it('without known sets, accepts any id-like value but not junk', () => {
    expect(decodeView('sel=anything-at_all.1&ind=x,y').dropped).toEqual([]);
    expect(details(decodeView('sel=a b'))).toEqual(["sel: unknown feature 'a b'"]);
  });

  it('survives bad percent-escapes', () => {
    for (const hash of [
      '%E0%A4%A',
      '%',
      'sel=%',
      'sel=%E0%A4%A',
      'map=%ZZ/1/2',
      '%%%25%2',
      'ind=%C0%AF',
    ]) {
      const r = decodeView(hash, known);
      expect(r.view.camera).toBeNull();
      expect(r.dropped.length).toBeGreaterThan(0);
    }
    expect(droppedFor('sel=%E0%A4%A')).toMatch(/^sel: unknown feature '\uFFFD%A'$/);
  });

  it('accepts the hash with or without #, and empty', () => {
    expect(clean('#lang=en')).toEqual(clean('lang=en'));
    expect(clean('')).toEqual(defaultView());
    expect(clean('#')).toEqual(defaultView());
  });

  it('keeps at most 10 messages plus a count', () => {
    const hash = Array.from({ length: 25 }, (_, i) => `k${i}=1`).join('&');
    const { dropped } = decodeView(hash, known);
    expect(dropped).toHaveLength(MAX_DROPPED + 1);
    expect(dropped[0]).toEqual({
      key: 'k0',
      problem: 'unknown-key',
      value: 'k0',
      to: '',
      detail: "unknown key 'k0'",
    });
    expect(dropped.at(-1)).toMatchObject({ problem: 'more', value: '15', detail: '…and 15 more' });
  });

  it('shortens long values in messages', () => {
    const [part] = decodeView(`sel=${'x'.repeat(5000)}`, known).dropped;
    expect(part?.detail.length).toBeLessThan(80);
    expect(part?.value).toBe(`${'x'.repeat(40)}…`);
  });

  it('reads 10 kB of junk quickly and without throwing', () => {
    const junk = Array.from({ length: 10_240 }, (_, i) => '%&=/#.,-x9é\u0000'[(i * 7) % 12]).join(
      '',
    );
    const t0 = performance.now();
    const r = decodeView(junk, known);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(r.view).toEqual(defaultView());
    expect(r.dropped.length).toBeLessThanOrEqual(MAX_DROPPED + 1);
  });

  it('cuts very long links', () => {
    expect(droppedFor(`lang=en&${'x'.repeat(20_000)}`)).toMatch(/only the first 16384 read/);
    expect(decodeView(`lang=en&${'x'.repeat(20_000)}`, known).view.lang).toBe('en');
  });
});

describe('linkToFeature', () => {
  it('selects the feature, places the camera, keeps only the language', () => {
    const hash = linkToFeature('heze-graphene-park', camera(14, 35.26, 115.47), 'en');
    expect(hash).toBe('map=14/35.26/115.47&v=1&sel=heze-graphene-park&lang=en');
    expect(clean(hash)).toEqual(
      viewWith({ camera: camera(14, 35.26, 115.47), selected: 'heze-graphene-park', lang: 'en' }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((x) => x + 0); // no -0: the link cannot tell it apart

const cameraArb: fc.Arbitrary<Camera> = fc.record({
  zoom: num(0, 22),
  lat: num(-85, 85),
  lng: num(-180, 180),
  bearing: fc.double({ min: -180, max: 180, minExcluded: true, noNaN: true }).map((x) => x + 0),
  pitch: num(0, 85),
});

const layersArb = fc.tuple(...LAYER_KEYS.map(() => fc.boolean())).map((flags) => {
  const layers = defaultView().layers;
  LAYER_KEYS.forEach((k, i) => (layers[k] = flags[i] ?? true));
  return layers;
});

const choroplethArb: fc.Arbitrary<ChoroplethSpec> = fc
  .record({
    field: fc.constantFrom<string | null>(null, 'count', ...FIELDS),
    by: fc.constantFrom('features', 'districts'),
    scope: fc.constantFrom('all', 'visible'),
    method: fc.constantFrom('quantile', 'equal', 'jenks', 'manual'),
    classes: fc.integer({ min: 3, max: 9 }),
    breaks: fc
      .uniqueArray(fc.double({ noNaN: true, noDefaultInfinity: true }), {
        maxLength: 8,
        comparator: 'SameValueZero',
      })
      .map((xs) => xs.map((x) => x + 0).sort((a, b) => a - b)),
    scheme: fc.constantFrom(...SCHEME_NAMES),
  })
  .filter((c) => c.field !== 'count' || c.by === 'districts');

/** Any view the app can be in, with ids and codes from the known sets. */
const viewArb: fc.Arbitrary<ViewState> = fc.record({
  camera: fc.option(cameraArb, { nil: null }),
  selected: fc.option(fc.constantFrom(...IDS), { nil: null }),
  industries: fc.uniqueArray(fc.constantFrom(...INDUSTRIES), { maxLength: INDUSTRIES.length }),
  layers: layersArb,
  choropleth: choroplethArb,
  sort: fc.constantFrom('name', 'value'),
  lang: fc.constantFrom('zh', 'en'),
  // Templates without a key: those with one are never written (test/lib/state/basemap.test.ts).
  basemap: fc.option(
    fc.constantFrom(
      'https://tiles.example.org/{z}/{x}/{y}.png',
      'http://127.0.0.1:8080/t/{z}/{y}/{x}?style=a&lang=zh,en',
    ),
    { nil: null },
  ),
  year: fc.option(fc.integer({ min: 2015, max: 2021 }), { nil: null }),
  reader: fc.option(
    fc.record({
      doc: fc.constantFrom('000_3dd22fdc9e0e8f3b.txt', 'a-b.c.txt'),
      range: fc.option(
        fc
          .tuple(fc.nat({ max: 9_999_999 }), fc.nat({ max: 9_999_999 }))
          .filter(([a, b]) => a !== b)
          .map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]),
        { nil: null },
      ),
    }),
    { nil: null },
  ),
  compare: fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: 4 }),
  route: fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: IDS.length }),
  nearby: fc.option(
    fc.oneof(
      fc.record({
        radius: fc.integer({ min: 1, max: 50 }),
        from: fc.constant(null),
        at: fc.tuple(
          fc.integer({ min: -18_000_000, max: 18_000_000 }).map((n) => n / 1e5),
          fc.integer({ min: -9_000_000, max: 9_000_000 }).map((n) => n / 1e5),
        ),
      }),
      fc.record({
        radius: fc.integer({ min: 1, max: 50 }),
        from: fc.constantFrom(...IDS),
        at: fc.constant(null),
      }),
    ),
    { nil: null },
  ),
  siteSearch: fc.option(
    fc.record({
      industries: fc.uniqueArray(fc.constantFrom(...INDUSTRIES), { maxLength: 3 }),
      kinds: fc.uniqueArray(fc.constantFrom('zone' as const, 'park' as const, 'project' as const)),
      statuses: fc.uniqueArray(fc.constantFrom('planned' as const, 'operating' as const)),
      figures: fc.array(
        fc.record({
          what: fc.constantFrom('gdp', 'fixed_asset_investment', 'count:企业'),
          op: fc.constantFrom('gt' as const, 'lt' as const),
          value: fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100),
        }),
        { maxLength: 4 },
      ),
      near: fc.option(
        fc.oneof(
          fc.record({
            radius: fc.integer({ min: 1, max: 50 }),
            from: fc.constant(null),
            at: fc.tuple(
              fc.integer({ min: -18_000_000, max: 18_000_000 }).map((n) => n / 1e5),
              fc.integer({ min: -9_000_000, max: 9_000_000 }).map((n) => n / 1e5),
            ),
          }),
          fc.record({
            radius: fc.integer({ min: 1, max: 50 }),
            from: fc.constantFrom(...IDS),
            at: fc.constant(null),
          }),
        ),
        { nil: null },
      ),
    }),
    { nil: null },
  ),
});

const rounded = (v: ViewState): ViewState => ({
  ...v,
  camera: v.camera && roundCamera(v.camera),
});

/**
 * decodeView's last resort: when its reader throws, it names the exception in this message and
 * returns the default view. Reading junk must never get there.
 */
const CAUGHT = /^the link could not be read/;

/**
 * Keys written before the junk. The first of a repeated key wins, so a reader that got through
 * the junk keeps them; only decodeView's catch (which returns the default view, not embedded)
 * loses them. This sees a throw even when the catch's message is past the MAX_DROPPED listed.
 */
const SENTINEL = 'embed=1&lang=en&sort=value&';

/**
 * Decoding reads the link without throwing (decodeView's catch would hide that: its fallback is a
 * valid view too), and gives a valid view: one that survives another round trip without complaint.
 */
function assertValid(hash: string, k: KnownValues): void {
  const r = decodeView(hash, k);
  // The catch's message is listed unless ten others came first; the sentinel covers that case.
  if (r.dropped.length <= MAX_DROPPED) expect(details(r).filter((m) => CAUGHT.test(m))).toEqual([]);
  const again = decodeView(encodeView(r.view, { embed: r.embed }), k);
  expect(again.dropped).toEqual([]);
  expect(again.view).toEqual(rounded(r.view));

  const after = decodeView(`${SENTINEL}${hash}`, k);
  expect(after.embed).toBe(true);
  expect([after.view.lang, after.view.sort]).toEqual(['en', 'value']);
  expect(details(after).filter((m) => CAUGHT.test(m))).toEqual([]);
}

const JUNK_CHARS = '%&=/#.,-0123456789abcdefghijklmnopqrstuvwxyz';
const urlish = fc.string({ unit: fc.constantFrom(...JUNK_CHARS), maxLength: 200 });
/** Real keys with junk values, to get past the key lookup. */
const keyed = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'map',
        'v',
        'sel',
        'ind',
        'lyr',
        'ch',
        'cby',
        'csc',
        'cm',
        'cn',
        'cb',
        'cs',
        'sort',
        'lang',
        'embed',
      ),
      urlish,
    ),
    { maxLength: 8 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));

describe('properties', () => {
  it('round trip: any valid view comes back the same, up to camera rounding', () => {
    fc.assert(
      fc.property(viewArb, fc.boolean(), (view, embed) => {
        const r = decodeView(encodeView(view, { embed }), known);
        expect(r.dropped).toEqual([]);
        expect(r.embed).toBe(embed);
        expect(r.view).toEqual(rounded(view));
      }),
      { numRuns: 500 },
    );
  });

  it('encoding is canonical: a decoded link encodes to the same string', () => {
    fc.assert(
      fc.property(viewArb, (view) => {
        const hash = encodeView(view);
        expect(encodeView(decodeView(hash, known).view)).toBe(hash);
      }),
    );
  });

  it.each<[string, fc.Arbitrary<string>]>([
    ['fc.string()', fc.string()],
    ['binary (full unicode) strings', fc.string({ unit: 'binary', maxLength: 300 })],
    ['grapheme strings', fc.string({ unit: 'grapheme', maxLength: 100 })],
    ['strings of [%&=/#.,-0-9a-z]', urlish],
    ['real keys with junk values', keyed],
    ['URL fragments', fc.webFragments()],
  ])('never throws, always gives a valid view: %s', (_, arb) => {
    fc.assert(
      fc.property(arb, fc.boolean(), (hash, withKnown) => {
        assertValid(hash, withKnown ? known : {});
      }),
      { numRuns: 300 },
    );
  });

  // decodeView's parts (the camera, breaks and classes readers) are not exported: they are
  // reached through decodeView above. roundCamera is, and the link's camera is what it gives.
  it('roundCamera keeps the link’s precision, in range, and is idempotent', () => {
    const any = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({ zoom: num(0, 24), lat: num(-85, 85), lng: num(-180, 180), bearing: any }),
        num(0, 85),
        (c, pitch) => {
          const r = roundCamera({ ...c, pitch });
          expect(Math.abs(r.zoom - c.zoom)).toBeLessThanOrEqual(0.005 + 1e-9);
          expect(Math.abs(r.lat - c.lat)).toBeLessThanOrEqual(0.000005 + 1e-9);
          expect(Math.abs(r.lng - c.lng)).toBeLessThanOrEqual(0.000005 + 1e-9);
          expect(Math.abs(r.pitch - pitch)).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(r.bearing).toBeGreaterThan(-180);
          expect(r.bearing).toBeLessThanOrEqual(180);
          // The same direction, to the link's 0.1°.
          const turn = (((r.bearing - c.bearing) % 360) + 360) % 360;
          expect(Math.min(turn, 360 - turn)).toBeLessThanOrEqual(0.05 + 1e-6);
          expect(roundCamera(r)).toEqual(r);
          expect(Object.is(r.lat, -0) || Object.is(r.lng, -0) || Object.is(r.zoom, -0)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the map as of a year and the reader (#14 points 3 and 6)', () => {
  it('writes and reads yr, doc and q', () => {
    const view = viewWith({
      year: 2017,
      reader: { doc: '000_3dd22fdc9e0e8f3b.txt', range: [120, 148] },
    });
    const hash = encodeView(view);
    expect(hash).toBe('v=1&yr=2017&doc=000_3dd22fdc9e0e8f3b.txt&q=120-148');
    expect(clean(hash)).toEqual(view);
  });

  it('opens a document at its top without q', () => {
    expect(clean('doc=001_ebd8ed2b83fc6796.txt').reader).toEqual({
      doc: '001_ebd8ed2b83fc6796.txt',
      range: null,
    });
  });

  it('drops years outside the documents, paths, and passages that are not start-end', () => {
    const cases: [string, string][] = [
      ['yr=2014', "yr: '2014' is not a year from 2015 to 2021"],
      ['yr=20.5', "yr: '20.5' is not a year from 2015 to 2021"],
      ['doc=../x.txt', "doc: '../x.txt' is not a document name"],
      ['doc=a.txt&q=9-3', "q: '9-3' is not a passage start-end"],
      ['q=1-2', 'q: a passage without a document (doc)'],
    ];
    for (const [hash, message] of cases)
      expect(details(decodeView(hash, known))).toEqual([message]);
    expect(decodeView('doc=a.txt&q=9-3', known).view.reader).toEqual({ doc: 'a.txt', range: null });
  });
});

describe('toolkit keys: cmp, route, nb', () => {
  it('round trips a comparison, a route in order and nearby around a point', () => {
    const view = viewWith({
      compare: ['jiaozhou', 'dezhou-etdz'],
      route: ['jining-software-park', 'heze-graphene-park', 'jiaozhou'],
      nearby: { radius: 12, from: null, at: [115.37879, 35.23006] },
    });
    const hash = encodeView(view);
    expect(hash).toContain('cmp=jiaozhou,dezhou-etdz');
    expect(hash).toContain('route=jining-software-park,heze-graphene-park,jiaozhou');
    expect(hash).toContain('nb=12/35.23006/115.37879');
    expect(clean(hash)).toEqual(view);
  });

  it('nearby around a feature: the radius and its id', () => {
    const view = viewWith({ nearby: { radius: 5, from: 'jiaozhou', at: null } });
    expect(encodeView(view)).toContain('nb=5/jiaozhou');
    expect(clean(encodeView(view))).toEqual(view);
  });

  it('nearby around an imported place: its token, the point its position; a mangled one dropped', () => {
    const from = placeToken({ name: '我的/仓库', at: [115.39, 35.24] });
    const view = viewWith({ nearby: { radius: 5, from, at: [115.39, 35.24] } });
    expect(encodeView(view)).toContain('nb=5/35.24/115.39/%E6%88%91%E7%9A%84%252F');
    expect(clean(encodeView(view))).toEqual(view);
    const bad = decodeView('nb=5/35.24/115.39/a,b', known);
    expect(bad.view.nearby).toBeNull();
    expect(details(bad)).toEqual([
      "nb: expected radius/feature, radius/lat/lng or radius/lat/lng/name, got '5/35.24/115.39/a,b'",
    ]);
  });

  it('links without the keys open with no comparison, route or nearby', () => {
    const v = clean('map=8/35/117&v=1&sel=jiaozhou');
    expect([v.compare, v.route, v.nearby]).toEqual([[], [], null]);
  });

  it('drops unknown and repeated ids, more than 4 compared, and bad radii', () => {
    const r = decodeView(
      'cmp=jiaozhou,nope,jiaozhou,dezhou-etdz,heze-graphene-park,jining-software-park&route=x&nb=80/x',
      { ...known, ids: new Set([...IDS, 'x']) },
    );
    expect(r.view.compare).toEqual([
      'jiaozhou',
      'dezhou-etdz',
      'heze-graphene-park',
      'jining-software-park',
    ]);
    expect(r.view.route).toEqual(['x']);
    expect(r.view.nearby).toEqual({ radius: 50, from: 'x', at: null });
    expect(details(r)).toEqual([
      "cmp: unknown feature 'nope'",
      "cmp: 'jiaozhou' repeated",
      'nb: radius 80 clamped to 50',
    ]);
    expect(decodeView('nb=5/abc/1').view.nearby).toBeNull();
    expect(decodeView('nb=5/nope', known).view.nearby).toBeNull();
  });
});

describe('imported places in cmp and route', () => {
  const depot = placeToken({ name: '仓库 A, 东/西 100%', at: [115.41234567, 35.25] });

  it('round trip beside dataset ids, the name unchanged whatever it holds', () => {
    const view = viewWith({ compare: ['jiaozhou', depot], route: [depot, 'dezhou-etdz'] });
    const hash = encodeView(view);
    expect(hash).toContain('route=35.25/115.41235/');
    expect(clean(hash)).toEqual(view);
    expect(parsePlace(clean(hash).route[0] ?? '')).toEqual({
      name: '仓库 A, 东/西 100%',
      at: [115.41235, 35.25],
    });
  });

  it('a mangled place is dropped with a message, the rest kept', () => {
    // In a link the name's escapes are escaped again (%25): this one is broken inside.
    const r = decodeView('route=jiaozhou,99/115/x,35/115/%25E4%25ZZ,35/115/,35.2/115.4/ok', known);
    expect(r.view.route).toEqual(['jiaozhou', '35.2/115.4/ok']);
    expect(details(r)).toEqual([
      "route: expected a feature or lat/lng/name, got '99/115/x'",
      "route: expected a feature or lat/lng/name, got '35/115/%E4%ZZ'",
      "route: expected a feature or lat/lng/name, got '35/115/'",
    ]);
  });
});

describe('site search key: ss', () => {
  const criteria = {
    industries: ['biomedicine', 'graphene'],
    kinds: ['park' as const, 'zone' as const],
    statuses: ['operating' as const],
    figures: [
      { what: 'gdp', op: 'gt' as const, value: 10.5 },
      { what: 'count:企业', op: 'lt' as const, value: 300 },
    ],
    near: { radius: 20, from: 'jiaozhou', at: null },
  };

  it('round trips every criterion, compactly and readably', () => {
    const view = viewWith({ siteSearch: criteria });
    const hash = encodeView(view);
    expect(hash).toContain(
      'ss=i,biomedicine,graphene/k,park,zone/s,operating/f,gdp,gt,10.5/f,count%3A%E4%BC%81%E4%B8%9A,lt,300/n,20,jiaozhou',
    );
    expect(clean(hash)).toEqual(view);
  });

  it('within N km of a point: lat,lng with 5 decimals', () => {
    const near = { radius: 8, from: null, at: [115.37879, 35.23006] as [number, number] };
    const view = viewWith({ siteSearch: { ...criteria, figures: [], near } });
    expect(encodeView(view)).toContain('/n,8,35.23006,115.37879');
    expect(clean(encodeView(view))).toEqual(view);
  });

  it('ss= alone is the panel open without criteria; no ss is no site search', () => {
    const open = viewWith({
      siteSearch: { industries: [], kinds: [], statuses: [], figures: [], near: null },
    });
    expect(encodeView(open)).toMatch(/(^|&)ss=($|&)/);
    expect(clean(encodeView(open))).toEqual(open);
    expect(clean('v=1&sel=jiaozhou').siteSearch).toBeNull();
  });

  it('drops bad parts and items with a message, keeping the rest', () => {
    const r = decodeView(
      'ss=i,biomedicine,nope,biomedicine/k,park,castle/s,operating/i,graphene/x,1' +
        '/f,gdp,eq,3/f,gdp,gt,abc/f,gdp,gt,1/f,a,gt,1/f,b,gt,1/f,c,lt,2/f,d,gt,5/n,80,jiaozhou',
      known,
    );
    expect(r.view.siteSearch).toEqual({
      industries: ['biomedicine'],
      kinds: ['park'],
      statuses: ['operating'],
      figures: [
        { what: 'gdp', op: 'gt', value: 1 },
        { what: 'a', op: 'gt', value: 1 },
        { what: 'b', op: 'gt', value: 1 },
        { what: 'c', op: 'lt', value: 2 },
      ],
      near: { radius: 50, from: 'jiaozhou', at: null },
    });
    expect(details(r).slice(0, 9)).toEqual([
      "ss: unknown industry 'nope'",
      "ss: industry 'biomedicine' repeated",
      "ss: unknown kind 'castle'",
      "ss: 'i' repeated, the first one is used",
      "ss: unknown criterion 'x,1'",
      "ss: expected f,figure,gt|lt,number, got 'f,gdp,eq,3'",
      "ss: expected f,figure,gt|lt,number, got 'f,gdp,gt,abc'",
      "ss: more than 4 figures, 'f,d,gt,5' left out",
      'ss: radius 80 clamped to 50',
    ]);
    expect(decodeView('ss=n,5,nope', known).view.siteSearch?.near).toBeNull();
    expect(details(decodeView('ss=n,5,95,1', known))).toEqual([
      "ss: expected n,km,feature or n,km,lat,lng, got 'n,5,95,1'",
    ]);
  });

  it('an old id in n follows the rename', () => {
    const r = decodeView('ss=n,5,old-park', {
      ...known,
      renamed: { ids: new Map([['old-park', 'jiaozhou']]) },
    });
    expect(r.view.siteSearch?.near).toEqual({ radius: 5, from: 'jiaozhou', at: null });
  });
});

describe('renamed ids and fields (a merged duplicate, a renamed figure code)', () => {
  const renamed: KnownValues = {
    ...known,
    renamed: {
      ids: new Map([
        ['old-park', 'jiaozhou'],
        ['dezhou-etdz', 'jiaozhou'],
      ]),
      fields: new Map([['profit', FIELDS[0]!]]),
    },
  };

  it('an old link opens what it named: sel, cmp, route, nb and ch follow the rename', () => {
    const r = decodeView(
      `sel=old-park&cmp=old-park,heze-graphene-park&route=old-park&nb=5/old-park&ch=profit`,
      renamed,
    );
    expect(r.dropped).toEqual([]);
    expect(r.view.selected).toBe('jiaozhou');
    expect(r.view.compare).toEqual(['jiaozhou', 'heze-graphene-park']);
    expect(r.view.route).toEqual(['jiaozhou']);
    expect(r.view.nearby).toEqual({ radius: 5, from: 'jiaozhou', at: null });
    expect(r.view.choropleth.field).toBe(FIELDS[0]);
  });

  it('an id the data still has is never renamed; without the map an old id is unknown', () => {
    expect(decodeView('sel=dezhou-etdz', renamed).view.selected).toBe('dezhou-etdz');
    expect(details(decodeView('sel=old-park', known))).toEqual(["sel: unknown feature 'old-park'"]);
  });
});
