import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildPointTable,
  featureAt,
  hiddenRows,
  isRowVisible,
  pickRow,
  pointRowOf,
  pointVisibility,
  rowsInBox,
  selectionMask,
} from '../../../../src/lib/map/gpu/point-table.ts';
import { toMercator } from '../../../../src/lib/geo/mercator.ts';
import { MASK_WORDS, MAX_CODES } from '../../../../src/lib/map/gpu/mask.ts';
import { pointFeature } from './features.ts';
import { FeatureTable } from '../../../../src/lib/data/table.ts';

const ALL = { park: true, platform: true, project: true, enterprise: true };
const KINDS = ['park', 'platform', 'project', 'enterprise'] as const;

describe('buildPointTable', () => {
  const features = [
    pointFeature('a', [116, 36], 'park', ['bio', 'chem']),
    pointFeature('b', [117, 36.5], 'enterprise', ['chem']),
    pointFeature('c', [118, 37], 'platform', []),
  ];
  const table = buildPointTable(FeatureTable.from(features));

  it('keeps rows in feature order, with positions relative to the origin', () => {
    expect(table.length).toBe(3);
    expect(pointRowOf(table, 'b')).toBe(1);
    expect(featureAt(table, 1)?.id).toBe('b');
    for (let i = 0; i < features.length; i++) {
      const [lng, lat] = features[i]!.geometry.coordinates as [number, number];
      const [x, y] = toMercator(lng, lat);
      expect(table.positions[i * 2]! + table.origin[0]).toBeCloseTo(x, 9);
      expect(table.positions[i * 2 + 1]! + table.origin[1]).toBeCloseTo(y, 9);
      // Relative positions are small, which is what keeps float32 precise.
      expect(Math.abs(table.positions[i * 2]!)).toBeLessThan(0.01);
    }
    expect([...table.kinds]).toEqual([0, 3, 1]);
  });

  it('skips zones (polygons), which are drawn as style layers', () => {
    const zone = {
      ...features[0]!,
      id: 'z',
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [116, 36],
            [116.1, 36],
            [116.1, 36.1],
            [116, 36],
          ] as [number, number][],
        ],
      },
      properties: { ...features[0]!.properties, id: 'z', kind: 'zone' as const },
    };
    const t = buildPointTable(FeatureTable.from([zone, ...features]));
    expect(t.length).toBe(3);
    // Ids find their point row past the zone's feature-table row; the zone has none.
    expect(pointRowOf(t, 'z')).toBe(-1);
    expect(pointRowOf(t, 'a')).toBe(0);
    expect(featureAt(t, 2)?.id).toBe('c');
    expect(pointRowOf(t, 'nobody')).toBe(-1);
  });

  it('records past MAX_CODES codes as overflow instead of giving them a wrong bit', () => {
    const many = Array.from({ length: MAX_CODES + 2 }, (_, i) => `c${i}`);
    const t = buildPointTable(FeatureTable.from([pointFeature('m', [116, 36], 'park', many)]));
    expect(t.codes.size).toBe(MAX_CODES);
    expect(t.overflow).toEqual([`c${MAX_CODES}`, `c${MAX_CODES + 1}`]);
  });

  it('an empty table is valid and picks nothing', () => {
    const t = buildPointTable(FeatureTable.from([]));
    expect(t.length).toBe(0);
    expect(pickRow(t, -1, -1, 1, pointVisibility(t, ALL, []))).toBe(-1);
  });
});

