/**
 * Reading a link into a view. Total: any string gives a valid view, and whatever cannot be used
 * keeps its default and is named in `dropped`.
 */
import {
  defaultView,
  FIRST_YEAR,
  LAST_YEAR,
  LAYER_KEYS,
  MAX_COMPARE,
  MAX_RADIUS,
  MAX_ROUTE,
  MIN_RADIUS,
  SCHEME_NAMES,
  type LayerKey,
  type ViewState,
} from '../view.ts';
import { hasSecret, templateProblem } from '../basemap.ts';
import { parseCamera } from './read-camera.ts';
import { parseSiteSearch } from './read-site-search.ts';
import { isPlace, parsePlace } from '../place.ts';
import {
  BYS,
  DISTRICT_COUNT_FIELD,
  isKey,
  LANGS,
  MAX_HASH_LENGTH,
  METHODS,
  SCOPES,
  SORTS,
  URL_VERSION,
  type DecodedView,
  type Key,
  type KnownValues,
} from './format.ts';
import {
  accepts,
  Dropped,
  list,
  oneOf,
  parseBreaks,
  parseClasses,
  parseNumber,
  q,
  renamedId,
} from './values.ts';

/** The link's values by key: the first of each, percent-decoded. */
type Raw = ReadonlyMap<Key, string>;

/**
 * Reads a hash (with or without '#', or a bare MapLibre `zoom/lat/lng`) into a view. Never throws:
 * anything unusable keeps its default and is named in `dropped`.
 */
export function decodeView(hash: string, known: KnownValues = {}): DecodedView {
  const out = new Dropped();
  try {
    return { ...read(hash, known, out), dropped: out.list() };
  } catch (e) {
    // Not expected (the property tests feed it junk), but a link must never break the app.
    out.add('', 'unreadable', '', `the link could not be read (${String(e)})`);
    return { view: defaultView(), embed: false, dropped: out.list() };
  }
}

function read(hash: string, known: KnownValues, out: Dropped): Omit<DecodedView, 'dropped'> {
  const { raw, bareCamera } = readParams(hash, out);
  const view = defaultView();

  const version = raw.get('v');
  if (version !== undefined && version !== String(URL_VERSION)) {
    // A later version's link is read as this one's: the notice says it may not open as shared.
    if (/^\d{1,6}$/.test(version) && Number(version) > URL_VERSION)
      out.add('v', 'newer-version', version, `v: newer version ${q(version)}, read as version 1`);
    else out.add('v', 'unknown-value', version, `v: unknown version ${q(version)}, read as 1`);
  }

  const map = raw.get('map') ?? bareCamera;
  if (map !== null && map !== '') view.camera = parseCamera(map, out);

  readSelection(raw, known, out, view);
  readLayers(raw, out, view);
  // `cby` before `ch`: it decides whether `count` is a valid field.
  readChoices(raw, out, view);
  readChoroplethValues(raw, known, out, view);
  readBasemap(raw, out, view);
  readTime(raw, out, view);
  readReader(raw, out, view);
  readToolkit(raw, known, out, view);
  const ss = raw.get('ss');
  if (ss !== undefined) view.siteSearch = parseSiteSearch(ss, known, out);

  const embedValue = raw.get('embed');
  if (embedValue !== undefined && embedValue !== '0' && embedValue !== '1') {
    out.add('embed', 'bad-value', embedValue, `embed: expected 1 or 0, got ${q(embedValue)}`);
  }
  return { view, embed: embedValue === '1' };
}

/** The hash cut to size and split into known keys; unknown and repeated keys are dropped. */
function readParams(hash: string, out: Dropped): { raw: Raw; bareCamera: string | null } {
  let body = typeof hash === 'string' ? hash : '';
  if (body.length > MAX_HASH_LENGTH) {
    const n = body.length;
    const detail = `the link is ${n} characters long; only the first ${MAX_HASH_LENGTH} read`;
    out.add('', 'too-long', n, detail, `${MAX_HASH_LENGTH}`);
    body = body.slice(0, MAX_HASH_LENGTH);
  }
  if (body.startsWith('#')) body = body.slice(1);

  // URLSearchParams percent-decodes leniently (bad escapes stay literal or become U+FFFD), where
  // decodeURIComponent would throw.
  const raw = new Map<Key, string>();
  let bareCamera: string | null = null;
  let i = 0;
  for (const [k, value] of new URLSearchParams(body)) {
    // MapLibre's `hash: true` form: the camera comes first, as a key without a value.
    if (i++ === 0 && value === '' && k.includes('/')) bareCamera = k;
    else if (!isKey(k)) out.add(k, 'unknown-key', k, `unknown key ${q(k)}`);
    else if (raw.has(k)) out.add(k, 'repeated-key', value, `${k}: repeated, the first one is used`);
    else raw.set(k, value);
  }
  return { raw, bareCamera };
}

