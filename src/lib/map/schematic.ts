/**
 * Points known only to their zone all sit at the zone's label point (data/README.md,
 * "Precision"): drawn there they would be one blot, and laid out on a grid they would read as
 * surveyed. Instead each stack fans out on screen as the user zooms in — a sunflower of hollow
 * markers around the shared point, the same size in pixels at every latitude — so the layout
 * is visibly a diagram. The fan is an `icon-offset`, so MapLibre's hit tests follow it.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { PointKind } from './ids.ts';

/** The zoom a stack starts to open at, and the zoom it is fully open. */
export const FAN_FROM = 9;
export const FAN_FULL = 11;
/** Pixels between neighbours of an open fan, at icon scale 1. */
const SPACING = 24;
/** The point labels' text size (data-layers.ts). */
const LABEL_PX = 11;
/** The golden angle: successive points never line up in rows (a grid is what we avoid). */
const GOLDEN = Math.PI * (3 - Math.sqrt(5));

/** Smaller markers for kinds that are many and fine-grained (the style's `icon-size` factor). */
export const MARKER_SCALE: Record<PointKind, number> = {
  park: 0.75,
  platform: 0.65,
  project: 0.6,
  enterprise: 0.5,
};

/** The marker's `icon-size` at a zoom, before its kind's scale: 0.6 at zoom 6 to 1.2 at 12. */
export function zoomScale(zoom: number): number {
  const t = Math.min(1, Math.max(0, (zoom - 6) / 6));
  return 0.6 + 0.6 * t;
}

/** The k-th place of a sunflower, in pixels at icon scale 1, k = 0 nearest the centre. */
export function sunflower(k: number): [number, number] {
  const r = SPACING * Math.sqrt(k + 0.5);
  const a = k * GOLDEN;
  return [Math.round(r * Math.cos(a) * 10) / 10, Math.round(r * Math.sin(a) * 10) / 10];
}

/**
 * Marks the points drawn schematically (`schematic: true`: their position is known to the zone
 * only) and gives those that share a position their place in its fan (`fan`, in the icon's own
 * units: divided by the kind's scale, so every kind's marker lands the same distance out), in a
 * stable order by id. `isSchematic` decides from a feature's properties.
 */
export function withFans(
  points: FeatureCollection,
  isSchematic: (f: Feature) => boolean,
): FeatureCollection {
  const stacks = new Map<string, Feature[]>();
  for (const f of points.features) {
    if (f.geometry.type !== 'Point' || !isSchematic(f)) continue;
    const key = f.geometry.coordinates.join(',');
    stacks.set(key, [...(stacks.get(key) ?? []), f]);
  }
  const extra = new Map<Feature, Record<string, unknown>>();
  for (const stack of stacks.values()) {
    stack.sort((a, b) => String(a.id).localeCompare(String(b.id)));
    stack.forEach((f, k) => {
      const scale = MARKER_SCALE[f.properties?.kind as PointKind] ?? 1;
      if (stack.length === 1) return void extra.set(f, { schematic: true });
      const [x, y] = sunflower(k);
      // Labels (from zoom 11, text 11 px, markers at ~1.15× scale) in ems, under the marker.
      const em = (v: number) => Math.round((v * 1.15 * 100) / LABEL_PX) / 100;
      extra.set(f, {
        schematic: true,
        fan: [x / scale, y / scale],
        fan_text: [em(x), em(y) + 1.1],
      });
    });
  }
  return {
    ...points,
    features: points.features.map((f) => {
      const add = extra.get(f);
      return add ? { ...f, properties: { ...f.properties, ...add } } : f;
    }),
  };
}

/** The style's `icon-offset`: closed below FAN_FROM, open from FAN_FULL (layout: per zoom level). */
export const fanOffset: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  FAN_FROM,
  ['literal', [0, 0]],
  FAN_FULL,
  ['array', 'number', 2, ['coalesce', ['get', 'fan'], ['literal', [0, 0]]]],
];

/**
 * Where a fanned marker is drawn, in screen pixels from its point, at a zoom: what the style's
 * `icon-offset` gives (MapLibre evaluates layout at whole zoom levels, hence the floor).
 */
export function fanOffsetPx(
  fan: readonly [number, number],
  kind: PointKind,
  zoom: number,
): [number, number] {
  const z = Math.floor(zoom);
  const open = Math.min(1, Math.max(0, (z - FAN_FROM) / (FAN_FULL - FAN_FROM)));
  const size = MARKER_SCALE[kind] * zoomScale(zoom);
  return [fan[0] * open * size, fan[1] * open * size];
}
