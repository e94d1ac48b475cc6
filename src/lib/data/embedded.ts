/**
 * URLs of the data that ships with the app. Vite copies each file into the build and gives its
 * URL, so the app fetches its own origin only and the files stay plain data in data/.
 */
import basemapUrl from '../../../data/basemap/shandong.topo.json?url';
import industriesUrl from '../../../data/industries.json?url';
import type { DataUrls } from './app-data.ts';

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

/**
 * Data URLs for this page: the embedded dataset, or a same-origin GeoJSON named by `?data=`
 * (one FeatureCollection in the dataset's schema; used by the benchmark and for local files
 * served beside the app). Another origin is refused: the app makes no request elsewhere.
 */
export function resolveDataUrls(location: Pick<Location, 'search' | 'href' | 'origin'>): DataUrls {
  const param = new URLSearchParams(location.search).get('data');
  if (!param) return embedded;
  let url: URL;
  try {
    url = new URL(param, location.href);
  } catch {
    return {
      ...embedded,
      notes: [
        {
          source: '?data=',
          path: '',
          message: `"${param}" is not a URL; showing the embedded data`,
        },
      ],
    };
  }
  if (url.origin !== location.origin) {
    return {
      ...embedded,
      notes: [
        {
          source: '?data=',
          path: '',
          message: `${url.origin} is another site; this app loads data from its own origin only`,
        },
      ],
    };
  }
  return { ...embedded, zoneUrls: { [url.pathname.split('/').pop() || 'data']: url.href } };
}
