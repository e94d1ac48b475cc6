import { describe, expect, it } from 'vitest';
import {
  POINT_RADIUS,
  pointRadius,
  relativeToOrigin,
} from '../../../../src/lib/map/gpu/points-layer.ts';

describe('pointRadius', () => {
  it('grows linearly from zoom 6 to 12 and stays constant outside', () => {
    const [r6, r12] = POINT_RADIUS.park;
    expect(pointRadius('park', 3)).toBe(r6);
    expect(pointRadius('park', 6)).toBe(r6);
    expect(pointRadius('park', 9)).toBeCloseTo((r6 + r12) / 2);
    expect(pointRadius('park', 12)).toBe(r12);
    expect(pointRadius('park', 16)).toBe(r12);
    expect(pointRadius('enterprise', 9)).toBeLessThan(pointRadius('park', 9));
  });
});

/** Column-major 4×4 times a vector. */
function apply(m: ArrayLike<number>, v: [number, number, number, number]): number[] {
  return [0, 1, 2, 3].map(
    (r) => m[r]! * v[0] + m[4 + r]! * v[1] + m[8 + r]! * v[2] + m[12 + r]! * v[3],
  );
}

describe('relativeToOrigin', () => {
  it('maps an offset from the origin where the full matrix maps the absolute position', () => {
    // A zoom-16 view matrix: scale 512 × 2^16 px per world unit, looking at Shandong.
    const s = 512 * 2 ** 16;
    const m = new Float64Array([
      s / 640,
      0,
      0,
      0,
      0,
      -s / 400,
      0,
      0,
      0,
      0,
      1,
      0,
      -0.8261 * (s / 640),
      0.3967 * (s / 400),
      0,
      1,
    ]);
    const origin: [number, number] = [0.8261, 0.3967];
    const abs: [number, number] = [0.82611234, 0.39664321];
    const rel = relativeToOrigin(m, origin);
    const a = apply(m, [abs[0], abs[1], 0, 1]);
    const b = apply(rel, [Math.fround(abs[0] - origin[0]), Math.fround(abs[1] - origin[1]), 0, 1]);
    // Within a hundredth of a clip unit per pixel scale: no visible jitter at zoom 16.
    expect(b[0]).toBeCloseTo(a[0]!, 3);
    expect(b[1]).toBeCloseTo(a[1]!, 3);
  });
});
