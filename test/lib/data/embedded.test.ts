import { describe, expect, it } from 'vitest';
import { embedded, resolveDataUrls } from '../../../src/lib/data/embedded.ts';

const at = (href: string) => {
  const u = new URL(href);
  return { href: u.href, origin: u.origin, search: u.search };
};

describe('resolveDataUrls', () => {
  it('uses the embedded data by default: four zone files', () => {
    expect(resolveDataUrls(at('http://127.0.0.1:5173/'))).toBe(embedded);
    expect(Object.keys(embedded.zoneUrls).sort()).toEqual([
      'dezhou-etdz.geojson',
      'heze-hitech.geojson',
      'jiaozhou.geojson',
      'jining-hitech.geojson',
    ]);
  });

  it('loads a same-origin file named by ?data= instead', () => {
    const urls = resolveDataUrls(at('http://127.0.0.1:5173/?data=/bench/points-10k.geojson'));
    expect(urls.zoneUrls).toEqual({
      'points-10k.geojson': 'http://127.0.0.1:5173/bench/points-10k.geojson',
    });
    expect(urls.notes).toBeUndefined();
  });

  it('refuses another origin, and says so', () => {
    const urls = resolveDataUrls(at('http://127.0.0.1:5173/?data=https://example.com/x.geojson'));
    expect(urls.zoneUrls).toBe(embedded.zoneUrls);
    expect(urls.notes?.[0]?.message).toMatch(/https:\/\/example\.com.*own origin/);
  });
});

describe('resolveDataUrls with ?tiles=', () => {
  it('reads points from a same-origin archive and loads no zone file', () => {
    const urls = resolveDataUrls(at('http://127.0.0.1:5173/?tiles=/bench/points-1m.pmtiles'));
    expect(urls.tilesUrl).toBe('http://127.0.0.1:5173/bench/points-1m.pmtiles');
    expect(urls.zoneUrls).toEqual({});
    expect(urls.basemapUrl).toBe(embedded.basemapUrl);
  });

  it('refuses an archive on another site: embedded data, and a note saying why', () => {
    const urls = resolveDataUrls(at('http://127.0.0.1:5173/?tiles=https://example.com/x.pmtiles'));
    expect(urls.tilesUrl).toBeUndefined();
    expect(urls.zoneUrls).toBe(embedded.zoneUrls);
    expect(urls.notes).toEqual([
      {
        source: '?tiles=',
        path: '',
        message:
          'https://example.com is another site; this app loads data from its own origin only',
      },
    ]);
  });

  it('refuses a value that is not a URL', () => {
    const urls = resolveDataUrls(at('http://127.0.0.1:5173/?tiles=http://%5B'));
    expect(urls.tilesUrl).toBeUndefined();
    expect(urls.notes?.[0]?.message).toMatch(/is not a URL/);
  });
});
