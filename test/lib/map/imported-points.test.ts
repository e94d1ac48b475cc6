import { describe, expect, it } from 'vitest';
import { toMercator } from '../../../src/lib/geo/mercator.ts';
import {
  IMPORTED_VISIBILITY,
  importedColors,
  importedRows,
  nearestRow,
} from '../../../src/lib/map/imported-points.ts';
import {
  CLASS_HIDDEN,
  CLASS_NO_DATA,
  type ClassedPoints,
} from '../../../src/lib/scales/classed-points.ts';
import { NO_DATA_COLOR } from '../../../src/lib/scales/classify.ts';

/** Points at [lng, lat] with the given classes, relative to the first one. */
function points(coords: [number, number][], classes: number[]): ClassedPoints {
  const origin = toMercator(...coords[0]!);
  const positions = new Float32Array(
    coords.flatMap(([lng, lat]) => {
      const [x, y] = toMercator(lng, lat);
      return [x - origin[0], y - origin[1]];
    }),
  );
  return { kind: 'points', origin, positions, classes: Uint8Array.from(classes) };
}

describe('imported points on the GPU layer', () => {
  const three = points(
    [
      [115.4, 35.2],
      [115.41, 35.2],
      [115.5, 35.3],
    ],
    [0, CLASS_HIDDEN, 1],
  );

  it('leaves filtered-out points off and draws the rest', () => {
    const rows = importedRows(three);
    const shown = [...rows.kinds].map((k) => (IMPORTED_VISIBILITY.kinds & (1 << k)) !== 0);
    expect(shown).toEqual([true, false, true]);
    // No industries: the layer draws them with a constant zero mask.
    expect(rows.masks).toBeUndefined();
  });

  it('colours each point by its class, the missing ones grey', () => {
    const colors = importedColors(
      points(
        [
          [0, 0],
          [1, 1],
          [2, 2],
        ],
        [1, CLASS_NO_DATA, 0],
      ),
      ['#ff0000', '#00ff00'],
    );
    expect([...colors]).toEqual([0, 255, 0, 255, 217, 217, 217, 255, 255, 0, 0, 255]);
    expect(NO_DATA_COLOR).toBe('#d9d9d9');
  });

  it('finds the shown point under the pointer, never a hidden one', () => {
    const zoom = 14;
    expect(nearestRow(three, toMercator(115.4, 35.2), zoom)).toBe(0);
    expect(nearestRow(three, toMercator(115.5, 35.3), zoom)).toBe(2);
    // The hidden point is ~900 m from the first: at zoom 14 that is ~90 px, too far for either.
    expect(nearestRow(three, toMercator(115.41, 35.2), zoom)).toBe(-1);
    // Zoomed out to 8 the first point is ~1.4 px away: it is the one hit.
    expect(nearestRow(three, toMercator(115.41, 35.2), 8)).toBe(0);
  });
});
