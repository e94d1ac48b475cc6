import { describe, expect, it } from 'vitest';
import { expression } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection } from 'geojson';
import {
  FAN_FROM,
  FAN_FULL,
  MARKER_SCALE,
  fanOffset,
  fanOffsetPx,
  sunflower,
  withFans,
  zoomScale,
} from '../../../src/lib/map/schematic.ts';
import { dataStyleLayers } from '../../../src/lib/map/style/data-layers.ts';
import { defaultTheme } from '../../../src/lib/map/style/theme.ts';

const point = (id: string, kind: string, at: [number, number]): Feature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: at },
  properties: { id, kind },
});

const stack = (n: number): FeatureCollection => ({
  type: 'FeatureCollection',
  features: Array.from({ length: n }, (_, i) =>
    point(`p${String(i).padStart(2, '0')}`, i % 2 ? 'park' : 'enterprise', [115.4, 35.2]),
  ),
});

describe('schematic positions: points known only to their zone', () => {
  it('fan out so that no two markers of a 55-point stack overlap', () => {
    const at = Array.from({ length: 55 }, (_, k) => sunflower(k));
    for (let i = 0; i < at.length; i++)
      for (let j = i + 1; j < at.length; j++) {
        const d = Math.hypot(at[i]![0] - at[j]![0], at[i]![1] - at[j]![1]);
        // 48 px images at pixel ratio 2: a park marker is ~18 px wide at scale 0.75.
        expect(d).toBeGreaterThan(18);
      }
  });

  it('never on a grid: no row or column holds more than two of them', () => {
    const at = Array.from({ length: 55 }, (_, k) => sunflower(k));
    const rows = new Map<number, number>();
    const cols = new Map<number, number>();
    for (const [x, y] of at) {
      rows.set(Math.round(y), (rows.get(Math.round(y)) ?? 0) + 1);
      cols.set(Math.round(x), (cols.get(Math.round(x)) ?? 0) + 1);
    }
    expect(Math.max(...rows.values())).toBeLessThanOrEqual(2);
    expect(Math.max(...cols.values())).toBeLessThanOrEqual(2);
  });

  it('marks schematic points, fans only those that share a point, in a stable order', () => {
    const c = stack(3);
    c.features.push(point('alone', 'park', [116, 36]), point('exact', 'park', [115.4, 35.2]));
    const out = withFans(c, (f) => f.id !== 'exact');
    const props = (id: string) => out.features.find((f) => f.id === id)!.properties!;
    expect(props('p00').fan).toEqual(sunflower(0).map((v) => v / MARKER_SCALE.enterprise));
    expect(props('p01').fan).toEqual(sunflower(1).map((v) => v / MARKER_SCALE.park));
    expect(props('alone')).toMatchObject({ schematic: true });
    expect(props('alone').fan).toBeUndefined();
    expect(props('exact').schematic).toBeUndefined();
    // The input order does not change who goes where.
    const reversed = withFans(
      { ...c, features: [...c.features].reverse() },
      (f) => f.id !== 'exact',
    );
    const again = reversed.features.find((f) => f.id === 'p01')!.properties!;
    expect(again.fan).toEqual(props('p01').fan);
  });

  it('the style’s icon-offset and fanOffsetPx agree at every zoom', () => {
    const compiled = expression.createExpression(fanOffset, {
      type: 'array',
      value: 'number',
      length: 2,
      'property-type': 'data-driven',
      expression: { interpolated: true, parameters: ['zoom', 'feature'] },
    } as never);
    if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
    const fan: [number, number] = [30, -40];
    for (const zoom of [6, FAN_FROM, 10, FAN_FULL, 13]) {
      const offset = compiled.value.evaluate({ zoom }, {
        type: 'Point',
        properties: { fan },
      } as never) as number[];
      // icon-offset × icon-size = pixels (the style's icon-size is scale × zoomScale).
      const size = MARKER_SCALE.park * zoomScale(zoom);
      const px = fanOffsetPx(fan, 'park', zoom);
      expect(offset[0]! * size).toBeCloseTo(px[0], 6);
      expect(offset[1]! * size).toBeCloseTo(px[1], 6);
    }
    expect(fanOffsetPx(fan, 'park', FAN_FROM - 1).map(Math.abs)).toEqual([0, 0]);
  });

  it('draws schematic points with hollow markers, offset in their fan', () => {
    const layer = dataStyleLayers(defaultTheme, []).find((l) => l.id === 'points-park')!;
    expect(JSON.stringify(layer.layout)).toContain('marker-park-schematic');
    expect(layer.layout).toMatchObject({ 'icon-offset': fanOffset });
    const size = (layer.layout as { 'icon-size': unknown[] })['icon-size'];
    expect(size).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      6,
      MARKER_SCALE.park * zoomScale(6),
      12,
      MARKER_SCALE.park * zoomScale(12),
    ]);
  });
});
