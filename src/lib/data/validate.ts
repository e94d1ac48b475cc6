/**
 * Checks the whole dataset against the contract in data/README.md and against its own evidence:
 * every quote must be found verbatim in the document it cites, every number in the quote it comes
 * with, every point inside its zone and every zone inside its districts.
 *
 * Pure: callers read the files (scripts/check-data.ts with node fs, tests with fixtures) and pass
 * parsed JSON and document texts in, so this runs anywhere and is tested without a disk.
 */
import { booleanPointInPolygon, distance, kinks } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import * as v from 'valibot';
import {
  DivisionsFileSchema,
  IndustriesFileSchema,
  KINDS,
  ParkFeatureSchema,
  type Kind,
  type ParkFeature,
} from './schema.ts';

/** One problem, located well enough to fix: file, feature id and field path (null when n/a). */
export interface ValidationError {
  file: string;
  id: string | null;
  field: string | null;
  message: string;
}

export interface ZoneFileInput {
  /** Path as it should appear in messages, e.g. `data/zones/heze-hitech.geojson`. */
  file: string;
  /** The parsed JSON. */
  data: unknown;
}

/** County-level districts of the basemap, as GeoJSON (the CLI converts the TopoJSON). */
export type BasemapDistricts = FeatureCollection<
  Polygon | MultiPolygon,
  { name: string; city?: string }
>;

export interface ValidateInput {
  zoneFiles: readonly ZoneFileInput[];
  /** Source document texts by file name, e.g. `{ '000_3dd22fdc9e0e8f3b.txt': '…' }`. */
  sources: Readonly<Record<string, string>>;
  /** Parsed data/industries.json. */
  industries: unknown;
  /** Parsed data/divisions.json; its schema and zone entries are checked when given. */
  divisions?: unknown;
  /** When given, every zone polygon must lie inside the union of its `districts`. */
  basemap?: BasemapDistricts | undefined;
  industriesFile?: string;
  divisionsFile?: string;
}

/** Features with precision "zone" are placed by hand; closer than this they look like one place. */
export const MIN_SPREAD_METERS = 300;
/** Generous bounding box of Shandong: catches swapped lon/lat and typos in the degrees. */
const SHANDONG_BBOX = { west: 114.5, south: 34.2, east: 123.0, north: 38.6 } as const;
/** Points checked per polygon edge for district containment (vertices alone miss edges cutting a notch). */
const EDGE_SAMPLES = 16;

export function formatError(e: ValidationError): string {
  return [e.file, e.id, e.field, e.message].filter((part) => part !== null).join(': ');
}

