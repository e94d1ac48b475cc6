/**
 * Shareable links: a {@link ViewState} as the URL hash and back. Pure functions only; the browser
 * wiring (history, throttling, effects) lives elsewhere and calls these.
 *
 * ## Link format, version 1
 *
 * The hash is `application/x-www-form-urlencoded` (what `URLSearchParams` reads and writes), with
 * `,` and `/` left unescaped so links stay readable. Example:
 *
 * ```
 * #map=8.5/35.25/115.48&v=1&sel=heze-graphene-park&ind=biomedicine,new-materials
 *  &lyr=-enterprises,-labels&ch=fixed_asset_investment&cm=manual&cn=5&cb=10,50,100&cs=Blues
 *  &sort=value&lang=en
 * ```
 *
 * | Key    | Value                                   | Default (key omitted) | Example                      |
 * |--------|-----------------------------------------|-----------------------|------------------------------|
 * | `map`  | camera `zoom/lat/lng[/bearing[/pitch]]` | the app fits Shandong | `map=8.5/35.25/115.48/30/45` |
 * | `v`    | format version, always written          | `1`                   | `v=1`                        |
 * | `sel`  | id of the selected feature              | nothing selected      | `sel=heze-graphene-park`     |
 * | `ind`  | industry codes to show, comma-separated | no industry filter    | `ind=biomedicine,graphene`   |
 * | `lyr`  | layers that differ from the default:    | all layers shown      | `lyr=-enterprises,-labels`   |
 * |        | `-key` hidden, `key` shown              |                       |                              |
 * | `ch`   | choropleth field                        | no choropleth         | `ch=fixed_asset_investment`  |
 * | `cby`  | colour `features` or `districts`        | `features`            | `cby=districts`              |
 * | `csc`  | classes from `all` data or `visible`    | `all`                 | `csc=visible`                |
 * | `cm`   | `quantile`, `equal`, `jenks`, `manual`  | `quantile`            | `cm=jenks`                   |
 * | `cn`   | number of classes, 3–9                  | `5`                   | `cn=7`                       |
 * | `cb`   | manual breaks, ascending, at most 8     | none                  | `cb=10,50,100`               |
 * | `cs`   | colour scheme (ColorBrewer name)        | `Blues`               | `cs=YlOrRd`                  |
 * | `sort` | list order: `name` or `value`           | `name`                | `sort=value`                 |
 * | `lang` | `zh` or `en`                            | `zh`                  | `lang=en`                    |
 * | `embed`| `1`: the embedded layout                | not embedded          | `embed=1`                    |
 *
 * Camera as in MapLibre's own hash (`hash: 'map'`): zoom with 2 decimals, latitude and longitude
 * with 5 (about 1 m), bearing and pitch with 1, written only when not zero (pitch needs the
 * bearing before it, so a pitched north-up view ends in `/0/45`). A bare MapLibre hash without
 * keys, `#8.5/35.25/115.48`, is read as the camera.
 *
 * Reading is total: any string gives a valid view. Whatever cannot be used falls back to its
 * default and is reported, in a short sentence, in `dropped`:
 * - camera: zoom outside 0–24, |latitude| > 85.05113 (Web Mercator's limit) or a part that is
 *   not a finite number drops the whole camera; longitude is wrapped into [-180, 180], bearing into (-180, 180]; a pitch
 *   outside 0–85 is clamped; an unreadable bearing or pitch becomes 0.
 * - `sel`, `ind`, `ch`: values not in the known ids / industries / fields are dropped (only the
 *   unknown industries, the rest are kept). `ch=count` is valid with `cby=districts`.
 * - `cn`: a whole number outside 3–9 is clamped; anything else is dropped.
 * - `cb`: dropped whole unless it is up to 8 finite numbers in strictly ascending order.
 * - unknown keys and values are dropped; a repeated key keeps its first value.
 * - bad percent-escapes (`%E0%A4%A`, a lone `%`) never throw; they read as U+FFFD or literally.
 *
 * Compatibility: links that people have sent must keep opening the same view
 * (test/lib/state/links.fixtures.ts). Adding a key with a default does not change the version;
 * changing what an existing key means does, and the reader must then keep reading `v=1`.
 */
