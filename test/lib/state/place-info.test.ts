import { describe, expect, it } from 'vitest';
import { keepPlace, placeInfo } from '../../../src/lib/state/place-info.ts';
import { placeToken } from '../../../src/lib/state/place.ts';

describe('what this device knows of imported places', () => {
  it('remembers a place’s layer and properties, and nothing of others', () => {
    const token = placeToken({ name: 'Depot', at: [115.4, 35.2] });
    keepPlace(token, { layer: 'My sites', properties: { area: 12 } });
    expect(placeInfo(token)).toEqual({ layer: 'My sites', properties: { area: 12 } });
    expect(placeInfo(placeToken({ name: 'Other', at: [115.4, 35.2] }))).toBeNull();
  });
});