describe('visibility', () => {
  it('agrees with the list’s industry rule for any features and selection', () => {
    const codes = ['a', 'b', 'c', 'd', 'e'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom(...KINDS),
            industries: fc.subarray(codes),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        fc.subarray([...codes, 'unknown']),
        fc.record({
          park: fc.boolean(),
          platform: fc.boolean(),
          project: fc.boolean(),
          enterprise: fc.boolean(),
        }),
        (rows, selected, kinds) => {
          const features = rows.map((r, i) =>
            pointFeature(`p${i}`, [116 + i * 0.01, 36], r.kind, r.industries),
          );
          const table = buildPointTable(FeatureTable.from(features));
          const v = pointVisibility(table, kinds, selected);
          features.forEach((f, i) => {
            const expected =
              kinds[f.properties.kind as (typeof KINDS)[number]] &&
              (selected.length === 0 || f.properties.industries.some((c) => selected.includes(c)));
            expect(isRowVisible(table, i, v)).toBe(expected);
          });
        },
      ),
    );
  });

  it('a selection of codes no point has shows nothing, not everything', () => {
    const table = buildPointTable(
      FeatureTable.from([pointFeature('a', [116, 36], 'park', ['bio'])]),
    );
    const v = pointVisibility(table, ALL, ['nobody-has-this']);
    expect(v.none).toBe(true);
    expect(isRowVisible(table, 0, v)).toBe(false);
    expect([...selectionMask(table, ['bio'])]).toEqual([1, 0, 0, 0].slice(0, MASK_WORDS));
  });
});

describe('hiddenRows (the map as of a year)', () => {
  const table = buildPointTable(
    FeatureTable.from([
      pointFeature('old', [116, 36], 'park', ['bio']),
      pointFeature('new', [116.5, 36], 'park', ['bio']),
    ]),
  );

  it('hides the rows of the given ids, from drawing and from picking', () => {
    const hidden = hiddenRows(table, ['new', 'not-a-point']);
    expect([...(hidden ?? [])]).toEqual([0, 1]);
    const v = pointVisibility(table, ALL, ['bio'], hidden);
    expect(isRowVisible(table, 0, v)).toBe(true);
    expect(isRowVisible(table, 1, v)).toBe(false);
    const [x, y] = toMercator(116.5, 36);
    expect(pickRow(table, x, y, 1e-4, v)).toBe(-1);
    expect(pickRow(table, x, y, 1e-4, pointVisibility(table, ALL, []))).toBe(1);
  });

  it('nothing to hide gives no mask, and every row stays visible', () => {
    expect(hiddenRows(table, [])).toBeNull();
    const v = pointVisibility(table, ALL, []);
    expect([0, 1].map((i) => isRowVisible(table, i, v))).toEqual([true, true]);
  });
});

describe('picking and boxes', () => {
  const features = [
    pointFeature('near', [116, 36], 'park', ['bio']),
    pointFeature('far', [116.5, 36], 'park', ['chem']),
    pointFeature('same-place-later', [116, 36], 'enterprise', ['chem']),
  ];
  const table = buildPointTable(FeatureTable.from(features));
  const [x, y] = toMercator(116.0001, 36);
  const r = 1e-4;

  it('picks the nearest shown point; of two at one place, the one drawn on top (last)', () => {
    expect(pickRow(table, x, y, r, pointVisibility(table, ALL, []))).toBe(2);
    expect(pickRow(table, x, y, r, pointVisibility(table, ALL, ['bio']))).toBe(0);
    expect(pickRow(table, x, y, r, pointVisibility(table, { ...ALL, park: false }, ['bio']))).toBe(
      -1,
    );
  });

  it('finds nothing outside the radius', () => {
    const [fx, fy] = toMercator(116.25, 36);
    expect(pickRow(table, fx, fy, r, pointVisibility(table, ALL, []))).toBe(-1);
  });

  it('lists the shown rows in a box, up to a limit', () => {
    const [x0, y0] = toMercator(115.9, 36.1);
    const [x1, y1] = toMercator(116.1, 35.9);
    const v = pointVisibility(table, ALL, []);
    expect(rowsInBox(table, [x0, y0, x1, y1], v, 10).sort()).toEqual([0, 2]);
    expect(rowsInBox(table, [x0, y0, x1, y1], v, 1)).toHaveLength(1);
    expect(rowsInBox(table, [x0, y0, x1, y1], pointVisibility(table, ALL, ['chem']), 10)).toEqual([
      2,
    ]);
  });
});
