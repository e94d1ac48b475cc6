/**
 * How much of the map the details panel will cover, so a feature chosen from the list or search
 * is flown to the part left in view (#15 points 6 and 7). The numbers are the panel's layout in
 * DetailsHost.svelte: keep them in step with its CSS.
 */
import type { Geometry } from 'geojson';
import type { MapController } from '../lib/map/controller.ts';
import { UNCOVERED, type Covered } from '../lib/map/fly.ts';

/** DetailsHost.svelte: beside the map's controls on wide screens, a bottom sheet on phones. */
export const DETAILS_LAYOUT = {
  /** Up to this viewport width the panel is a sheet (the phone media query). */
  phoneMax: 640,
  /** Wide screens: `right` from the map's right edge, `width` at most, and a gap beside it. */
  right: 56,
  width: 380,
  gap: 12,
  /** Phones: the sheet is at most this share of the viewport's height. */
  sheet: 0.6,
} as const;

/** Below this many pixels left in view, covering is ignored: the panel is over it all anyway. */
const MIN_VIEW = 120;

/**
 * Pixels of the map the details panel covers. `map` is the map's box in the viewport (after any
 * scrolling), `viewport` the window's size.
 */
export function detailsCover(
  map: { top: number; width: number; height: number },
  viewport: { width: number; height: number },
  layout = DETAILS_LAYOUT,
): Covered {
  if (viewport.width <= layout.phoneMax) {
    const sheetTop = viewport.height * (1 - layout.sheet);
    const bottom = Math.max(0, map.top + map.height - Math.max(map.top, sheetTop));
    return map.height - bottom < MIN_VIEW ? UNCOVERED : { ...UNCOVERED, bottom };
  }
  const right = layout.right + Math.min(layout.width, map.width - 24) + layout.gap;
  return map.width - right < MIN_VIEW ? UNCOVERED : { ...UNCOVERED, right };
}

/**
 * Flies to a geometry, on a phone with the map scrolled into view first; `details`: beside the
 * details panel that opens with it.
 */
export function flyIntoView(
  controller: MapController | null,
  geometry: Geometry,
  page: { main?: HTMLElement | undefined; map?: HTMLElement | undefined },
  details: boolean,
): void {
  page.main?.scrollTo({ top: 0 });
  const box = page.map?.getBoundingClientRect();
  const viewport = { width: innerWidth, height: innerHeight };
  controller?.flyTo(geometry, box && details ? { covered: detailsCover(box, viewport) } : {});
}