/** Runs every check; returns all problems found (empty = the dataset is valid). */
export function validate(input: ValidateInput): ValidationError[] {
  const errors: ValidationError[] = [];
  const industriesFile = input.industriesFile ?? 'data/industries.json';
  const divisionsFile = input.divisionsFile ?? 'data/divisions.json';

  const industryCodes = checkIndustries(input.industries, industriesFile, errors);
  const divisionZones =
    input.divisions === undefined ? null : checkDivisions(input.divisions, divisionsFile, errors);

  // Parse every file first: cross-file checks (ids, parents, zones) need all features.
  const parsed: {
    file: string;
    zoneId: string;
    features: ParkFeature[];
    invalidZones: string[];
  }[] = [];
  for (const zf of input.zoneFiles) {
    parsed.push({ file: zf.file, zoneId: zoneIdOf(zf.file), ...parseZoneFile(zf, errors) });
  }

  const byId = new Map<string, { file: string; feature: ParkFeature }>();
  for (const { file, features } of parsed) {
    for (const f of features) {
      const seen = byId.get(f.properties.id);
      if (seen) {
        errors.push(err(file, f.properties.id, 'id', `duplicate id (also in ${seen.file})`));
      } else {
        byId.set(f.properties.id, { file, feature: f });
      }
    }
  }

  // A zone that failed the schema is already reported; counting it as existing here keeps its
  // features from each reporting a second, misleading "zone does not exist".
  const zoneIds = new Set([
    ...[...byId.values()]
      .filter((x) => x.feature.properties.kind === 'zone')
      .map((x) => x.feature.properties.id),
    ...parsed.flatMap((p) => p.invalidZones),
  ]);
  for (const { file, zoneId, features, invalidZones } of parsed) {
    checkZoneFileLayout(file, zoneId, features, invalidZones.length, zoneIds, errors);
    const namesSeen = new Map<string, string>();
    for (const f of features) {
      const id = f.properties.id;
      const add = (field: string | null, message: string): void => {
        errors.push(err(file, id, field, message));
      };
      checkFeature(f, input.sources, industryCodes, add);
      checkParent(f, byId, add);
      if (f.properties.kind === 'zone') {
        checkZoneFeature(f, divisionZones, input.basemap, add);
      } else {
        const zone = byId.get(f.properties.zone)?.feature;
        if (
          zone?.properties.kind === 'zone' &&
          zone.geometry.type === 'Polygon' &&
          f.geometry.type === 'Point' &&
          !booleanPointInPolygon(f.geometry.coordinates, zone.geometry, { ignoreBoundary: true })
        ) {
          add('geometry', `point is outside the polygon of zone ${zone.properties.id}`);
        }
      }
      const other = namesSeen.get(f.properties.name_zh);
      if (other !== undefined) {
        add('name_zh', `name "${f.properties.name_zh}" is also used by ${other} in this zone`);
      } else {
        namesSeen.set(f.properties.name_zh, id);
      }
    }
    checkSpread(file, features, errors);
  }
  return errors;
}

/** Counts of features per zone and kind, as found in the files (even broken ones). */
export interface Summary {
  zones: { zone: string; total: number; kinds: Record<Kind, number> }[];
  kinds: Record<Kind, number>;
  total: number;
}

export function summarize(zoneFiles: readonly ZoneFileInput[]): Summary {
  const emptyCounts = (): Record<Kind, number> =>
    Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const kinds = emptyCounts();
  const zones = new Map<string, { zone: string; total: number; kinds: Record<Kind, number> }>();
  let total = 0;
  for (const zf of zoneFiles) {
    const features = isRecord(zf.data) && Array.isArray(zf.data.features) ? zf.data.features : [];
    for (const raw of features as unknown[]) {
      const props = isRecord(raw) && isRecord(raw.properties) ? raw.properties : {};
      const kind = KINDS.find((k) => k === props.kind);
      if (!kind) continue;
      const zone = typeof props.zone === 'string' ? props.zone : zoneIdOf(zf.file);
      let entry = zones.get(zone);
      if (!entry) {
        entry = { zone, total: 0, kinds: emptyCounts() };
        zones.set(zone, entry);
      }
      entry.kinds[kind] += 1;
      entry.total += 1;
      kinds[kind] += 1;
      total += 1;
    }
  }
  return { zones: [...zones.values()], kinds, total };
}

export function formatSummary(s: Summary): string {
  const row = (label: string, total: number, counts: Record<Kind, number>): string =>
    `${label.padEnd(16)} ${String(total).padStart(5)}  ` +
    KINDS.map((k) => `${k} ${counts[k]}`).join(', ');
  return [
    ...s.zones.map((z) => row(z.zone, z.total, z.kinds)),
    row('all zones', s.total, s.kinds),
  ].join('\n');
}

/**
 * The numbers written in a text, for "is this figure's value in its quote?".
 *
 * - Arabic numerals are whole tokens: "227" gives 227, and 27 does not match it; "346.4" gives
 *   346.4; "17000余" gives 17000 (余 "more than" qualifies the value, as written); "80+" gives 80.
 * - ASCII commas between groups of three digits are thousands separators ("17,000" → 17000). The
 *   full-width comma ，/, is never one: the documents use it as sentence punctuation, where
 *   "5个,22家" must stay two numbers. Full-width digits are read as ASCII digits.
 * - Chinese numerals are read too ("三大" → 3, "六大" → 6, "十多个" → 10, "二〇一七" → 2017). A
 *   unit alone ("过亿元", "超万家", "每万人") is not a number: it states an order of magnitude,
 *   not a value, and the contract stores values as written without unit conversion.
 */
