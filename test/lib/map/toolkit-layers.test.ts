import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  TOOLKIT_LAYER,
  TOOLKIT_SOURCE,
  ToolkitLayers,
  pointsData,
  routeData,
} from '../../../src/lib/map/toolkit-layers.ts';

/** Just what ToolkitLayers calls on a map: sources keep the last data set on them. */
function fakeMap() {
  const data = new Map<string, unknown>();
  const layers = new Map<string, { id: string; source: string; type: string }>();
  const map = {
    addSource: (id: string, s: { data: unknown }) => data.set(id, s.data),
    getSource: (id: string) =>
      data.has(id) ? { setData: (d: unknown) => data.set(id, d) } : undefined,
    removeSource: (id: string) => data.delete(id),
    addLayer: (l: { id: string; source: string; type: string }) => layers.set(l.id, l),
    getLayer: (id: string) => layers.get(id),
    removeLayer: (id: string) => layers.delete(id),
  };
  return { map: map as unknown as MapLibreMap, data, layers };
}

describe('the toolkit’s drawing', () => {
  it('draws a route as one line and numbered stops, a lone stop without a line', () => {
    const two = routeData([
      [115.4, 35.2],
      [116.5, 35.4],
    ]);
    expect(two.features.map((f) => f.geometry.type)).toEqual(['LineString', 'Point', 'Point']);
    expect(two.features.slice(1).map((f) => f.properties?.n)).toEqual(['1', '2']);
    expect(routeData([[115.4, 35.2]]).features.map((f) => f.geometry.type)).toEqual(['Point']);
  });

  it('draws compared imported places as points of their own, and clears them', () => {
    const { map, data, layers } = fakeMap();
    const kit = new ToolkitLayers(map);
    expect(layers.get(TOOLKIT_LAYER.place)).toMatchObject({
      type: 'circle',
      source: TOOLKIT_SOURCE.places,
    });
    kit.setPlaces([{ at: [115.41, 35.25], name: '我的园区' }]);
    expect(data.get(TOOLKIT_SOURCE.places)).toEqual(
      pointsData([{ at: [115.41, 35.25], name: '我的园区' }]),
    );
    expect(pointsData([{ at: [115.41, 35.25], name: '我的园区' }]).features[0]).toMatchObject({
      properties: { name: '我的园区' },
      geometry: { type: 'Point', coordinates: [115.41, 35.25] },
    });
    kit.setPlaces([]);
    expect(data.get(TOOLKIT_SOURCE.places)).toEqual({ type: 'FeatureCollection', features: [] });
    kit.destroy();
    expect(data.size).toBe(0);
    expect(layers.size).toBe(0);
  });
});
