/**
 * Points past BULK_POINTS, drawn by one WebGL layer (src/lib/map/gpu/, its own chunk, loaded on
 * attach): the industry filter and kinds are uniforms, colours one RGBA per point, picking a k-d
 * tree. Labels of the points in view go into the otherwise empty GeoJSON `points` source.
 */
import type { GeoJSONSource, Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import type { FeatureTable } from '../../data/table.ts';
import type { GpuPoints } from '../gpu/index.ts';
import { LAYER, SOURCE, type PointKind } from '../ids.ts';
import type { HighlightKey } from '../style/expressions.ts';
import type { FeatureColoring } from '../style/paint.ts';
import type { Theme } from '../style/theme.ts';
import type { PointRenderer } from './types.ts';

/** The GPU point layer's id; it sits where the per-kind point layers would be. */
export const GPU_POINTS_LAYER = 'points-gpu';
/** Labels of bulk points are drawn from this zoom, for at most this many points in view. */
const LABEL_ZOOM = 11;
const LABEL_LIMIT = 400;

export class GpuPointRenderer implements PointRenderer {
  readonly drawing = 'gpu';
  private map: MapLibreMap | null = null;
  private gpu: GpuPoints | null = null;
  private labelsShown = false;

  constructor(
    private readonly table: FeatureTable,
    private readonly theme: Theme,
  ) {}

  async attach(map: MapLibreMap): Promise<void> {
    const { GpuPoints } = await import('../gpu/index.ts');
    const gpu = new GpuPoints(GPU_POINTS_LAYER, this.table, this.theme);
    map.addLayer(gpu.layer, map.getLayer(LAYER.pointLabel) ? LAYER.pointLabel : undefined);
    this.map = map;
    this.gpu = gpu;
    map.on('moveend', () => this.updateLabels());
    this.updateLabels();
  }

  /** Bulk points get labels only where few enough are in view to read them. */
  private updateLabels(): void {
    const source = this.map?.getSource<GeoJSONSource>(SOURCE.points);
    if (!this.map || !this.gpu || !source) return;
    const zoomedIn = this.map.getZoom() >= LABEL_ZOOM;
    if (!zoomedIn && !this.labelsShown) return;
    source.setData(
      zoomedIn
        ? this.gpu.labelsInView(this.map, LABEL_LIMIT)
        : { type: 'FeatureCollection', features: [] },
    );
    this.labelsShown = zoomedIn;
  }

  setKinds(kinds: Readonly<Record<PointKind, boolean>>): void {
    this.gpu?.setKinds(kinds);
    this.updateLabels();
  }

  /**
   * The labels source holds only shown points already: a label filter would be a style change,
   * and a second frame, for nothing.
   */
  setIndustries(codes: readonly string[], hidden: readonly string[] = []): void {
    this.gpu?.setIndustries(codes, hidden);
    this.updateLabels();
  }

  setColors(_color: unknown, coloring: FeatureColoring): void {
    this.gpu?.setColoring(coloring);
  }

  setHighlight(key: HighlightKey, _previous: string | null, id: string | null): void {
    this.gpu?.setHighlight(key, id);
  }

  idAt(point: { x: number; y: number }): string | null {
    return this.map && this.gpu ? this.gpu.idAt(this.map, point) : null;
  }

  rendered(): MapGeoJSONFeature[] {
    return [];
  }

  locate(id: string): [number, number] | null {
    return this.gpu?.position(id) ?? null;
  }

  heldCount(): number | null {
    return this.gpu ? this.gpu.table.length : null;
  }
}