/** `sel` and `ind`: ids and codes, checked against the known sets. */
function readSelection(raw: Raw, known: KnownValues, out: Dropped, view: ViewState): void {
  const sel = renamedId(known, raw.get('sel'));
  if (sel) {
    if (accepts(known.ids, sel)) view.selected = sel;
    else out.add('sel', 'unknown-feature', sel, `sel: unknown feature ${q(sel)}`);
  }

  const ind = raw.get('ind');
  if (ind) {
    for (const code of list(ind)) {
      if (view.industries.includes(code))
        out.add('ind', 'repeated-value', code, `ind: ${q(code)} repeated`);
      else if (accepts(known.industries, code)) view.industries.push(code);
      else out.add('ind', 'unknown-industry', code, `ind: unknown industry ${q(code)}`);
    }
  }
}

/** `lyr`: the layers that differ from the default, `-key` hidden and `key` shown. */
function readLayers(raw: Raw, out: Dropped, view: ViewState): void {
  const lyr = raw.get('lyr');
  if (!lyr) return;
  const seen = new Set<LayerKey>();
  for (const token of list(lyr)) {
    const hidden = token.startsWith('-');
    const name = oneOf(LAYER_KEYS, hidden ? token.slice(1) : token);
    if (name === null) out.add('lyr', 'unknown-value', token, `lyr: unknown layer ${q(token)}`);
    else if (seen.has(name))
      out.add('lyr', 'repeated-value', name, `lyr: ${name} repeated, the first one is used`);
    else {
      seen.add(name);
      view.layers[name] = !hidden;
    }
  }
}

/** The keys whose value is one of a fixed list of words. */
function readChoices(raw: Raw, out: Dropped, view: ViewState): void {
  const ch = view.choropleth;
  const enumKey = <T extends string>(key: Key, values: readonly T[], what: string): T | null => {
    const s = raw.get(key);
    if (s === undefined) return null;
    const v = oneOf(values, s);
    if (v === null) out.add(key, 'unknown-value', s, `${key}: unknown ${what} ${q(s)}`);
    return v;
  };
  ch.by = enumKey('cby', BYS, 'target') ?? ch.by;
  ch.scope = enumKey('csc', SCOPES, 'scope') ?? ch.scope;
  ch.method = enumKey('cm', METHODS, 'method') ?? ch.method;
  ch.scheme = enumKey('cs', SCHEME_NAMES, 'scheme') ?? ch.scheme;
  view.sort = enumKey('sort', SORTS, 'order') ?? view.sort;
  view.lang = enumKey('lang', LANGS, 'language') ?? view.lang;
}

/** `ch`, `cn` and `cb`: the choropleth's field, number of classes and manual breaks. */
function readChoroplethValues(raw: Raw, known: KnownValues, out: Dropped, view: ViewState): void {
  const ch = view.choropleth;
  const asked = raw.get('ch');
  const field =
    asked && !known.fields?.has(asked) ? (known.renamed?.fields?.get(asked) ?? asked) : asked;
  if (field) {
    const ok =
      accepts(known.fields, field) || (ch.by === 'districts' && field === DISTRICT_COUNT_FIELD);
    if (ok) ch.field = field;
    else out.add('ch', 'unknown-field', field, `ch: unknown field ${q(field)}`);
  }

  const cn = raw.get('cn');
  if (cn !== undefined) ch.classes = parseClasses(cn, out) ?? ch.classes;

  const cb = raw.get('cb');
  if (cb !== undefined) ch.breaks = parseBreaks(cb, out) ?? ch.breaks;
}

