import { describe, expect, it } from 'vitest';
import { toMercator } from '../../../src/lib/geo/mercator.ts';
import {
  IMPORTED_VISIBILITY,
  hiddenByCategory,
  importedColors,
  importedRows,
  nearestRow,
} from '../../../src/lib/map/imported-points.ts';
import {
  CLASS_NO_DATA,
  NO_CATEGORY,
  type ClassedPoints,
} from '../../../src/lib/scales/classed-points.ts';
import { NO_DATA_COLOR } from '../../../src/lib/scales/classify.ts';

/** Points at [lng, lat] with the given classes (and categories), relative to the first one. */
function points(
  coords: [number, number][],
  classes: number[],
  categories: number[] | null = null,
  categoryValues: string[] = [],
): ClassedPoints {
  const origin = toMercator(...coords[0]!);
  const positions = new Float32Array(
    coords.flatMap(([lng, lat]) => {
      const [x, y] = toMercator(lng, lat);
      return [x - origin[0], y - origin[1]];
    }),
  );
  return {
    kind: 'points',
    origin,
    positions,
    classes: Uint8Array.from(classes),
    categories: categories && Uint8Array.from(categories),
    categoryValues,
  };
}

describe('imported points on the GPU layer', () => {
  const three = points(
    [
      [115.4, 35.2],
      [115.41, 35.2],
      [115.5, 35.3],
    ],
    [0, 0, 1],
    [0, 1, NO_CATEGORY],
    ['省级', '市级'],
  );

  it('draws every point, on a zero mask', () => {
    const rows = importedRows(three);
    const shown = [...rows.kinds].map((k) => (IMPORTED_VISIBILITY.kinds & (1 << k)) !== 0);
    expect(shown).toEqual([true, true, true]);
    // No industries: the layer draws them with a constant zero mask.
    expect(rows.masks).toBeUndefined();
  });

  it('hides the points of the categories not shown, and those with none', () => {
    expect(hiddenByCategory(three, null)).toBeNull();
    expect([...hiddenByCategory(three, ['省级'])!]).toEqual([0, 1, 1]);
    expect([...hiddenByCategory(three, ['市级', '省级'])!]).toEqual([0, 0, 1]);
    expect([...hiddenByCategory(three, [])!]).toEqual([1, 1, 1]);
    // A value no point has changes nothing; a drawing without categories hides all when filtered.
    expect([...hiddenByCategory(three, ['国家级', '市级'])!]).toEqual([1, 0, 1]);
    const plain = points([[115.4, 35.2]], [0]);
    expect([...hiddenByCategory(plain, ['省级'])!]).toEqual([1]);
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
    const hidden = hiddenByCategory(three, ['省级']);
    expect(nearestRow(three, hidden, toMercator(115.4, 35.2), zoom)).toBe(0);
    // The third point has no category: hidden while the layer is filtered, found when it is not.
    expect(nearestRow(three, hidden, toMercator(115.5, 35.3), zoom)).toBe(-1);
    expect(nearestRow(three, null, toMercator(115.5, 35.3), zoom)).toBe(2);
    // The hidden point is ~900 m from the first: at zoom 14 that is ~90 px, too far for either.
    expect(nearestRow(three, hidden, toMercator(115.41, 35.2), zoom)).toBe(-1);
    expect(nearestRow(three, null, toMercator(115.41, 35.2), zoom)).toBe(1);
    // Zoomed out to 8 the first point is ~1.4 px away: it is the one hit.
    expect(nearestRow(three, hidden, toMercator(115.41, 35.2), 8)).toBe(0);
  });
});
