import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ParkFeature } from '../../data/schema.ts';
import type { FeatureTable } from '../../data/table.ts';
import { toMercator } from '../../geo/mercator.ts';
import { POINT_KINDS, type PointKind } from '../ids.ts';
import { coloringKey, type FeatureColoring } from '../style/paint.ts';
import type { Theme } from '../style/theme.ts';
import { rowColors } from './colors.ts';
import {
  buildPointTable,
  featureAt,
  hiddenRows,
  pickRow,
  pointRowOf,
  pointVisibility,
  rowsInBox,
  type PointTable,
  type PointVisibility,
} from './point-table.ts';
import { GpuPointsLayer, POINT_RADIUS, type HighlightRows } from './points-layer.ts';

/** MapLibre's world is 512 CSS px wide at zoom 0. */
const WORLD_PX = 512;
/** Extra pixels around a marker that still count as a hit (fingers are wide). */
const HIT_SLACK_PX = 6;
/** The largest marker radius (a park at zoom 12 and beyond). */
const HIT_RADIUS_PX = Math.max(...POINT_KINDS.map((k) => POINT_RADIUS[k][1]));

/**
 * Everything the controller does with a large point set, in one object: what is shown (kinds and
 * industries), colours, highlights, picking and the labels of the points in view. Loaded as its
 * own chunk, only for datasets past BULK_POINTS.
 */
export class GpuPoints {
  readonly table: PointTable;
  readonly layer: GpuPointsLayer;
  private kinds: Record<PointKind, boolean> = {
    park: true,
    platform: true,
    project: true,
    enterprise: true,
  };
  private industries: readonly string[] = [];
  /** Ids hidden as of a year (not reported by then), as given; `hidden` holds their rows. */
  private hiddenIds: readonly string[] = [];
  private hidden: Uint8Array | null = null;
  /** What is shown, from kinds and industries; read by every pick, so kept, not recomputed. */
  private shown: PointVisibility;
  private coloringKey = '';
  private highlight: HighlightRows = { selected: -1, hovered: -1 };

  constructor(
    layerId: string,
    features: FeatureTable,
    private readonly theme: Theme,
  ) {
    this.table = buildPointTable(features);
    this.shown = pointVisibility(this.table, this.kinds, this.industries);
    this.layer = new GpuPointsLayer(
      layerId,
      this.table,
      this.shown,
      rowColors(this.table, { by: 'kind' }, theme),
    );
    this.coloringKey = JSON.stringify({ by: 'kind' });
  }

  private updateShown(): void {
    this.shown = pointVisibility(this.table, this.kinds, this.industries, this.hidden);
    this.layer.setVisibility(this.shown);
  }

  setKinds(kinds: Record<PointKind, boolean>): void {
    if (POINT_KINDS.every((k) => kinds[k] === this.kinds[k])) return;
    this.kinds = { ...kinds };
    this.updateShown();
  }

  /**
   * Shows points with one of `codes` (none = all) and none of the `hidden` ids (the map as of a
   * year: the same array for the same year, so an unchanged year costs nothing).
   */
  setIndustries(codes: readonly string[], hidden: readonly string[] = []): void {
    const same =
      codes.length === this.industries.length && codes.every((c, i) => c === this.industries[i]);
    if (same && hidden === this.hiddenIds) return;
    this.industries = [...codes];
    if (hidden !== this.hiddenIds) {
      this.hiddenIds = hidden;
      this.hidden = hiddenRows(this.table, hidden);
    }
    this.updateShown();
  }

  /** Recolours only when the colouring changed (a new legend count is not a new colouring). */
  setColoring(coloring: FeatureColoring): void {
    const key = coloringKey(coloring);
    if (key === this.coloringKey) return;
    this.coloringKey = key;
    this.layer.setColors(rowColors(this.table, coloring, this.theme));
  }

  setHighlight(key: keyof HighlightRows, id: string | null): void {
    const row = id === null ? -1 : pointRowOf(this.table, id);
    if (this.highlight[key] === row) return;
    this.highlight = { ...this.highlight, [key]: row };
    this.layer.setHighlight(this.highlight);
  }

  /** Id of the shown point under a screen position, or null. */
  idAt(map: MapLibreMap, point: { x: number; y: number }): string | null {
    const { lng, lat } = map.unproject([point.x, point.y]);
    const [x, y] = toMercator(lng, lat);
    const radius = (HIT_RADIUS_PX + HIT_SLACK_PX) / (WORLD_PX * 2 ** map.getZoom());
    const row = pickRow(this.table, x, y, radius, this.shown);
    return row < 0 ? null : (featureAt(this.table, row)?.id ?? null);
  }

  /** [lng, lat] of point `id`, or null when the layer does not hold it. */
  position(id: string): [number, number] | null {
    const row = pointRowOf(this.table, id);
    if (row < 0) return null;
    const r = this.table.sourceRows[row] as number;
    const at = this.table.source.positions;
    return [at[r * 2] as number, at[r * 2 + 1] as number];
  }

  /** The shown points in the map's view, at most `limit`, as label features. */
  labelsInView(map: MapLibreMap, limit: number): FeatureCollection<Point> {
    const b = map.getBounds();
    const [x0, y0] = toMercator(b.getWest(), b.getNorth());
    const [x1, y1] = toMercator(b.getEast(), b.getSouth());
    const rows = rowsInBox(this.table, [x0, y0, x1, y1], this.shown, limit);
    return {
      type: 'FeatureCollection',
      features: rows.map((row): Feature<Point> => {
        const f = featureAt(this.table, row) as ParkFeature;
        const p = f.properties;
        // Only what the label layer reads: these are the shown points already.
        const properties = { id: p.id, kind: p.kind, name_zh: p.name_zh, name_en: p.name_en };
        return { type: 'Feature', id: f.id, geometry: f.geometry as Point, properties };
      }),
    };
  }
}
