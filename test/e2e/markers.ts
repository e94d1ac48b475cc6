/**
 * Where a point's marker is on the page. Points known only to their zone share the zone's label
 * point and fan out on screen (src/lib/map/schematic.ts): the marker is at its point plus its
 * fan offset, computed here by the same function the style's expression mirrors.
 */
import type { Page } from 'playwright-core';
import { fanOffsetPx } from '../../src/lib/map/schematic.ts';
import type { PointKind } from '../../src/lib/map/ids.ts';

/** In page pixels, or the map canvas's CSS pixels with `on: 'canvas'`. */
export async function markerPoint(
  page: Page,
  id: string,
  on: 'page' | 'canvas' = 'page',
): Promise<{ x: number; y: number }> {
  const found = await page.evaluate(
    ([id, on]) => {
      const map = window.parkAtlas!.controller.map;
      const f = map.querySourceFeatures('points', { filter: ['==', ['get', 'id'], id] })[0];
      if (!f || f.geometry.type !== 'Point') return null;
      const p = map.project(f.geometry.coordinates as [number, number]);
      const r = on === 'page' ? map.getCanvas().getBoundingClientRect() : { left: 0, top: 0 };
      const fan: unknown = f.properties.fan;
      return {
        x: r.left + p.x,
        y: r.top + p.y,
        // Query results carry array properties as JSON text.
        fan: (typeof fan === 'string' ? JSON.parse(fan) : (fan ?? null)) as [number, number] | null,
        kind: String(f.properties.kind),
        zoom: map.getZoom(),
      };
    },
    [id, on] as const,
  );
  if (!found) throw new Error(`no point ${id} in the map's source`);
  const [dx, dy] = found.fan ? fanOffsetPx(found.fan, found.kind as PointKind, found.zoom) : [0, 0];
  return { x: found.x + dx, y: found.y + dy };
}
