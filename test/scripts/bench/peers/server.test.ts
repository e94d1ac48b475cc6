import { describe, expect, it } from 'vitest';
import { resolvePath } from '../../../../scripts/bench/peers/server.ts';

describe('peer page server paths', () => {
  const roots = { '/pages/': '/srv/pages', '/data/': '/srv/data' };

  it('maps a prefix to its directory', () => {
    expect(resolvePath(roots, '/pages/kepler.html')).toBe('/srv/pages/kepler.html');
    expect(resolvePath(roots, '/data/parks-1000.geojson')).toBe('/srv/data/parks-1000.geojson');
  });

  it('serves nothing outside the roots', () => {
    expect(resolvePath(roots, '/etc/passwd')).toBeNull();
    expect(resolvePath(roots, '/pages/../../etc/passwd')).toBeNull();
    expect(resolvePath(roots, '/pages/')).toBeNull();
  });
});
