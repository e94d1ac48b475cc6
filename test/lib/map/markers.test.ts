import { describe, expect, it } from 'vitest';
import {
  kindShape,
  markerImage,
  markerSdf,
  type MarkerShape,
} from '../../../src/lib/map/markers.ts';
import { POINT_KINDS } from '../../../src/lib/map/ids.ts';

const alphaAt = (img: ReturnType<typeof markerSdf>, x: number, y: number) =>
  img.data[(y * img.width + x) * 4 + 3] ?? -1;
/** Pixels MapLibre paints for an SDF icon: alpha at or above the 0.75 edge. */
const painted = (img: ReturnType<typeof markerSdf>) => {
  let n = 0;
  for (let i = 3; i < img.data.length; i += 4) if ((img.data[i] ?? 0) >= 191) n++;
  return n;
};

describe('markerSdf', () => {
  const shapes: MarkerShape[] = ['circle', 'diamond', 'triangle', 'square'];

  it.each(shapes)('%s is opaque at its centre and transparent at the corners', (shape) => {
    const img = markerSdf(shape, 32);
    expect(img.data.length).toBe(32 * 32 * 4);
    expect(alphaAt(img, 16, 17)).toBeGreaterThanOrEqual(191);
    expect(alphaAt(img, 0, 0)).toBe(0);
    expect(alphaAt(img, 31, 31)).toBe(0);
  });

  it('gives each kind a different shape, with different footprints', () => {
    const used = POINT_KINDS.map((k) => kindShape[k]);
    expect(new Set(used).size).toBe(POINT_KINDS.length);
    const areas = shapes.map((s) => painted(markerSdf(s, 48)));
    expect(new Set(areas).size).toBe(shapes.length);
  });

  it('points the triangle up: wider at the bottom than at the top', () => {
    const img = markerSdf('triangle', 48);
    const width = (y: number) => {
      let n = 0;
      for (let x = 0; x < 48; x++) if (alphaAt(img, x, y) >= 191) n++;
      return n;
    };
    expect(width(30)).toBeGreaterThan(width(16));
  });
});

describe('markerImage', () => {
  it('gives the solid and the hollow marker of each kind, and nothing for other ids', () => {
    const solid = markerImage('marker-park')!;
    const hollow = markerImage('marker-park-schematic')!;
    // The centre is filled in the solid marker and empty in the hollow one; both have the edge.
    expect(alphaAt(solid, 24, 24)).toBe(255);
    expect(alphaAt(hollow, 24, 24)).toBe(0);
    expect(alphaAt(hollow, 24, 24 - 15)).toBeGreaterThan(191);
    expect(markerImage('marker-unknown')).toBeNull();
  });
});
