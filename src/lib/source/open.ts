/**
 * The factories: which source a page asks for (its query string), and opening it. A new way of
 * getting data is one more request type here and one more DataSource class.
 */
import type { DataIssue } from '../data/errors.ts';
import { parseJson } from '../data/json.ts';
import { embeddedZoneUrls } from './embedded.ts';
import {
  featureSource,
  issuesOf,
  loadFeatureUrls,
  loadIndustries,
  readFeatureCollection,
  type LoadedIndustries,
} from './load.ts';
import type { DataSource } from './types.ts';

export type SourceRequest =
  | { type: 'embedded' }
  /** A same-origin GeoJSON FeatureCollection in the dataset's schema (`?data=`). */
  | { type: 'geojson'; url: string }
  /** A same-origin PMTiles archive of points (`?tiles=`, built by `npm run data:tiles`). */
  | { type: 'tiles'; url: string }
  /**
   * A same-origin file in any format the importer reads (`?data=` naming a CSV, a shapefile…):
   * the embedded data opens, and the page imports the file as a layer over it.
   */
  | { type: 'import'; url: string }
  /** A file from the user's disk (a picker or a drop): it cannot be put in a link. */
  | { type: 'file'; file: File };

type Place = Pick<Location, 'search' | 'href' | 'origin'>;

/**
 * A same-origin URL named by a query parameter, or (when `remote` may be) an http(s) one on
 * another site, which nothing fetches unless the user confirms; else the note saying why it was
 * refused. Null when the parameter is absent.
 */
function urlParam(
  location: Place,
  name: string,
  options: { remote: boolean },
): { url: URL } | { remote: URL } | { note: DataIssue } | null {
  const param = new URLSearchParams(location.search).get(name);
  if (!param) return null;
  const note = (message: string) => ({ note: { source: `?${name}=`, path: '', message } });
  let url: URL;
  try {
    url = new URL(param, location.href);
  } catch {
    return note(`"${param}" is not a URL; showing the embedded data`);
  }
  if (url.origin === location.origin) return { url };
  const http = /^https?:$/.test(url.protocol);
  if (http && options.remote) return { remote: url };
  return note(
    `${http ? url.origin : url.href} is another site; this app loads data from its own origin only`,
  );
}

/**
 * The source this page's query string asks for: `?tiles=` (which wins), `?data=`, else the
 * embedded dataset; with a note for each parameter that was refused. `?data=` on another site
 * opens the embedded data and is returned as `remote`: the page asks the user before fetching it.
 */
export function requestFromLocation(location: Place): {
  request: SourceRequest;
  notes: DataIssue[];
  remote?: string;
} {
  const tiles = urlParam(location, 'tiles', { remote: false });
  if (tiles && 'url' in tiles)
    return { request: { type: 'tiles', url: tiles.url.href }, notes: [] };
  const data = urlParam(location, 'data', { remote: true });
  const notes = [tiles, data].flatMap((r) => (r && 'note' in r ? [r.note] : []));
  if (data && 'remote' in data)
    return { request: { type: 'embedded' }, notes, remote: data.remote.href };
  if (data && 'url' in data) {
    // JSON may be in the dataset's own schema (its sources and figures kept); anything else is
    // for the importer.
    const json = /\.(geo)?json$/i.test(data.url.pathname);
    return { request: { type: json ? 'geojson' : 'import', url: data.url.href }, notes };
  }
  return { request: { type: 'embedded' }, notes };
}

/** What a page opens: its source, and what it must do besides. */
export interface OpenedPage {
  source: DataSource;
  /**
   * A same-origin file the link names that is not in the dataset's schema: the page imports it
   * as a layer (with the importer's report) over the embedded data.
   */
  importUrl: string | null;
  /** A file on another site the link names: imported only once the user confirms it. */
  remoteUrl: string | null;
  /** The user's file shown as the dataset (its sources and figures kept), by name. */
  ownFile: string | null;
  /** A file opened as the dataset of which nothing fits its schema: imported as a layer. */
  importFile: File | null;
}

/**
 * Opens what the page's query string asks for, or a file of the user's in the dataset's
 * schema. A JSON file of which nothing fits the schema is any GeoJSON: the embedded data opens
 * and the page imports the file as a layer.
 */
export async function openPage(
  from: Place | File,
  options: { industriesUrl: string; fetchImpl?: typeof fetch },
): Promise<OpenedPage> {
  const { request, notes, remote } =
    from instanceof File
      ? { request: { type: 'file', file: from } as const, notes: [], remote: undefined }
      : requestFromLocation(from);
  const source = await openSource(request, { ...options, notes });
  const opened = {
    source,
    importUrl: null,
    remoteUrl: remote ?? null,
    ownFile: null,
    importFile: null,
  };
  const foreign =
    (request.type === 'geojson' || request.type === 'file') && source.table.length === 0;
  if (request.type !== 'import' && !foreign)
    return { ...opened, ownFile: request.type === 'file' ? request.file.name : null };
  const embedded = await openSource({ type: 'embedded' }, { ...options, notes });
  return request.type === 'file'
    ? { ...opened, source: embedded, importFile: request.file }
    : { ...opened, source: embedded, importUrl: request.url };
}

/** The last part of a URL's path, as a file would be called. */
const fileName = (url: string) => new URL(url).pathname.split('/').pop() || 'data';

/**
 * Opens a source. Broken files and features are reported in its `issues` and skipped; only a
 * points archive that cannot be read at all rejects (a DataError saying why).
 */
export async function openSource(
  request: SourceRequest,
  options: { industriesUrl: string; notes?: readonly DataIssue[]; fetchImpl?: typeof fetch },
): Promise<DataSource> {
  const { fetchImpl = fetch, notes = [] } = options;
  // Fetched beside the features, not before them.
  const industriesLoad = loadIndustries(options.industriesUrl, fetchImpl).then((r) => ({
    industries: r.industries,
    issues: [...notes, ...r.issues],
  }));
  switch (request.type) {
    case 'embedded':
    case 'import': {
      const loaded = await loadFeatureUrls(embeddedZoneUrls, fetchImpl, { trusted: true });
      return featureSource('Park Atlas', loaded, await industriesLoad, { linkable: true });
    }
    case 'geojson': {
      const name = fileName(request.url);
      // Same-origin but not the app's own: any file can be named, so it is checked.
      const loaded = await loadFeatureUrls({ [name]: request.url }, fetchImpl, { trusted: false });
      return featureSource(name, loaded, await industriesLoad, { linkable: true });
    }
    case 'file':
      return fileSource(request.file, await industriesLoad);
    case 'tiles':
      return tilesSource(request.url, await industriesLoad);
  }
}

async function fileSource(file: File, industries: LoadedIndustries): Promise<DataSource> {
  let loaded;
  try {
    const json = await parseJson(await file.text(), file.name);
    loaded = await readFeatureCollection(json, file.name);
  } catch (e) {
    loaded = { features: [], issues: issuesOf(e, file.name) };
  }
  return featureSource(file.name, loaded, industries, { linkable: false });
}

/** An archive that cannot be read gives an empty source saying why: the basemap still shows. */
async function tilesSource(url: string, industries: LoadedIndustries): Promise<DataSource> {
  // pmtiles and the tile decoder are their own chunk: the embedded dataset never loads them.
  const { TilesSource } = await import('./tiles.ts');
  try {
    return await TilesSource.open(url, industries.industries, industries.issues);
  } catch (e) {
    const failed = { features: [], issues: issuesOf(e, url) };
    return featureSource(fileName(url), failed, industries, { linkable: true });
  }
}
