import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * On a narrow map the credits start folded behind their ⓘ button: MapLibre's compact
 * attribution opens on first show and folds only at the first drag, and the basemap's four
 * sources then cover a third of a phone's map.
 */
export function foldAttributionWhenNarrow(map: MapLibreMap): void {
  map.once('load', () => {
    const credits = map.getContainer().querySelector('.maplibregl-compact');
    if (!credits || map.getCanvasContainer().offsetWidth > 640) return;
    credits.classList.remove('maplibregl-compact-show');
    credits.removeAttribute('open');
  });
}
