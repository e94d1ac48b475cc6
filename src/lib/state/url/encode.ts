/** Writing a view as a link: the keys that differ from the default, readable where safe. */
import { defaultView, LAYER_KEYS, type Camera, type Lang, type ViewState } from '../view.ts';
import { hasSecret } from '../basemap.ts';
import { formatCamera } from './camera.ts';
import { formatSiteSearch } from './site-search.ts';
import { URL_VERSION, type EncodeOptions } from './format.ts';

/**
 * URLSearchParams escapes ',' and '/' too; both are plain data characters in a query value, so
 * unescaping them is safe. A literal '%' is always written as %25, so '%2C' can only be an escape.
 */
const readable = (s: string): string => s.replace(/%2C/gi, ',').replace(/%2F/gi, '/');

/** The URL hash for a view, without the leading '#'. Keys equal to the default are left out. */
export function encodeView(view: ViewState, options: EncodeOptions = {}): string {
  const d = defaultView();
  const ch = view.choropleth;
  const p = new URLSearchParams();
  if (view.camera) p.set('map', formatCamera(view.camera));
  p.set('v', String(URL_VERSION));
  if (view.selected !== null) p.set('sel', view.selected);
  if (view.industries.length > 0) p.set('ind', view.industries.join(','));
  const layers = LAYER_KEYS.filter((k) => view.layers[k] !== d.layers[k]).map((k) =>
    view.layers[k] ? k : `-${k}`,
  );
  if (layers.length > 0) p.set('lyr', layers.join(','));
  if (ch.field !== d.choropleth.field && ch.field !== null) p.set('ch', ch.field);
  if (ch.by !== d.choropleth.by) p.set('cby', ch.by);
  if (ch.scope !== d.choropleth.scope) p.set('csc', ch.scope);
  if (ch.method !== d.choropleth.method) p.set('cm', ch.method);
  if (ch.classes !== d.choropleth.classes) p.set('cn', String(ch.classes));
  if (ch.breaks.length > 0) p.set('cb', ch.breaks.map(String).join(','));
  if (ch.scheme !== d.choropleth.scheme) p.set('cs', ch.scheme);
  if (view.sort !== d.sort) p.set('sort', view.sort);
  if (view.lang !== d.lang) p.set('lang', view.lang);
  // A template with a key stays on this device: a link is for sharing.
  if (view.basemap !== null && !hasSecret(view.basemap)) p.set('bm', view.basemap);
  if (view.year !== null) p.set('yr', String(view.year));
  if (view.reader) {
    p.set('doc', view.reader.doc);
    if (view.reader.range) p.set('q', view.reader.range.join('-'));
  }
  if (view.compare.length > 0) p.set('cmp', view.compare.join(','));
  if (view.route.length > 0) p.set('route', view.route.join(','));
  const nb = view.nearby;
  const r5 = (x: number) => Math.round(x * 1e5) / 1e5;
  const nbAt = nb?.from ?? (nb?.at ? `${r5(nb.at[1])}/${r5(nb.at[0])}` : null);
  if (nb && nbAt !== null) p.set('nb', `${nb.radius}/${nbAt}`);
  if (view.siteSearch) p.set('ss', formatSiteSearch(view.siteSearch));
  if (options.embed) p.set('embed', '1');
  return readable(p.toString());
}

/** The hash of a link to one feature: selected, camera on it, everything else default but the language. */
export function linkToFeature(id: string, camera: Camera, lang: Lang): string {
  return encodeView({ ...defaultView(), selected: id, camera, lang });
}
