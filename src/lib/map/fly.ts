/**
 * Moving the camera to a feature so that it lands in the part of the map a panel does not
 * cover: a point is centred in that part, a polygon fitted into it.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Geometry } from 'geojson';
import { boundsOf } from '../geo/bounds.ts';

/** Pixels of the map covered on each side (by the details panel, a bottom sheet). */
export interface Covered {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const UNCOVERED: Covered = { top: 0, right: 0, bottom: 0, left: 0 };

/** Space kept around a fitted polygon. */
const MARGIN = 48;

/**
 * The camera move for a geometry: points at zoom 12 or closer, offset to the middle of what is
 * not covered (`offset` is not kept by the map, unlike `padding`: the link's centre stays the
 * map's centre); polygons fitted inside it.
 */
export function flyToGeometry(
  map: MapLibreMap,
  geometry: Geometry,
  options: { animate?: boolean; covered?: Covered } = {},
): void {
  const animate = options.animate ?? !matchMedia('(prefers-reduced-motion: reduce)').matches;
  const c = options.covered ?? UNCOVERED;
  if (geometry.type === 'Point') {
    const [lng, lat] = geometry.coordinates as [number, number];
    const offset: [number, number] = [(c.left - c.right) / 2, (c.top - c.bottom) / 2];
    map.flyTo({ center: [lng, lat], zoom: Math.max(map.getZoom(), 12), animate, offset });
  } else {
    const [w, s, e, n] = boundsOf(geometry);
    const padding = {
      top: MARGIN + c.top,
      right: MARGIN + c.right,
      bottom: MARGIN + c.bottom,
      left: MARGIN + c.left,
    };
    map.fitBounds([w, s, e, n], { padding, animate, maxZoom: 12 });
  }
}
