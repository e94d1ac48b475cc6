import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPlace, MAX_PLACE_NAME, parsePlace, placeToken } from '../../../src/lib/state/place.ts';

describe('place tokens', () => {
  it('are told apart from dataset ids', () => {
    expect(isPlace('heze-hitech')).toBe(false);
    expect(isPlace(placeToken({ name: 'x', at: [115, 35] }))).toBe(true);
  });

  it('keep any name and the position to about a metre', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -90, max: 90, noNaN: true }),
        (name, lng, lat) => {
          const token = placeToken({ name, at: [lng, lat] });
          expect(token.split(',')).toHaveLength(1);
          expect(token.split('/')).toHaveLength(3);
          const back = parsePlace(token);
          expect(back?.name).toBe(name.trim());
          expect(Math.abs((back?.at[0] ?? NaN) - lng)).toBeLessThanOrEqual(5e-6);
          expect(Math.abs((back?.at[1] ?? NaN) - lat)).toBeLessThanOrEqual(5e-6);
        },
      ),
    );
  });

  it('cut a long name and name a blank one', () => {
    const long = parsePlace(placeToken({ name: '园'.repeat(500), at: [1, 2] }));
    expect(long?.name).toHaveLength(MAX_PLACE_NAME);
    expect(parsePlace(placeToken({ name: '  ', at: [1, 2] }))?.name).toBe('?');
  });

  it('refuse what is not one', () => {
    for (const bad of ['heze', '91/0/x', '0/181/x', 'a/b/c', '1/2/', '1/2/x/y', '1/2/%E4'])
      expect(parsePlace(bad), bad).toBeNull();
  });
});
