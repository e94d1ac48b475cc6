import { describe, expect, it, vi } from 'vitest';

describe('the lazy scales (d3-scale and the palettes)', () => {
  it('are refused until loaded, then give the scales and the six ColorBrewer schemes', async () => {
    // A fresh copy of the module: other test files load the scales in their setup.
    vi.resetModules();
    const lib = await import('../../../src/lib/scales/scale-lib.ts');
    const { classify } = await import('../../../src/lib/scales/classify.ts');
    expect(lib.scalesReady()).toBe(false);
    expect(() => lib.scaleLib()).toThrow(/loadScales/);
    expect(() => classify([1, 2, 3, 4], 'quantile', 3)).toThrow(/loadScales/);
    await lib.loadScales();
    expect(lib.scalesReady()).toBe(true);
    expect(Object.keys(lib.scaleLib().schemes)).toHaveLength(6);
    expect(classify([1, 2, 3, 4], 'quantile', 3).colors).toHaveLength(3);
  });
});
