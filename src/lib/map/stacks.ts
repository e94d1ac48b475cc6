/**
 * Counts for the stacks of schematic points at low zoom (#15 point 13). Points known only to
 * their zone share its label point and fan out from zoom FAN_FROM (schematic.ts); below that a
 * stack of 55 reads as one marker. A badge with the number of its points the filters show sits
 * on each stack until the fan opens, and a click on it zooms in until it has.
 *
 * The numbers follow the filters without rewriting any source (STYLE.md habit 5): each stack
 * has one badge feature per count it can show (2 … its size), and feature-state switches on the
 * one that matches; paint opacity reads the state.
 */
import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { FAN_FROM, FAN_FULL } from './schematic.ts';

/** The badges' source and layers. */
export const STACK_SOURCE = 'stack-badges';
export const STACK_LAYER = { circle: 'stack-badge-circle', count: 'stack-badge-count' } as const;
/** The zoom the badges give way to the fan at (it is half open at FAN_FROM + 1). */
export const STACK_MAXZOOM = FAN_FROM + 1;
/** Where a click on a badge takes the map: the fan fully open. */
export const STACK_EXPAND_ZOOM = FAN_FULL;

/** The schematic points that share one position, as table rows, with that position. */
export interface Stack {
  at: [number, number];
  rows: number[];
}

/**
 * The stacks among the points source's features: those given a place in a fan (`fan`, set by
 * withFans for stacks of two or more), grouped by position, with their table rows.
 */
export function schematicStacks(
  points: FeatureCollection,
  rowOf: ReadonlyMap<string, number>,
): Stack[] {
  const byKey = new Map<string, Stack>();
  for (const f of points.features) {
    if (f.geometry.type !== 'Point' || !f.properties?.fan) continue;
    const row = rowOf.get(String(f.id ?? f.properties.id));
    if (row === undefined) continue;
    const [lng, lat] = f.geometry.coordinates as [number, number];
    const key = `${lng},${lat}`;
    const stack = byKey.get(key) ?? { at: [lng, lat], rows: [] };
    stack.rows.push(row);
    byKey.set(key, stack);
  }
  return [...byKey.values()];
}

/** Feature ids: stack s, count n → s × stride + n, stride above every stack's size. */
export function badgeStride(stacks: readonly Stack[]): number {
  return Math.max(1, ...stacks.map((s) => s.rows.length)) + 1;
}

/** One badge feature per stack and count it can show (2 … size): one is on at a time. */
export function badgeFeatures(stacks: readonly Stack[]): FeatureCollection<Point> {
  const stride = badgeStride(stacks);
  const features: Feature<Point>[] = [];
  stacks.forEach((s, i) => {
    for (let n = 2; n <= s.rows.length; n++)
      features.push({
        type: 'Feature',
        id: i * stride + n,
        geometry: { type: 'Point', coordinates: s.at },
        properties: { n },
      });
  });
  return { type: 'FeatureCollection', features };
}

/** Each stack's points that the filters show (`visible`: the table's flags, 1 = shown). */
export function visibleCounts(stacks: readonly Stack[], visible: ArrayLike<number>): number[] {
  return stacks.map((s) => s.rows.reduce((n, row) => n + (visible[row] ? 1 : 0), 0));
}

/**
 * The badge feature ids to switch on for these counts: none for a stack of fewer than two
 * shown points (one marker alone needs no count).
 */
export function badgesOn(counts: readonly number[], stride: number): Set<number> {
  const on = new Set<number>();
  counts.forEach((n, i) => n >= 2 && on.add(i * stride + n));
  return on;
}

const shown = (): ExpressionSpecification => [
  'case',
  ['boolean', ['feature-state', 'on'], false],
  1,
  0,
];
/**
 * The badge sits beside its stack, up and right, as a tag: over the stack it would hide the
 * zone's own colour at province view, where a zone is some 20 px across (#15 point 5).
 */
export const BADGE_OFFSET: [number, number] = [14, -14];

/** A dark disc with the count in white, beside the stack, below the fan's zoom. */
export function stackLayers(font: string): [CircleLayerSpecification, SymbolLayerSpecification] {
  return [
    {
      id: STACK_LAYER.circle,
      type: 'circle',
      source: STACK_SOURCE,
      maxzoom: STACK_MAXZOOM,
      paint: {
        'circle-radius': ['case', ['>=', ['get', 'n'], 10], 10, 8],
        'circle-translate': BADGE_OFFSET,
        'circle-color': '#1f2328',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
        'circle-opacity': shown(),
        'circle-stroke-opacity': shown(),
      },
    },
    {
      id: STACK_LAYER.count,
      type: 'symbol',
      source: STACK_SOURCE,
      maxzoom: STACK_MAXZOOM,
      layout: {
        'text-field': ['to-string', ['get', 'n']],
        'text-font': [font],
        'text-size': 11,
        'text-offset': [BADGE_OFFSET[0] / 11, BADGE_OFFSET[1] / 11],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff', 'text-opacity': shown() },
    },
  ];
}