/** `bm`: an online basemap template, used only when valid and carrying no key. */
function readBasemap(raw: Raw, out: Dropped, view: ViewState): void {
  const bm = raw.get('bm');
  if (!bm) return;
  if (templateProblem(bm) !== null || hasSecret(bm))
    out.add('bm', 'bad-value', bm, `bm: unusable template ${q(bm)}`);
  else view.basemap = bm;
}

/** `yr`: a year the time control offers. */
function readTime(raw: Raw, out: Dropped, view: ViewState): void {
  const yr = raw.get('yr');
  if (yr === undefined) return;
  const n = /^\d{4}$/.test(yr) ? Number(yr) : NaN;
  if (n >= FIRST_YEAR && n <= LAST_YEAR) view.year = n;
  else
    out.add('yr', 'bad-value', yr, `yr: ${q(yr)} is not a year from ${FIRST_YEAR} to ${LAST_YEAR}`);
}

/** A document's file name: no path, a `.txt` name the way data/sources/ names them. */
const DOC_NAME = /^[\w.-]{1,100}\.txt$/;

/** `doc` and `q`: the document in the reader and the passage in it (`start-end`, offsets). */
function readReader(raw: Raw, out: Dropped, view: ViewState): void {
  const doc = raw.get('doc');
  const range = raw.get('q');
  if (doc === undefined || doc === '') {
    if (range !== undefined)
      out.add('q', 'bad-value', range, 'q: a passage without a document (doc)');
    return;
  }
  if (!DOC_NAME.test(doc)) {
    out.add('doc', 'bad-value', doc, `doc: ${q(doc)} is not a document name`);
    return;
  }
  view.reader = { doc, range: null };
  if (range === undefined) return;
  const m = /^(\d{1,7})-(\d{1,7})$/.exec(range);
  const [start, end] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (start < end) view.reader.range = [start, end];
  else out.add('q', 'bad-value', range, `q: ${q(range)} is not a passage start-end`);
}

/** `cmp` and `route`: known ids or places (lat/lng/name), each once, up to their limits; `nb`: `radius/(feature|lat/lng[/name])`. */
function readToolkit(raw: Raw, known: KnownValues, out: Dropped, view: ViewState): void {
  const ids = (key: 'cmp' | 'route', max: number): string[] => {
    const got: string[] = [];
    for (const id of list(raw.get(key) ?? '').map((i) => renamedId(known, i) as string)) {
      if (got.includes(id)) out.add(key, 'repeated-value', id, `${key}: ${q(id)} repeated`);
      else if (isPlace(id) && !parsePlace(id))
        out.add(key, 'bad-value', id, `${key}: expected a feature or lat/lng/name, got ${q(id)}`);
      else if (!isPlace(id) && !accepts(known.ids, id))
        out.add(key, 'unknown-feature', id, `${key}: unknown feature ${q(id)}`);
      else if (got.length >= max)
        out.add(key, 'too-many', id, `${key}: more than ${max}, ${q(id)} left out`, `${max}`);
      else got.push(id);
    }
    return got;
  };
  view.compare = ids('cmp', MAX_COMPARE);
  view.route = ids('route', MAX_ROUTE);

  const nb = raw.get('nb');
  if (nb === undefined) return;
  const [r = '', a = '', b, name, ...rest] = nb.split('/');
  const radius = parseNumber(r);
  const [lat, lng] = [parseNumber(a), parseNumber(b ?? '')];
  const point = b !== undefined && lat !== null && lng !== null && Math.abs(lat) <= 90;
  const id = renamedId(known, a) as string;
  // From an imported place: its token (lat/lng/name), the point being its position.
  const place = name !== undefined ? parsePlace(`${a}/${b}/${name}`) : null;
  const from = place ? `${a}/${b}/${name}` : b === undefined && accepts(known.ids, id) ? id : null;
  if (radius === null || rest.length > 0 || (name !== undefined && !place) || (!point && !from)) {
    const expected = 'radius/feature, radius/lat/lng or radius/lat/lng/name';
    out.add('nb', 'bad-value', nb, `nb: expected ${expected}, got ${q(nb)}`);
    return;
  }
  const clamped = Math.min(MAX_RADIUS, Math.max(MIN_RADIUS, radius));
  if (clamped !== radius)
    out.add('nb', 'changed', radius, `nb: radius ${radius} clamped to ${clamped}`, `${clamped}`);
  view.nearby = { radius: clamped, from, at: point ? [lng ?? 0, lat ?? 0] : null };
}