import { MAX_CLASSES, MIN_CLASSES, SCHEMES } from '../scales/classify.ts';
import {
  defaultView,
  LAYER_KEYS,
  type Camera,
  type ChoroplethSpec,
  type ClassMethod,
  type Lang,
  type LayerKey,
  type SortKey,
  type ViewState,
} from './view.ts';

export const URL_VERSION = 1;

/** Valid values the link can refer to; a missing set accepts any well-formed token. */
export interface KnownValues {
  ids?: ReadonlySet<string>;
  industries?: ReadonlySet<string>;
  fields?: ReadonlySet<string>;
}

export interface DecodedView {
  view: ViewState;
  /** The link asks for the embedded layout. */
  embed: boolean;
  /** What was ignored, for a notice: at most {@link MAX_DROPPED} items, then "…and N more". */
  dropped: string[];
}

export interface EncodeOptions {
  embed?: boolean;
}

/**
 * MapLibre's Web Mercator limit (85.051129°) rounded up to the 5 decimals a link keeps, so a
 * camera at the limit survives the round trip. MapLibre clamps the last metre itself.
 */
export const MAX_LATITUDE = 85.05113;
export const MAX_ZOOM = 24;
export const MAX_PITCH = 85;
/** Manual breaks beyond this are ignored by the classifier (MAX_CLASSES - 1 thresholds). */
export const MAX_BREAKS = MAX_CLASSES - 1;
export const MAX_DROPPED = 10;
/** Longer hashes are cut: no real link comes close, and junk should cost little to read. */
export const MAX_HASH_LENGTH = 16_384;
/** With `cby=districts` the choropleth can count features per district (see districtFields). */
export const DISTRICT_COUNT_FIELD = 'count';

const METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'jenks', 'manual'];
const SORTS: readonly SortKey[] = ['name', 'value'];
const LANGS: readonly Lang[] = ['zh', 'en'];
const BYS: readonly ChoroplethSpec['by'][] = ['features', 'districts'];
const SCOPES: readonly ChoroplethSpec['scope'][] = ['all', 'visible'];
const KEYS = [
  'map',
  'v',
  'sel',
  'ind',
  'lyr',
  'ch',
  'cby',
  'csc',
  'cm',
  'cn',
  'cb',
  'cs',
  'sort',
  'lang',
  'embed',
] as const;
type Key = (typeof KEYS)[number];
const isKey = (k: string): k is Key => (KEYS as readonly string[]).includes(k);

// ---------------------------------------------------------------------------------------------
// Encoding

const round = (x: number, decimals: number): number => {
  const f = 10 ** decimals;
  // `+ 0` turns -0 into 0, so "-0" is never written and round trips compare equal.
  return Math.round(x * f) / f + 0;
};

/** Into (-180, 180]. Values already there are returned as they are, free of float noise. */
function wrapAngle(deg: number): number {
  if (deg > -180 && deg <= 180) return deg + 0;
  // `%` is exact for doubles, so even 1e300 lands in range.
  const d = deg % 360;
  return d > 180 ? d - 360 : d <= -180 ? d + 360 : d + 0;
}

/** The camera as the link stores it: what a round trip through the URL gives back. */
export function roundCamera(c: Camera): Camera {
  return {
    zoom: round(c.zoom, 2),
    lat: round(c.lat, 5),
    lng: round(c.lng, 5),
    // Rounding may give -180 (from -179.96), which the range (-180, 180] spells 180.
    bearing: wrapAngle(round(wrapAngle(c.bearing), 1)),
    pitch: round(c.pitch, 1),
  };
}

function formatCamera(camera: Camera): string {
  const c = roundCamera(camera);
  const parts = [c.zoom, c.lat, c.lng];
  if (c.bearing !== 0 || c.pitch !== 0) parts.push(c.bearing);
  if (c.pitch !== 0) parts.push(c.pitch);
  return parts.map(String).join('/');
}

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
  if (options.embed) p.set('embed', '1');
  return readable(p.toString());
}

/** The hash of a link to one feature: selected, camera on it, everything else default but the language. */
export function linkToFeature(id: string, camera: Camera, lang: Lang): string {
  return encodeView({ ...defaultView(), selected: id, camera, lang });
}

