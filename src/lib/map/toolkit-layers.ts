/**
 * The toolkit's drawing (#17): a visit route's straight legs with numbered stops, the nearby
 * radius as a circle (turf), and compared places from imported layers (a link's recipient has
 * no such layer, so the place would have no mark otherwise). Its own module and chunk, loaded with the toolkit panel; the
 * controller does not know it. Layers go on top of everything the style draws.
 */
import type {
  GeoJSONSource,
  LngLatBoundsLike,
  Map as MapLibreMap,
  PaddingOptions,
} from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { circle } from '@turf/turf';
import { boundsOf } from '../geo/bounds.ts';

export const TOOLKIT_SOURCE = {
  route: 'toolkit-route',
  radius: 'toolkit-radius',
  places: 'toolkit-places',
} as const;
export const TOOLKIT_LAYER = {
  routeLine: 'toolkit-route-line',
  routeStop: 'toolkit-route-stop',
  routeNumber: 'toolkit-route-number',
  radiusFill: 'toolkit-radius-fill',
  radiusLine: 'toolkit-radius-line',
  place: 'toolkit-place',
} as const;

const INK = '#d55e00';
const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/** The route as GeoJSON: one line through the stops, and each stop numbered from 1. */
export function routeData(stops: readonly Position[]): FeatureCollection {
  const features: Feature[] = stops.map((at, i) => ({
    type: 'Feature',
    properties: { n: String(i + 1) },
    geometry: { type: 'Point', coordinates: at },
  }));
  if (stops.length > 1) {
    features.unshift({
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: [...stops] },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** The nearby radius: a 128-sided circle of `km` around a point. */
export function radiusData(at: Position, km: number): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [circle(at, km, { steps: 128, units: 'kilometers' })],
  };
}

/** Points as GeoJSON, each with its name (the circle layer does not label them). */
export function pointsData(points: readonly { at: Position; name: string }[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: points.map(({ at, name }) => ({
      type: 'Feature',
      properties: { name },
      geometry: { type: 'Point', coordinates: [...at] },
    })),
  };
}

export class ToolkitLayers {
  constructor(private readonly map: MapLibreMap) {
    for (const id of Object.values(TOOLKIT_SOURCE))
      map.addSource(id, { type: 'geojson', data: empty() });
    map.addLayer({
      id: TOOLKIT_LAYER.radiusFill,
      type: 'fill',
      source: TOOLKIT_SOURCE.radius,
      paint: { 'fill-color': '#0072b2', 'fill-opacity': 0.08 },
    });
    map.addLayer({
      id: TOOLKIT_LAYER.radiusLine,
      type: 'line',
      source: TOOLKIT_SOURCE.radius,
      paint: { 'line-color': '#0072b2', 'line-width': 2, 'line-dasharray': [3, 2] },
    });
    map.addLayer({
      id: TOOLKIT_LAYER.routeLine,
      type: 'line',
      source: TOOLKIT_SOURCE.route,
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': INK, 'line-width': 3 },
    });
    map.addLayer({
      id: TOOLKIT_LAYER.routeStop,
      type: 'circle',
      source: TOOLKIT_SOURCE.route,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 10,
        'circle-color': INK,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    });
    map.addLayer({
      id: TOOLKIT_LAYER.routeNumber,
      type: 'symbol',
      source: TOOLKIT_SOURCE.route,
      filter: ['==', ['geometry-type'], 'Point'],
      layout: {
        'text-field': ['get', 'n'],
        'text-font': ['Noto Sans SC'],
        'text-size': 12,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff' },
    });
    // A white ring round the accent: unlike the dataset's markers, so it reads as "yours".
    map.addLayer({
      id: TOOLKIT_LAYER.place,
      type: 'circle',
      source: TOOLKIT_SOURCE.places,
      paint: {
        'circle-radius': 7,
        'circle-color': '#0072b2',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 3,
      },
    });
  }

  setRoute(stops: readonly Position[]): void {
    this.source(TOOLKIT_SOURCE.route)?.setData(routeData(stops));
  }

  setRadius(at: Position | null, km: number): void {
    this.source(TOOLKIT_SOURCE.radius)?.setData(at ? radiusData(at, km) : empty());
  }

  /** Compared places from imported layers, each drawn as a ringed dot. */
  setPlaces(points: readonly { at: Position; name: string }[]): void {
    this.source(TOOLKIT_SOURCE.places)?.setData(pointsData(points));
  }

  /** Moves the camera so every geometry shows (a single point at zoom 12). */
  frame(geometries: readonly Geometry[], padding: PaddingOptions | number = 60): void {
    if (geometries.length === 0) return;
    const [w, s, e, n] = boundsOf({
      type: 'FeatureCollection',
      features: geometries.map((geometry) => ({ type: 'Feature', properties: {}, geometry })),
    });
    const bounds: LngLatBoundsLike = [
      [w, s],
      [e, n],
    ];
    this.map.fitBounds(bounds, { padding, maxZoom: 12, duration: 0 });
  }

  destroy(): void {
    for (const id of Object.values(TOOLKIT_LAYER))
      if (this.map.getLayer(id)) this.map.removeLayer(id);
    for (const id of Object.values(TOOLKIT_SOURCE))
      if (this.map.getSource(id)) this.map.removeSource(id);
  }

  private source(id: string): GeoJSONSource | undefined {
    return this.map.getSource<GeoJSONSource>(id);
  }
}