export function numbersIn(text: string): number[] {
  const ascii = text.replace(/[\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  const out: number[] = [];
  for (const m of ascii.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)) {
    out.push(Number(m[0].replaceAll(',', '')));
  }
  for (const m of ascii.matchAll(/[〇零一二两三四五六七八九十百千万亿]+/g)) {
    const n = parseChineseNumeral(m[0]);
    if (n !== null) out.push(n);
  }
  return out;
}

/** True when `value` is one of the numbers written in `quote` (see numbersIn). */
export function quoteHasValue(quote: string, value: number): boolean {
  return numbersIn(quote).some((n) => Math.abs(n - value) < 1e-9);
}

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Parses a run of Chinese numeral characters; null for a run without any digit (e.g. "万"). */
export function parseChineseNumeral(run: string): number | null {
  const chars = [...run];
  if (!chars.some((c) => c in CN_DIGITS || c === '十')) return null;
  // Digit-by-digit form, as in years: 二〇一七 → 2017.
  if (chars.length > 1 && chars.every((c) => c in CN_DIGITS)) {
    return Number(chars.map((c) => CN_DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of chars) {
    const d = CN_DIGITS[c];
    const small = CN_SMALL_UNITS[c];
    const big = CN_BIG_UNITS[c];
    if (d !== undefined) {
      digit = d;
    } else if (small !== undefined) {
      section += (digit || 1) * small; // 十 alone means 10
      digit = 0;
    } else if (big !== undefined) {
      total += (section + digit || 1) * big;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

// ---------------------------------------------------------------------------------------------

function err(
  file: string,
  id: string | null,
  field: string | null,
  message: string,
): ValidationError {
  return { file, id, field, message };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** `data/zones/heze-hitech.geojson` → `heze-hitech`. */
function zoneIdOf(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.geojson$/, '');
}

/** valibot issue path → `figures[2].quote`; `properties.` is dropped as nearly every field is one. */
function fieldOf(path: readonly { key: unknown }[] | undefined, prefix = ''): string | null {
  if (!path || path.length === 0) return prefix || null;
  let keys = path.map((p) => p.key);
  if (keys[0] === 'properties') keys = keys.slice(1);
  else if (keys[0] === 'id' || keys[0] === 'type') keys = ['feature', ...keys];
  let out = prefix;
  for (const k of keys) {
    out += typeof k === 'number' ? `[${k}]` : out === '' ? String(k) : `.${String(k)}`;
  }
  return out || null;
}

function schemaErrors(
  issues: readonly v.BaseIssue<unknown>[],
  file: string,
  id: string | null,
  prefix = '',
): ValidationError[] {
  return issues.map((issue) =>
    err(
      file,
      id,
      fieldOf(issue.path as { key: unknown }[] | undefined, prefix),
      `schema: ${issue.message}`,
    ),
  );
}

function checkIndustries(data: unknown, file: string, errors: ValidationError[]): Set<string> {
  const r = v.safeParse(IndustriesFileSchema, data);
  if (!r.success) {
    errors.push(...schemaErrors(r.issues, file, null));
    return new Set();
  }
  const codes = new Set<string>();
  for (const [i, ind] of r.output.industries.entries()) {
    if (codes.has(ind.code)) {
      errors.push(err(file, ind.code, `industries[${i}].code`, 'duplicate industry code'));
    }
    codes.add(ind.code);
  }
  return codes;
}

function checkDivisions(data: unknown, file: string, errors: ValidationError[]): Set<string> {
  const r = v.safeParse(DivisionsFileSchema, data);
  if (!r.success) {
    errors.push(...schemaErrors(r.issues, file, null));
    return new Set();
  }
  return new Set(Object.keys(r.output.zones));
}

/** Features that pass the schema, and the ids of zone features that do not. */
function parseZoneFile(
  zf: ZoneFileInput,
  errors: ValidationError[],
): { features: ParkFeature[]; invalidZones: string[] } {
  const invalidZones: string[] = [];
  const data = zf.data;
  if (!isRecord(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    errors.push(
      err(zf.file, null, null, 'schema: not a GeoJSON FeatureCollection with a features array'),
    );
    // Nothing more to say about a file that is not a collection: layout checks would only echo this.
    return { features: [], invalidZones: [zoneIdOf(zf.file)] };
  }
  const out: ParkFeature[] = [];
  for (const [i, raw] of (data.features as unknown[]).entries()) {
    const r = v.safeParse(ParkFeatureSchema, raw);
    if (r.success) {
      out.push(r.output);
      continue;
    }
    const props = isRecord(raw) && isRecord(raw.properties) ? raw.properties : {};
    const rawId =
      typeof props.id === 'string'
        ? props.id
        : isRecord(raw) && typeof raw.id === 'string'
          ? raw.id
          : null;
    if (props.kind === 'zone') invalidZones.push(rawId ?? zoneIdOf(zf.file));
    // Without an id the feature's index is the only way to find it.
    errors.push(...schemaErrors(r.issues, zf.file, rawId, rawId === null ? `features[${i}]` : ''));
  }
  return { features: out, invalidZones };
}

function checkZoneFileLayout(
  file: string,
  zoneId: string,
  features: readonly ParkFeature[],
  invalidZoneCount: number,
  zoneIds: ReadonlySet<string>,
  errors: ValidationError[],
): void {
  const zones = features.filter((f) => f.properties.kind === 'zone');
  const first = features[0];
  if (zones.length + invalidZoneCount !== 1) {
    errors.push(
      err(
        file,
        null,
        null,
        `a zone file holds exactly one zone feature, found ${zones.length + invalidZoneCount}`,
      ),
    );
  } else if (invalidZoneCount === 0 && first && first.properties.kind !== 'zone') {
    errors.push(err(file, first.properties.id, 'kind', 'the zone feature must come first'));
  }
  for (const z of zones) {
    if (z.properties.id !== zoneId) {
      errors.push(err(file, z.properties.id, 'id', `zone id must match the file name (${zoneId})`));
    }
  }
  for (const f of features) {
    const zone = f.properties.zone;
    if (f.properties.kind === 'zone') continue;
    if (!zoneIds.has(zone)) {
      errors.push(err(file, f.properties.id, 'zone', `zone "${zone}" does not exist`));
    } else if (zone !== zoneId) {
      errors.push(
        err(file, f.properties.id, 'zone', `belongs to zone "${zone}" but is in ${zoneId}'s file`),
      );
    }
  }
}

function checkFeature(
  f: ParkFeature,
  sources: Readonly<Record<string, string>>,
  industryCodes: ReadonlySet<string>,
  add: (field: string | null, message: string) => void,
): void {
  const p = f.properties;
  if (f.id !== p.id) add('feature.id', `feature id "${f.id}" differs from properties.id "${p.id}"`);

  const checkQuote = (field: string, doc: string, quote: string): void => {
    const text = sources[doc];
    if (text === undefined) add(`${field}.doc`, `unknown document ${doc} (not in data/sources)`);
    else if (!text.includes(quote)) add(`${field}.quote`, `not found verbatim in ${doc}`);
  };

  if (p.sources.length === 0) add('sources', 'feature has no source');
  p.sources.forEach((s, i) => checkQuote(`sources[${i}]`, s.doc, s.quote));
  p.figures.forEach((fig, i) => {
    checkQuote(`figures[${i}]`, fig.doc, fig.quote);
    if (!quoteHasValue(fig.quote, fig.value)) {
      add(`figures[${i}].value`, `${fig.value} is not written in its quote "${fig.quote}"`);
    }
  });
  p.timeline.forEach((t, i) => checkQuote(`timeline[${i}]`, t.doc, t.quote));
  for (let i = 1; i < p.timeline.length; i++) {
    const prev = p.timeline[i - 1];
    const cur = p.timeline[i];
    if (prev && cur && cur.date < prev.date)
      add(`timeline[${i}].date`, 'timeline must be oldest first');
  }
  if (p.status_source) checkQuote('status_source', p.status_source.doc, p.status_source.quote);
  else if (p.status !== 'unknown')
    add('status_source', `status "${p.status}" needs a status_source`);

  if (p.location_note !== null) {
    const cited = new Set([
      ...p.sources.map((s) => s.doc),
      ...p.figures.map((x) => x.doc),
      ...p.timeline.map((x) => x.doc),
      ...(p.status_source ? [p.status_source.doc] : []),
    ]);
    const note = p.location_note;
    if (![...cited].some((doc) => sources[doc]?.includes(note))) {
      add('location_note', 'not found verbatim in any document the feature cites');
    }
  }

  p.industries.forEach((code, i) => {
    if (!industryCodes.has(code)) add(`industries[${i}]`, `unknown industry code "${code}"`);
  });

  checkGeometry(f, add);
}

function checkGeometry(f: ParkFeature, add: (field: string | null, message: string) => void): void {
  const isZone = f.properties.kind === 'zone';
  const positions: Position[] = [];
  if (f.geometry.type === 'Point') {
    if (isZone) add('geometry.type', 'a zone feature must be a Polygon');
    positions.push(f.geometry.coordinates);
  } else {
    if (!isZone) add('geometry.type', `a ${f.properties.kind} feature must be a Point`);
    const rings = f.geometry.coordinates;
    if (rings.length !== 1)
      add('geometry.coordinates', 'the zone polygon is one outer ring, without holes');
    const ring = rings[0] ?? [];
    const a = ring[0];
    const b = ring[ring.length - 1];
    if (!a || !b || a[0] !== b[0] || a[1] !== b[1])
      add('geometry.coordinates[0]', 'ring is not closed');
    // "5–12 vertices": accepted whether or not the closing position is counted.
    if (ring.length < 5 || ring.length > 13) {
      add(
        'geometry.coordinates[0]',
        `ring has ${ring.length} positions; the contract asks for 5–12 vertices`,
      );
    }
    if (kinks(f.geometry).features.length > 0)
      add('geometry.coordinates[0]', 'ring intersects itself');
    positions.push(...ring);
  }
  for (const [x, y] of positions as [number, number][]) {
    if (
      x < SHANDONG_BBOX.west ||
      x > SHANDONG_BBOX.east ||
      y < SHANDONG_BBOX.south ||
      y > SHANDONG_BBOX.north
    ) {
      add('geometry.coordinates', `[${x}, ${y}] is outside Shandong (lon/lat swapped?)`);
      break;
    }
  }
  if (positions.some(([x, y]) => !hasAtMost5Decimals(x ?? 0) || !hasAtMost5Decimals(y ?? 0))) {
    add('geometry.coordinates', 'coordinates must be rounded to 5 decimals');
  }
}

/** Exact for values parsed from JSON: n/1e5 is correctly rounded, as parsing the literal is. */
function hasAtMost5Decimals(x: number): boolean {
  return Math.round(x * 1e5) / 1e5 === x;
}

function checkParent(
  f: ParkFeature,
  byId: ReadonlyMap<string, { file: string; feature: ParkFeature }>,
  add: (field: string | null, message: string) => void,
): void {
  const p = f.properties;
  if (p.parent === null) return;
  if (p.kind === 'zone') {
    add('parent', 'a zone has no parent');
    return;
  }
  if (p.parent === p.id) {
    add('parent', 'a feature cannot be its own parent');
    return;
  }
  const parent = byId.get(p.parent)?.feature;
  if (!parent) {
    add('parent', `parent "${p.parent}" does not exist`);
    return;
  }
  if (parent.properties.kind === 'zone')
    add('parent', 'parent is for a park or building; use zone for the zone');
  else if (parent.properties.zone !== p.zone)
    add('parent', `parent "${p.parent}" is in another zone`);
  // Follow the chain to catch cycles (a → b → a).
  const seen = new Set([p.id]);
  for (
    let cur: ParkFeature | undefined = parent;
    cur;
    cur = byId.get(cur.properties.parent ?? '')?.feature
  ) {
    if (seen.has(cur.properties.id)) {
      add('parent', 'parent chain has a cycle');
      return;
    }
    seen.add(cur.properties.id);
  }
}

function checkZoneFeature(
  f: ParkFeature,
  divisionZones: ReadonlySet<string> | null,
  basemap: BasemapDistricts | undefined,
  add: (field: string | null, message: string) => void,
): void {
  const p = f.properties;
  if (p.zone !== p.id) add('zone', 'a zone feature names itself as its zone');
  if (divisionZones && !divisionZones.has(p.id))
    add('id', 'zone has no entry in data/divisions.json');
  const names = p.districts ?? [];
  if (names.length === 0) {
    add('districts', 'a zone lists the basemap districts it lies in');
    return;
  }
  if (!basemap || f.geometry.type !== 'Polygon') return;
  // Names are matched without the city: the dataset's districts are unambiguous within Shandong's
  // zones, and a name shared by two cities (市中区) only widens the area, never hides an error.
  const districts: Feature<Polygon | MultiPolygon>[] = [];
  for (const [i, name] of names.entries()) {
    const found = basemap.features.filter((d) => d.properties.name === name);
    if (found.length === 0) add(`districts[${i}]`, `district "${name}" is not in the basemap`);
    districts.push(...found);
  }
  if (districts.length === 0) return;
  const ring = f.geometry.coordinates[0] ?? [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i];
    const b = ring[i + 1];
    if (!a || !b) continue;
    for (let s = 0; s < EDGE_SAMPLES; s++) {
      const t = s / EDGE_SAMPLES;
      const pt: [number, number] = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      if (!districts.some((d) => booleanPointInPolygon(pt, d))) {
        add(
          'geometry',
          `zone polygon leaves its districts (${names.join(', ')}) near [${pt[0].toFixed(5)}, ${pt[1].toFixed(5)}]`,
        );
        return;
      }
    }
  }
}

/** Hand-placed points must not pile up: the map would show one dot for several places. */
function checkSpread(
  file: string,
  features: readonly ParkFeature[],
  errors: ValidationError[],
): void {
  const points = features.filter(
    (f): f is ParkFeature & { geometry: { type: 'Point'; coordinates: [number, number] } } =>
      f.geometry.type === 'Point',
  );
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i];
      const b = points[j];
      if (!a || !b) continue;
      const [ax, ay] = a.geometry.coordinates;
      const [bx, by] = b.geometry.coordinates;
      const pa = a.properties;
      const pb = b.properties;
      if (ax === bx && ay === by) {
        errors.push(err(file, pb.id, 'geometry', `same coordinates as ${pa.id}`));
      } else if (pa.precision === 'zone' && pb.precision === 'zone') {
        const m = distance(a.geometry.coordinates, b.geometry.coordinates, { units: 'meters' });
        if (m < MIN_SPREAD_METERS) {
          errors.push(
            err(
              file,
              pb.id,
              'geometry',
              `only ${Math.round(m)} m from ${pa.id}; approximate points need ${MIN_SPREAD_METERS} m`,
            ),
          );
        }
      }
    }
  }
}
