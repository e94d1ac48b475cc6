/**
 * The colours of areas: zone fills through feature state (only zones whose colour changed are
 * written, no tile reload) and the districts' fill colour, each set only when it changed.
 */
import type { DataDrivenPropertyValueSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureTable } from '../data/table.ts';
import { LAYER, SOURCE } from './ids.ts';
import { ZONE_FILL_STATE } from './style/expressions.ts';
import { zoneColors } from './style/feature-colors.ts';
import { coloringKey, type FeatureColoring } from './style/paint.ts';
import type { Theme } from './style/theme.ts';

export class AreaPaint {
  /** Zone fill colours set as feature state now, and the colouring they came from. */
  private zoneFills = new Map<string, string>();
  private zoneColoringKey = '';
  private zoneOpacity: number | null = null;
  private districtFill = '';

  constructor(
    private readonly map: MapLibreMap,
    private readonly table: FeatureTable,
    private readonly theme: Theme,
  ) {}

  /**
   * Per-zone colours when zones encode a value (a choropleth of features), the theme's fill
   * otherwise. Encoding zones are opaque: a translucent fill shows a colour the legend's swatch
   * does not (#f03b20 over the land read #f38e7d).
   */
  setZones(coloring: FeatureColoring, encodesValue: boolean): void {
    const { map } = this;
    const opacity = encodesValue ? 1 : 0.12;
    if (map.getLayer(LAYER.zoneFill) && opacity !== this.zoneOpacity) {
      map.setPaintProperty(LAYER.zoneFill, 'fill-opacity', opacity);
      this.zoneOpacity = opacity;
    }
    const key = coloring.by === 'field' ? coloringKey(coloring) : '';
    if (key === this.zoneColoringKey) return;
    this.zoneColoringKey = key;
    const next = zoneColors(this.table, coloring, this.theme) ?? new Map<string, string>();
    const source = SOURCE.zones;
    for (const [id, color] of next) {
      if (this.zoneFills.get(id) !== color)
        map.setFeatureState({ source, id }, { [ZONE_FILL_STATE]: color });
    }
    for (const id of this.zoneFills.keys()) {
      if (!next.has(id)) map.removeFeatureState({ source, id }, ZONE_FILL_STATE);
    }
    this.zoneFills = next;
  }

  setDistricts(color: DataDrivenPropertyValueSpecification<string>): void {
    const json = JSON.stringify(color);
    if (json === this.districtFill || !this.map.getLayer(LAYER.districtFill)) return;
    this.map.setPaintProperty(LAYER.districtFill, 'fill-color', color);
    this.districtFill = json;
  }
}