// ---------------------------------------------------------------------------------------------
// Decoding

/** Collects messages, keeping the first few so 10 kB of junk gives a short notice. */
class Dropped {
  readonly items: string[] = [];
  private extra = 0;
  add(message: string): void {
    if (this.items.length < MAX_DROPPED) this.items.push(message);
    else this.extra++;
  }
  list(): string[] {
    return this.extra > 0 ? [...this.items, `…and ${this.extra} more`] : [...this.items];
  }
}

/** Quotes a value from the link for a message, shortened (junk can be kilobytes long). */
function q(s: string): string {
  const chars = Array.from(s.length > 200 ? s.slice(0, 200) : s);
  return chars.length > 40 ? `'${chars.slice(0, 40).join('')}…'` : `'${s}'`;
}

/** Decimal numbers only: `Number()` would also take '', ' ', '0x1f', 'Infinity'. */
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
function parseNumber(s: string): number | null {
  if (!NUMBER.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n + 0 : null;
}

/** Without a known set, a value must at least look like an id or code. */
const TOKEN = /^[\p{L}\p{N}_.:-]{1,128}$/u;
const accepts = (set: ReadonlySet<string> | undefined, s: string): boolean =>
  set ? set.has(s) : TOKEN.test(s);

function oneOf<T extends string>(values: readonly T[], s: string): T | null {
  return (values as readonly string[]).includes(s) ? (s as T) : null;
}

function parseCamera(s: string, out: Dropped, key = 'map'): Camera | null {
  const parts = s.split('/');
  if (parts.length < 3 || parts.length > 5) {
    out.add(`${key}: expected zoom/lat/lng, got ${q(s)}`);
    return null;
  }
  const [zs = '', lats = '', lngs = '', bs, ps] = parts;
  const zoom = parseNumber(zs);
  const lat = parseNumber(lats);
  const lng = parseNumber(lngs);
  if (zoom === null) return fail(`zoom ${q(zs)} is not a number`);
  if (lat === null) return fail(`latitude ${q(lats)} is not a number`);
  if (lng === null) return fail(`longitude ${q(lngs)} is not a number`);
  if (zoom < 0 || zoom > MAX_ZOOM) return fail(`zoom ${zoom} out of range 0–${MAX_ZOOM}`);
  if (Math.abs(lat) > MAX_LATITUDE) return fail(`latitude ${lat} out of range`);

  const angle = (name: string, v: string | undefined): number => {
    if (v === undefined) return 0;
    const n = parseNumber(v);
    if (n === null) out.add(`${key}: ${name} ${q(v)} is not a number, 0 used`);
    return n ?? 0;
  };
  const bearing = wrapAngle(angle('bearing', bs));
  let pitch = angle('pitch', ps);
  if (pitch < 0 || pitch > MAX_PITCH) {
    const clamped = Math.min(MAX_PITCH, Math.max(0, pitch));
    out.add(`${key}: pitch ${pitch} clamped to ${clamped}`);
    pitch = clamped;
  }
  return {
    zoom,
    lat,
    // Other apps may write an unwrapped longitude after panning across the antimeridian.
    lng: Math.abs(lng) <= 180 ? lng : wrapAngle(lng),
    bearing,
    pitch,
  };

  function fail(why: string): null {
    out.add(`${key}: ${why}`);
    return null;
  }
}

/** A comma-separated list; empty items (`a,,b`, a trailing comma) are ignored. */
const list = (s: string): string[] => s.split(',').filter((x) => x !== '');

function parseBreaks(s: string, out: Dropped): number[] | null {
  const items = list(s);
  const numbers: number[] = [];
  for (const item of items) {
    const n = parseNumber(item);
    if (n === null) {
      out.add(`cb: break ${q(item)} is not a number`);
      return null;
    }
    const prev = numbers[numbers.length - 1];
    if (prev !== undefined && n <= prev) {
      out.add(`cb: breaks must be ascending (${prev} then ${n})`);
      return null;
    }
    numbers.push(n);
  }
  if (numbers.length > MAX_BREAKS) {
    out.add(`cb: ${numbers.length} breaks, at most ${MAX_BREAKS}`);
    return null;
  }
  return numbers;
}

function parseClasses(s: string, out: Dropped): number | null {
  if (!/^\d{1,6}$/.test(s)) {
    out.add(`cn: ${q(s)} is not a whole number of classes`);
    return null;
  }
  const n = Number(s);
  const clamped = Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, n));
  if (clamped !== n) out.add(`cn: ${n} classes clamped to ${clamped}`);
  return clamped;
}

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
    out.add(`the link could not be read (${String(e)})`);
    return { view: defaultView(), embed: false, dropped: out.list() };
  }
}

