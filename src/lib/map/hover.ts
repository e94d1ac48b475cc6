import type { Map as MapLibreMap } from 'maplibre-gl';

type At = { x: number; y: number };

/**
 * Calls back with the id of the feature under the pointer as it changes, or null, and sets the
 * pointer cursor over one; `onmove` gets every move over the map (null id off a feature or off
 * the map), for a tooltip that follows the pointer.
 */
export function trackHover(
  map: MapLibreMap,
  idAt: (point: At) => string | null,
  callback: (id: string | null) => void,
  onmove?: (id: string | null, at: At) => void,
): void {
  let last: string | null = null;
  map.on('mousemove', (e) => {
    const id = idAt(e.point);
    map.getCanvas().style.cursor = id ? 'pointer' : '';
    onmove?.(id, e.point);
    if (id !== last) callback((last = id));
  });
  map.on('mouseout', () => {
    onmove?.(null, { x: 0, y: 0 });
    if (last !== null) callback((last = null));
  });
}
