/**
 * URLs of the data that ships with the app. Vite copies each file into the build and gives its
 * URL, so the app fetches its own origin only and the files stay plain data in data/.
 */
import basemapUrl from '../../../data/basemap/shandong.topo.json?url';
import industriesUrl from '../../../data/industries.json?url';

const zoneFiles = import.meta.glob('../../../data/zones/*.geojson', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** What every page loads whatever its data: the basemap, the industry names, the font index. */
export interface AppAssets {
  basemapUrl: string;
  industriesUrl: string;
  fontIndexUrl: string;
}

export const embeddedAssets: AppAssets = {
  basemapUrl,
  industriesUrl,
  fontIndexUrl: `${import.meta.env.BASE_URL}fonts/noto-sans-sc/index.json`,
};

/** One GeoJSON file per development zone: file name → URL. */
export const embeddedZoneUrls: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(zoneFiles).map(([path, url]) => [path.split('/').pop() ?? path, url]),
);
