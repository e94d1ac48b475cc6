import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embeddedZoneUrls } from '../../../src/lib/source/embedded.ts';
import { openPage, openSource, requestFromLocation } from '../../../src/lib/source/open.ts';

const at = (href: string) => {
  const u = new URL(href);
  return { href: u.href, origin: u.origin, search: u.search };
};

describe('requestFromLocation', () => {
  it('uses the embedded data by default: one file per zone in data/zones/', () => {
    expect(requestFromLocation(at('http://127.0.0.1:5173/'))).toEqual({
      request: { type: 'embedded' },
      notes: [],
    });
    const files = readdirSync(new URL('../../../data/zones/', import.meta.url));
    expect(Object.keys(embeddedZoneUrls).sort()).toEqual(
      files.filter((f) => f.endsWith('.geojson')).sort(),
    );
  });

  it('loads a same-origin file named by ?data= instead', () => {
    const { request, notes } = requestFromLocation(
      at('http://127.0.0.1:5173/?data=/bench/points-10k.geojson'),
    );
    expect(request).toEqual({
      type: 'geojson',
      url: 'http://127.0.0.1:5173/bench/points-10k.geojson',
    });
    expect(notes).toEqual([]);
  });

  it('hands a file in another format to the importer, over the embedded data', () => {
    for (const file of ['parks.csv', 'parks.zip', 'route.kml', 'w.gpx', 'a.topojson']) {
      const { request } = requestFromLocation(at(`http://127.0.0.1:5173/?data=/x/${file}`));
      expect(request).toEqual({ type: 'import', url: `http://127.0.0.1:5173/x/${file}` });
    }
  });

  it('opens the embedded data for a file on another site, and names it for the page to ask', () => {
    const { request, notes, remote } = requestFromLocation(
      at('http://127.0.0.1:5173/?data=https://example.com/x.geojson'),
    );
    expect(request).toEqual({ type: 'embedded' });
    expect(remote).toBe('https://example.com/x.geojson');
    expect(notes).toEqual([]);
  });

  it('refuses a data URL that is not http(s), and says so', () => {
    const { request, notes, remote } = requestFromLocation(
      at('http://127.0.0.1:5173/?data=ftp://example.com/x.csv'),
    );
    expect(request).toEqual({ type: 'embedded' });
    expect(remote).toBeUndefined();
    expect(notes[0]?.message).toBe(
      'ftp://example.com/x.csv is another site; this app loads data from its own origin only',
    );
  });

  it('reads points from a same-origin archive named by ?tiles=', () => {
    const { request } = requestFromLocation(
      at('http://127.0.0.1:5173/?tiles=/bench/points-1m.pmtiles'),
    );
    expect(request).toEqual({
      type: 'tiles',
      url: 'http://127.0.0.1:5173/bench/points-1m.pmtiles',
    });
  });

  it('refuses an archive on another site: embedded data, and a note saying why', () => {
    const { request, notes } = requestFromLocation(
      at('http://127.0.0.1:5173/?tiles=https://example.com/x.pmtiles'),
    );
    expect(request).toEqual({ type: 'embedded' });
    expect(notes).toEqual([
      {
        source: '?tiles=',
        path: '',
        message:
          'https://example.com is another site; this app loads data from its own origin only',
      },
    ]);
  });

  it('refuses a value that is not a URL', () => {
    const { request, notes } = requestFromLocation(at('http://127.0.0.1:5173/?tiles=http://%5B'));
    expect(request).toEqual({ type: 'embedded' });
    expect(notes[0]?.message).toMatch(/is not a URL/);
  });
});

/** A fetch over the repository's own files: `/data/…` is read from disk, anything else is 404. */
const files: typeof fetch = async (input) => {
  const url = new URL(String(input));
  try {
    const text = readFileSync(new URL(`../../..${url.pathname}`, import.meta.url), 'utf8');
    return new Response(text, { status: 200 });
  } catch {
    return new Response('', { status: 404, statusText: 'Not Found' });
  }
};

const industriesUrl = 'http://app.test/data/industries.json';

