import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { ONLINE_SOURCE, rasterBeforeId, rasterStyle } from '../../../src/lib/map/online-basemap.ts';
import { buildStyle } from '../../../src/lib/map/style/index.ts';
import { basemapStyleLayers } from '../../../src/lib/map/style/basemap.ts';
import { defaultTheme } from '../../../src/lib/map/style/theme.ts';
import { LAYER } from '../../../src/lib/map/ids.ts';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const style = buildStyle(
  {
    districts: empty,
    countyLines: empty,
    prefectureLines: empty,
    context: empty,
    attribution: '',
    zones: empty,
    zoneLabels: empty,
    points: empty,
  },
  { theme: defaultTheme, fonts: {}, lang: 'zh', industries: [] },
);
const TEMPLATE = 'https://tiles.example.org/{z}/{x}/{y}.png';

describe('the online basemap raster', () => {
  it('goes above every offline basemap layer (land fill included) and below all the data', () => {
    const before = rasterBeforeId(style.layers);
    expect(before).toBe(LAYER.zoneFill);
    const ids = style.layers.map((l) => l.id);
    const at = ids.indexOf(before ?? '');
    const offline = basemapStyleLayers(defaultTheme).map((l) => l.id);
    // The offline basemap is all beneath: land, districts, water, lines, its labels.
    expect(ids.slice(0, at)).toEqual(offline);
    expect(offline).toContain(LAYER.land);
    // The data is all above: zones, their labels, the points.
    expect(ids.slice(at)).toContain(LAYER.zoneLabel);
    expect(ids.slice(at).some((id) => id.startsWith('basemap-'))).toBe(false);
  });

  it('goes on top when there is nothing but the basemap', () => {
    expect(rasterBeforeId(basemapStyleLayers(defaultTheme))).toBeUndefined();
  });

  it('is a valid raster source and layer, credited to its host', () => {
    const { source, layer } = rasterStyle(TEMPLATE);
    expect(source.tiles).toEqual([TEMPLATE]);
    expect(source.attribution).toContain('tiles.example.org');
    const at = style.layers.findIndex((l) => l.id === rasterBeforeId(style.layers));
    const withRaster: StyleSpecification = {
      ...style,
      sources: { ...style.sources, [ONLINE_SOURCE]: source },
      layers: [...style.layers.slice(0, at), layer, ...style.layers.slice(at)],
    };
    expect(validateStyleMin(withRaster)).toEqual([]);
  });
});
