import type { Feature, FeatureCollection, Geometry } from 'geojson';

export type Bounds = [west: number, south: number, east: number, north: number];

/**
 * [west, south, east, north] of every position (Infinity, -Infinity… when there are none). Ours
 * rather than @turf/bbox, whose coordinate walker is a kilobyte of the main bundle for this.
 */
export function boundsOf(value: Geometry | Feature | FeatureCollection): Bounds {
  const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  const stack: unknown[] = [value];
  // One by one: spreading a 600,000-feature array into push() overflows the call stack.
  const pushAll = (items: unknown) => {
    for (const item of items as unknown[]) stack.push(item);
  };
  while (stack.length > 0) {
    const v = stack.pop() as Record<string, unknown> | unknown[] | null;
    if (!v || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      if (typeof v[0] === 'number' && typeof v[1] === 'number') {
        const [x, y] = v as [number, number];
        [b[0], b[1], b[2], b[3]] = [
          Math.min(b[0], x),
          Math.min(b[1], y),
          Math.max(b[2], x),
          Math.max(b[3], y),
        ];
      } else pushAll(v);
    } else if ('features' in v) pushAll(v.features);
    else if ('geometry' in v) stack.push(v.geometry);
    else if ('geometries' in v) pushAll(v.geometries);
    else if ('coordinates' in v) stack.push(v.coordinates);
  }
  return b;
}