describe('openSource', () => {
  it('a GeoJSON URL: every valid feature in one table, with every capability but none lost', async () => {
    const source = await openSource(
      { type: 'geojson', url: 'http://app.test/data/zones/heze-hitech.geojson' },
      { industriesUrl, fetchImpl: files },
    );
    const raw = JSON.parse(
      readFileSync(new URL('../../../data/zones/heze-hitech.geojson', import.meta.url), 'utf8'),
    ) as { features: { id: string }[] };
    expect(source.name).toBe('heze-hitech.geojson');
    expect(source.capabilities).toEqual({ allFeatures: true, districts: true, linkable: true });
    expect(source.issues).toEqual([]);
    expect(source.table.ids).toEqual(raw.features.map((f) => f.id));
    expect(source.industries.length).toBeGreaterThan(0);
    expect(source.feature(raw.features[0]!.id)?.id).toBe(raw.features[0]!.id);
  });

  it('a missing file: an empty source whose issue names the URL and the HTTP status', async () => {
    const source = await openSource(
      { type: 'geojson', url: 'http://app.test/data/zones/nope.geojson' },
      { industriesUrl, fetchImpl: files },
    );
    expect(source.table.length).toBe(0);
    expect(source.issues).toEqual([
      {
        source: 'http://app.test/data/zones/nope.geojson',
        path: '',
        message: 'HTTP 404 Not Found',
      },
    ]);
  });

  it('a local file: read as text, never linkable, a broken one reported with its line', async () => {
    const good = new File(
      [readFileSync(new URL('../../../data/zones/jiaozhou.geojson', import.meta.url))],
      'mine.geojson',
    );
    const source = await openSource(
      { type: 'file', file: good },
      { industriesUrl, fetchImpl: files },
    );
    expect(source.capabilities.linkable).toBe(false);
    expect(source.table.length).toBeGreaterThan(0);
    const broken = new File(['{"type": "FeatureCollection",\n "features": [}'], 'broken.geojson');
    const bad = await openSource(
      { type: 'file', file: broken },
      { industriesUrl, fetchImpl: files },
    );
    expect(bad.table.length).toBe(0);
    expect(bad.issues[0]).toMatchObject({ source: 'broken.geojson' });
    expect(bad.issues[0]?.message).toMatch(/line 2/);
  });

  it('notes on the request come first in the issues', async () => {
    const note = { source: '?data=', path: '', message: 'refused' };
    const source = await openSource(
      { type: 'geojson', url: 'http://app.test/data/zones/jiaozhou.geojson' },
      { industriesUrl, fetchImpl: files, notes: [note] },
    );
    expect(source.issues[0]).toEqual(note);
  });
});

describe('openSource: which data is checked with the schema', () => {
  /** `files`, resolving the root-relative URLs Vite gives the embedded files. */
  const app: typeof fetch = (input) => files(new URL(String(input), 'http://app.test/'));

  it('the embedded data, read as trusted, gives what checking every file gives', async () => {
    const embedded = await openSource({ type: 'embedded' }, { industriesUrl, fetchImpl: app });
    expect(embedded.issues).toEqual([]);
    const checked = await Promise.all(
      Object.keys(embeddedZoneUrls).map((name) =>
        openSource(
          { type: 'geojson', url: `http://app.test/data/zones/${name}` },
          { industriesUrl, fetchImpl: app },
        ),
      ),
    );
    const ids = checked.flatMap((s) => s.table.ids);
    expect([...embedded.table.ids].sort()).toEqual([...ids].sort());
    for (const s of checked) {
      expect(s.issues).toEqual([]);
      for (const id of s.table.ids) expect(embedded.feature(id)).toStrictEqual(s.feature(id));
    }
    expect(embedded.industries).toEqual(checked[0]?.industries);
  });

  it('a ?data= file is still checked: a feature against the schema is dropped, located', async () => {
    const raw = JSON.parse(
      readFileSync(new URL('../../../data/zones/jiaozhou.geojson', import.meta.url), 'utf8'),
    ) as { features: { properties: Record<string, unknown> }[] };
    delete raw.features[1]!.properties.sources;
    const served: typeof fetch = async (input) =>
      String(input).endsWith('/mine.geojson')
        ? new Response(JSON.stringify(raw), { status: 200 })
        : files(input);
    const source = await openSource(
      { type: 'geojson', url: 'http://app.test/x/mine.geojson' },
      { industriesUrl, fetchImpl: served },
    );
    expect(source.table.length).toBe(raw.features.length - 1);
    expect(source.issues).toEqual([
      {
        source: 'mine.geojson',
        path: 'features[1].properties.sources',
        message: expect.any(String),
      },
    ]);
  });
});

describe('openPage', () => {
  const fetchLocal: typeof fetch = async (input) => {
    const url = new URL(String(input), 'http://127.0.0.1:5173/');
    const path = decodeURIComponent(url.pathname).replace(/^\/@fs/, '');
    return new Response(readFileSync(path.startsWith('/work') ? path : `.${path}`));
  };
  const options = { industriesUrl: '/data/industries.json', fetchImpl: fetchLocal };
  const file = (name: string, text: string) => new File([text], name);

  it('opens a file in the dataset’s schema as the dataset, sources and figures kept', async () => {
    const text = readFileSync('test/fixtures/import/own-schema.geojson', 'utf8');
    const opened = await openPage(file('own.geojson', text), options);
    expect(opened.ownFile).toBe('own.geojson');
    expect(opened.importFile).toBeNull();
    expect(opened.source.table.length).toBe(3);
    const zone = opened.source.feature('heze-hitech');
    expect(zone?.properties.figures.length).toBeGreaterThan(0);
    expect(zone?.properties.sources[0]?.quote).toBeTruthy();
  });

  it('imports a file of which nothing fits the schema as a layer, over the embedded data', async () => {
    const text = readFileSync('test/fixtures/import/plain-parks.geojson', 'utf8');
    const f = file('plain.geojson', text);
    const opened = await openPage(f, options);
    expect(opened.ownFile).toBeNull();
    expect(opened.importFile).toBe(f);
    expect(opened.source.table.length).toBeGreaterThan(100);
  });
});
