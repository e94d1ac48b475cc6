/** The stacks' count badges on the map (stacks.ts): added on load, switched by feature-state. */
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  STACK_EXPAND_ZOOM,
  STACK_LAYER,
  STACK_MAXZOOM,
  STACK_SOURCE,
  badgeFeatures,
  badgeStride,
  badgesOn,
  stackLayers,
  visibleCounts,
  type Stack,
} from './stacks.ts';

export class StackBadges {
  private on = new Set<number>();
  private readonly stride: number;

  private constructor(
    private readonly map: MapLibreMap,
    private readonly stacks: readonly Stack[],
    font: string,
  ) {
    this.stride = badgeStride(stacks);
    map.addSource(STACK_SOURCE, { type: 'geojson', data: badgeFeatures(stacks) });
    for (const layer of stackLayers(font)) map.addLayer(layer);
  }

  /** Badges for these stacks, or null when there are none (no schematic points drawn). */
  static add(map: MapLibreMap, stacks: readonly Stack[], font: string): StackBadges | null {
    return stacks.length > 0 ? new StackBadges(map, stacks, font) : null;
  }

  /** Shows each stack's count of the points the filters show (`visible`: the table's flags). */
  update(visible: ArrayLike<number>): void {
    const on = badgesOn(visibleCounts(this.stacks, visible), this.stride);
    for (const id of this.on)
      if (!on.has(id)) this.map.setFeatureState({ source: STACK_SOURCE, id }, { on: false });
    for (const id of on)
      if (!this.on.has(id)) this.map.setFeatureState({ source: STACK_SOURCE, id }, { on: true });
    this.on = on;
  }

  /** On a click on a shown badge, zooms in on its stack until the fan is open; true if it did. */
  expandAt(point: { x: number; y: number }): boolean {
    if (this.map.getZoom() >= STACK_MAXZOOM) return false;
    const hit = this.map
      .queryRenderedFeatures([point.x, point.y], { layers: [STACK_LAYER.circle] })
      .find((f) => this.on.has(Number(f.id)));
    if (!hit || hit.geometry.type !== 'Point') return false;
    const [lng, lat] = hit.geometry.coordinates as [number, number];
    this.map.easeTo({ center: [lng, lat], zoom: STACK_EXPAND_ZOOM });
    return true;
  }
}