function read(hash: string, known: KnownValues, out: Dropped): Omit<DecodedView, 'dropped'> {
  let body = typeof hash === 'string' ? hash : '';
  if (body.length > MAX_HASH_LENGTH) {
    out.add(`the link is ${body.length} characters long; only the first ${MAX_HASH_LENGTH} read`);
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
    else if (!isKey(k)) out.add(`unknown key ${q(k)}`);
    else if (raw.has(k)) out.add(`${k}: repeated, the first one is used`);
    else raw.set(k, value);
  }

  const view = defaultView();
  const ch = view.choropleth;

  const version = raw.get('v');
  if (version !== undefined && version !== String(URL_VERSION)) {
    out.add(`v: unknown version ${q(version)}, read as version ${URL_VERSION}`);
  }

  const map = raw.get('map') ?? bareCamera;
  if (map !== null && map !== '') view.camera = parseCamera(map, out);

  const sel = raw.get('sel');
  if (sel) {
    if (accepts(known.ids, sel)) view.selected = sel;
    else out.add(`sel: unknown feature ${q(sel)}`);
  }

  const ind = raw.get('ind');
  if (ind) {
    for (const code of list(ind)) {
      if (view.industries.includes(code)) out.add(`ind: ${q(code)} repeated`);
      else if (accepts(known.industries, code)) view.industries.push(code);
      else out.add(`ind: unknown industry ${q(code)}`);
    }
  }

  const lyr = raw.get('lyr');
  if (lyr) {
    const seen = new Set<LayerKey>();
    for (const token of list(lyr)) {
      const hidden = token.startsWith('-');
      const name = oneOf(LAYER_KEYS, hidden ? token.slice(1) : token);
      if (name === null) out.add(`lyr: unknown layer ${q(token)}`);
      else if (seen.has(name)) out.add(`lyr: ${name} repeated, the first one is used`);
      else {
        seen.add(name);
        view.layers[name] = !hidden;
      }
    }
  }

  // `cby` before `ch`: it decides whether `count` is a valid field.
  const enumKey = <T extends string>(key: Key, values: readonly T[], what: string): T | null => {
    const s = raw.get(key);
    if (s === undefined) return null;
    const v = oneOf(values, s);
    if (v === null) out.add(`${key}: unknown ${what} ${q(s)}`);
    return v;
  };
  ch.by = enumKey('cby', BYS, 'target') ?? ch.by;
  ch.scope = enumKey('csc', SCOPES, 'scope') ?? ch.scope;
  ch.method = enumKey('cm', METHODS, 'method') ?? ch.method;
  ch.scheme = enumKey('cs', Object.keys(SCHEMES), 'scheme') ?? ch.scheme;
  view.sort = enumKey('sort', SORTS, 'order') ?? view.sort;
  view.lang = enumKey('lang', LANGS, 'language') ?? view.lang;

  const field = raw.get('ch');
  if (field) {
    const ok =
      accepts(known.fields, field) || (ch.by === 'districts' && field === DISTRICT_COUNT_FIELD);
    if (ok) ch.field = field;
    else out.add(`ch: unknown field ${q(field)}`);
  }

  const cn = raw.get('cn');
  if (cn !== undefined) ch.classes = parseClasses(cn, out) ?? ch.classes;

  const cb = raw.get('cb');
  if (cb !== undefined) ch.breaks = parseBreaks(cb, out) ?? ch.breaks;

  const embedValue = raw.get('embed');
  if (embedValue !== undefined && embedValue !== '0' && embedValue !== '1') {
    out.add(`embed: expected 1 or 0, got ${q(embedValue)}`);
  }
  return { view, embed: embedValue === '1' };
}
