/**
 * Points drawn by style layers, one per kind over the `points` source: SDF symbols over GeoJSON
 * (the curated data), or circles over the vector tiles of a points archive. Filters, colours and
 * highlights are style calls on those layers, each made only when its value changed.
 */
import type { ExpressionSpecification, Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import { POINTS_SOURCE_LAYER } from '../../names.ts';
import { LAYER, POINT_KINDS, SOURCE, pointLayerId } from '../ids.ts';
import { HIGHLIGHT, type HighlightKey } from '../style/expressions.ts';
import { pointLayerFilter, shownFilter } from '../style/data-layers.ts';
import { RECEDE_HIDE_ZOOM, hasValue, pointOpacity } from '../style/choropleth.ts';
import type { FeatureColoring } from '../style/paint.ts';
import type { PointColor, PointDrawing, PointRenderer } from './types.ts';

/** Pixels of slack around a marker that still count as a hit (fingers are wide). */
const HIT_SLACK_PX = 6;

export class StylePoints implements PointRenderer {
  protected map: MapLibreMap | null = null;
  private paint = new Map<string, string>();
  /** The choropleth's field, when one colours the points: those without it recede. */
  private valueField: string | null = null;

  constructor(readonly drawing: Exclude<PointDrawing, 'gpu'>) {}

  async attach(map: MapLibreMap): Promise<void> {
    this.map = map;
  }

  /** The per-kind point layers the style has (none for a dataset of zones only). */
  protected layers(): string[] {
    const map = this.map;
    return map ? POINT_KINDS.map(pointLayerId).filter((id) => map.getLayer(id)) : [];
  }

  /** Style layers switch with the layer panel through their visibility (the controller's). */
  setKinds(): void {}

  setIndustries(
    codes: readonly string[],
    hidden: readonly string[] = [],
    shown?: ExpressionSpecification,
  ): void {
    const map = this.map;
    if (!map) return;
    for (const kind of POINT_KINDS) {
      const id = pointLayerId(kind);
      if (map.getLayer(id)) map.setFilter(id, pointLayerFilter(kind, codes, hidden, shown));
    }
    if (map.getLayer(LAYER.pointLabel))
      map.setFilter(LAYER.pointLabel, shownFilter(codes, hidden, shown));
  }

  setColors(color: PointColor, coloring: FeatureColoring): void {
    const map = this.map;
    if (!map) return;
    // Circles when points come from tiles, SDF symbols otherwise: the same colour either way.
    const tiles = this.drawing === 'tiles';
    this.valueField = coloring.by === 'field' ? coloring.field.key : null;
    const opacity = pointOpacity(this.valueField);
    for (const kind of POINT_KINDS) {
      const id = pointLayerId(kind);
      if (!map.getLayer(id)) continue;
      type Set = Parameters<MapLibreMap['setPaintProperty']>;
      const paint: [Set[1], Set[2]][] = tiles
        ? [
            ['circle-color', color(kind)],
            ['circle-opacity', opacity],
            ['circle-stroke-opacity', opacity],
          ]
        : [
            ['icon-color', color(kind)],
            ['icon-opacity', opacity],
          ];
      for (const [property, value] of paint) {
        const json = JSON.stringify(value);
        if (this.paint.get(id + property) === json) continue;
        map.setPaintProperty(id, property, value);
        this.paint.set(id + property, json);
      }
    }
  }

  setHighlight(key: HighlightKey, previous: string | null, id: string | null): void {
    const map = this.map;
    if (!map?.getSource(SOURCE.points)) return;
    // A vector source (points from tiles) keeps feature state per source layer.
    const at =
      this.drawing === 'tiles'
        ? { source: SOURCE.points, sourceLayer: POINTS_SOURCE_LAYER }
        : { source: SOURCE.points };
    if (previous) map.setFeatureState({ ...at, id: previous }, { [HIGHLIGHT[key]]: false });
    if (id) map.setFeatureState({ ...at, id }, { [HIGHLIGHT[key]]: true });
  }

  idAt(point: { x: number; y: number }): string | null {
    const layers = this.layers();
    if (!this.map || layers.length === 0) return null;
    const box: [[number, number], [number, number]] = [
      [point.x - HIT_SLACK_PX, point.y - HIT_SLACK_PX],
      [point.x + HIT_SLACK_PX, point.y + HIT_SLACK_PX],
    ];
    // A point hidden because it has no value (pointOpacity) is not there to click.
    const hidden = this.valueField && this.map.getZoom() < RECEDE_HIDE_ZOOM;
    const filter = hidden ? hasValue(this.valueField as string) : undefined;
    const hit = this.map.queryRenderedFeatures(box, { layers, ...(filter ? { filter } : {}) })[0];
    return typeof hit?.properties.id === 'string' ? hit.properties.id : null;
  }

  rendered(): MapGeoJSONFeature[] {
    const layers = this.layers();
    return this.map && layers.length ? this.map.queryRenderedFeatures({ layers }) : [];
  }

  locate(id: string): [number, number] | null {
    const layers = this.layers();
    if (!this.map || layers.length === 0) return null;
    const hit = this.map.queryRenderedFeatures({ layers, filter: ['==', ['get', 'id'], id] })[0];
    return hit?.geometry.type === 'Point' ? (hit.geometry.coordinates as [number, number]) : null;
  }

  heldCount(): null {
    return null;
  }
}
