import { describe, expect, it } from 'vitest';
import { featureHash, withCameraOnSelected } from '../../src/app/links.ts';
import { defaultView } from '../../src/lib/state/view.ts';
import { pointFeature } from '../lib/map/gpu/features.ts';

const park = pointFeature('p', [116.1, 35.2], 'park', []);
const featureOf = (id: string) => (id === 'p' ? park : null);

describe('withCameraOnSelected', () => {
  it('opens a link that names a feature but no view centred on the feature', () => {
    const view = withCameraOnSelected({ ...defaultView(), selected: 'p' }, featureOf);
    expect(view.camera).toEqual({ zoom: 13, lat: 35.2, lng: 116.1, bearing: 0, pitch: 0 });
    expect(view.selected).toBe('p');
  });

  it('the same camera a copied feature link carries', () => {
    const view = withCameraOnSelected({ ...defaultView(), selected: 'p' }, featureOf);
    expect(featureHash(park, 'zh')).toContain(`map=13/35.2/116.1`);
    expect(view.camera?.zoom).toBe(13);
  });

  it('keeps the camera a link gives, and changes nothing for an unknown or no feature', () => {
    const camera = { zoom: 8, lat: 36, lng: 118, bearing: 0, pitch: 0 };
    const given = { ...defaultView(), selected: 'p', camera };
    expect(withCameraOnSelected(given, featureOf)).toBe(given);
    const unknown = { ...defaultView(), selected: 'nobody' };
    expect(withCameraOnSelected(unknown, featureOf)).toBe(unknown);
    const none = defaultView();
    expect(withCameraOnSelected(none, featureOf)).toBe(none);
  });
});
