/**
 * How the map draws points, behind one interface: SDF symbols for the curated data, one WebGL
 * layer past BULK_POINTS, circles on the tiles of a points archive. MapController holds one and
 * never asks which.
 */
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  Map as MapLibreMap,
  MapGeoJSONFeature,
} from 'maplibre-gl';
import type { PointKind } from '../ids.ts';
import type { HighlightKey } from '../style/expressions.ts';
import type { FeatureColoring } from '../style/paint.ts';

/**
 * Which way points are drawn: SDF symbols (curated data), the GPU layer (bulk), circles on
 * tiles, or not at all (a dataset of zones only: layers over an empty source would still be
 * re-laid out on every data-driven colour change, a frame for nothing).
 */
export type PointDrawing = 'symbols' | 'gpu' | 'tiles' | 'none';

export type PointColor = (kind: PointKind) => DataDrivenPropertyValueSpecification<string>;

export interface PointRenderer {
  readonly drawing: PointDrawing;
  /** Adds what the style could not hold (a custom layer, listeners), once the style has loaded. */
  attach(map: MapLibreMap): Promise<void>;
  /** Which kinds are shown (the layer panel); style layers' own visibility is the controller's. */
  setKinds(kinds: Readonly<Record<PointKind, boolean>>): void;
  /**
   * Shows only points with one of `codes` (none = all), labels included, none of the `hidden`
   * ids (the map as of a year) and, from tiles, only those that pass `shown` (reported by then).
   */
  setIndustries(
    codes: readonly string[],
    hidden?: readonly string[],
    shown?: ExpressionSpecification,
  ): void;
  /** Marker colours: `color` per kind as style values, `coloring` as the same rule in data. */
  setColors(color: PointColor, coloring: FeatureColoring): void;
  /** Moves a highlight from `previous` to `id`. */
  setHighlight(key: HighlightKey, previous: string | null, id: string | null): void;
  /** Id of the topmost shown point at a screen position (with a finger's slack), or null. */
  idAt(point: { x: number; y: number }): string | null;
  /** The point features drawn in view now (points from tiles: what the list covers). */
  rendered(): MapGeoJSONFeature[];
  /** Where point `id` is drawn now, or null when it is not. */
  locate(id: string): [number, number] | null;
  /** How many points the renderer holds itself (the GPU layer), else null. */
  heldCount(): number | null;
}
