/**
 * URLs of the data that ships with the app. Vite copies each file into the build and gives its
 * URL, so the app fetches its own origin only and the files stay plain data in data/.
 */
import basemapUrl from '../../../data/basemap/shandong.topo.json?url';
import industriesUrl from '../../../data/industries.json?url';
import type { DataUrls } from './app-data.ts';
import type { DataIssue } from './errors.ts';

const zoneFiles = import.meta.glob('../../../data/zones/*.geojson', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export const embedded: DataUrls = {
  basemapUrl,
  industriesUrl,
  /** One GeoJSON file per development zone: name → URL. */
  zoneUrls: Object.fromEntries(
    Object.entries(zoneFiles).map(([path, url]) => [path.split('/').pop() ?? path, url]),
  ),
  fontIndexUrl: `${import.meta.env.BASE_URL}fonts/noto-sans-sc/index.json`,
};

type Place = Pick<Location, 'search' | 'href' | 'origin'>;

/**
 * A same-origin URL named by a query parameter, or the note saying why it was refused (not a URL,
 * another site: the app makes no request elsewhere). Null when the parameter is absent.
 */
function sameOriginParam(location: Place, name: string): { url: URL } | { note: DataIssue } | null {
  const param = new URLSearchParams(location.search).get(name);
  if (!param) return null;
  const note = (message: string) => ({ note: { source: `?${name}=`, path: '', message } });
  let url: URL;
  try {
    url = new URL(param, location.href);
  } catch {
    return note(`"${param}" is not a URL; showing the embedded data`);
  }
  if (url.origin !== location.origin)
    return note(`${url.origin} is another site; this app loads data from its own origin only`);
  return { url };
}

/**
 * Data URLs for this page: the embedded dataset, a same-origin GeoJSON named by `?data=` (one
 * FeatureCollection in the dataset's schema; used by the benchmark and for local files served
 * beside the app), or a same-origin PMTiles archive of points named by `?tiles=` (built by
 * `npm run data:tiles`), which replaces the dataset's features: no zone file is loaded then.
 * Another origin is refused, and the note says so.
 */
export function resolveDataUrls(location: Place): DataUrls {
  const tiles = sameOriginParam(location, 'tiles');
  if (tiles && 'url' in tiles) return { ...embedded, zoneUrls: {}, tilesUrl: tiles.url.href };
  const data = sameOriginParam(location, 'data');
  const notes = [tiles, data].flatMap((r) => (r && 'note' in r ? [r.note] : []));
  if (data && 'url' in data) {
    const name = data.url.pathname.split('/').pop() || 'data';
    return { ...embedded, zoneUrls: { [name]: data.url.href }, ...(notes.length ? { notes } : {}) };
  }
  return notes.length ? { ...embedded, notes } : embedded;
}
