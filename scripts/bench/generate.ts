/**
 * Synthetic datasets for `npm run bench`, in the app's dataset schema (src/lib/data/schema.ts):
 * points spread over Shandong's real districts and small hexagonal zones. Seeded and repeatable:
 * the same (n, seed) always gives the same features, byte for byte once serialised. No
 * Math.random; the only input besides (n, seed) is the repository's basemap and industry list,
 * read once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { asBasemapTopology, basemapLayers } from '../../src/lib/geo/basemap.ts';
import type {
  Figure,
  Kind,
  ParkFeatureInput,
  Precision,
  Status,
} from '../../src/lib/data/schema.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BASEMAP_FILE = 'data/basemap/shandong.topo.json';
export const INDUSTRIES_FILE = 'data/industries.json';
/** The document every synthetic figure and source cites. */
export const SYNTHETIC_DOC = 'synthetic.txt';
export const SYNTHETIC_ZONE = 'syn-zone';

export type BBox = [west: number, south: number, east: number, north: number];

export interface SyntheticCollection {
  type: 'FeatureCollection';
  features: ParkFeatureInput[];
}

interface District {
  geometry: Polygon | MultiPolygon;
  bbox: BBox;
}

/** What the generator samples from: the basemap's districts and the industry taxonomy. */
export interface BenchInputs {
  districts: District[];
  /** Bounding box of all districts: Shandong. */
  bbox: BBox;
  /** Industry codes, most common first (taxonomy order; weights fall off as 1/rank^1.1). */
  industries: string[];
}

/** Reads the basemap and the taxonomy from a checkout (the repository by default). */
export function loadInputs(root: string = ROOT): BenchInputs {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));
  const layers = basemapLayers(asBasemapTopology(read(BASEMAP_FILE)));
  const districts = layers.districts.features.map((f) => ({
    geometry: f.geometry,
    bbox: geometryBBox(f.geometry),
  }));
  const bbox = districts.reduce<BBox>(
    (acc, d) => [
      Math.min(acc[0], d.bbox[0]),
      Math.min(acc[1], d.bbox[1]),
      Math.max(acc[2], d.bbox[2]),
      Math.max(acc[3], d.bbox[3]),
    ],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
  const taxonomy = read(INDUSTRIES_FILE) as { industries: { code: string }[] };
  return { districts, bbox, industries: taxonomy.industries.map((i) => i.code) };
}

let cached: BenchInputs | undefined;
/** The repository's inputs, loaded on first use. */
export function defaultInputs(): BenchInputs {
  return (cached ??= loadInputs());
}

/** The industry a filter benchmark should toggle: the most common one. */
export function commonIndustry(inputs: BenchInputs = defaultInputs()): string {
  const code = inputs.industries[0];
  if (!code) throw new Error('the industry taxonomy is empty');
  return code;
}

/** mulberry32: a tiny, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws an index from cumulative weights (ascending, last = total). */
function drawIndex(cumulative: readonly number[], random: () => number): number {
  const total = cumulative[cumulative.length - 1] ?? 0;
  const x = random() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] ?? total) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function cumulate(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

function weighted<T>(items: readonly (readonly [T, number])[]): (random: () => number) => T {
  const cumulative = cumulate(items.map(([, w]) => w));
  return (random) => {
    const item = items[drawIndex(cumulative, random)];
    if (!item) throw new Error('weighted(): no items');
    return item[0];
  };
}

const POINT_KIND = weighted<Exclude<Kind, 'zone'>>([
  ['park', 3],
  ['platform', 2],
  ['project', 3],
  ['enterprise', 2],
]);
const KIND_NAME: Record<Kind, { zh: string; en: string }> = {
  zone: { zh: '合成开发区', en: 'Synthetic zone' },
  park: { zh: '合成园区', en: 'Synthetic park' },
  platform: { zh: '合成平台', en: 'Synthetic platform' },
  project: { zh: '合成项目', en: 'Synthetic project' },
  enterprise: { zh: '合成企业', en: 'Synthetic enterprise' },
  nonplace: { zh: '合成称号', en: 'Synthetic designation' },
};
const STATUS = weighted<Status>([
  ['operating', 5],
  ['under_construction', 2],
  ['planned', 2],
  ['unknown', 1],
]);
const PRECISION = weighted<Precision>([
  ['address', 5],
  ['town', 3],
  ['zone', 2],
]);

/** Share of features that carry an investment figure. */
const WITH_FIGURE = 0.85;

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

function geometryBBox(g: Polygon | MultiPolygon): BBox {
  const out: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  for (const ring of rings) {
    for (const [x = NaN, y = NaN] of ring) {
      if (x < out[0]) out[0] = x;
      if (y < out[1]) out[1] = y;
      if (x > out[2]) out[2] = x;
      if (y > out[3]) out[3] = y;
    }
  }
  return out;
}

/** True when [lng, lat] lies in one of the districts. */
export function insideShandong(p: [number, number], inputs: BenchInputs): boolean {
  const [x, y] = p;
  return inputs.districts.some(
    (d) =>
      x >= d.bbox[0] &&
      x <= d.bbox[2] &&
      y >= d.bbox[1] &&
      y <= d.bbox[3] &&
      booleanPointInPolygon(p, d.geometry),
  );
}

/** Rejection sampling: uniform in the bbox until the point falls in a district. */
function samplePoint(random: () => number, inputs: BenchInputs): [number, number] {
  const [w, s, e, n] = inputs.bbox;
  for (let tries = 0; tries < 10_000; tries++) {
    const p: [number, number] = [round5(w + random() * (e - w)), round5(s + random() * (n - s))];
    if (insideShandong(p, inputs)) return p;
  }
  throw new Error('samplePoint: no point inside the districts after 10000 tries');
}

/** 1–3 distinct industry codes, drawn with Zipf-like weights so a few are common, most rare. */
function industryPicker(inputs: BenchInputs): (random: () => number) => string[] {
  const cumulative = cumulate(inputs.industries.map((_, rank) => 1 / (rank + 1) ** 1.1));
  const wanted = Math.min(3, inputs.industries.length);
  return (random) => {
    const count = Math.min(wanted, 1 + Math.floor(random() * 3));
    const out: string[] = [];
    while (out.length < count) {
      const code = inputs.industries[drawIndex(cumulative, random)];
      if (code !== undefined && !out.includes(code)) out.push(code);
    }
    return out;
  };
}

/** Log-uniform between 0.1 and 1000 亿元, one decimal. */
function investment(random: () => number): number {
  return Math.max(0.1, Math.round(10 ** (-1 + 4 * random()) * 10) / 10);
}

/** A synthetic 总投资 figure in 亿元, citing the synthetic document. */
export function investmentFigure(value: number): Figure {
  return {
    what: 'total_investment',
    label_zh: '总投资',
    label_en: 'Total investment',
    value,
    unit: '亿元',
    year: 2020,
    period: null,
    target: false,
    doc: SYNTHETIC_DOC,
    quote: `总投资${value}亿元`,
  };
}

function properties(
  id: string,
  kind: Kind,
  n: number,
  zone: string,
  random: () => number,
  pickIndustries: (random: () => number) => string[],
): ParkFeatureInput['properties'] {
  const name = KIND_NAME[kind];
  const industries = pickIndustries(random);
  const status = STATUS(random);
  const precision = PRECISION(random);
  const value = random() < WITH_FIGURE ? investment(random) : null;
  const figures = value === null ? [] : [investmentFigure(value)];
  return {
    id,
    kind,
    name_zh: `${name.zh} ${n}`,
    name_en: `${name.en} ${n}`,
    zone,
    industries,
    status,
    precision,
    figures,
    sources: [{ doc: SYNTHETIC_DOC, quote: 'synthetic' }],
  };
}

/**
 * `n` features one at a time, so a million can be written without holding them all. Each draws
 * from one seeded stream, in order, so the same seed gives the same features.
 */
function* seededFeatures(
  n: number,
  seed: number,
  inputs: BenchInputs,
  make: (
    i: number,
    random: () => number,
    pick: ReturnType<typeof industryPicker>,
  ) => ParkFeatureInput,
): Generator<ParkFeatureInput> {
  const random = mulberry32(seed);
  const pick = industryPicker(inputs);
  for (let i = 1; i <= n; i++) yield make(i, random, pick);
}

/** Points inside Shandong: parks, platforms, projects and enterprises of zone `syn-zone`. */
export function pointFeatures(
  n: number,
  seed: number,
  inputs: BenchInputs = defaultInputs(),
): Generator<ParkFeatureInput> {
  return seededFeatures(n, seed, inputs, (i, random, pick) => {
    const coordinates = samplePoint(random, inputs);
    const kind = POINT_KIND(random);
    const id = `syn-${i}`;
    return {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates },
      properties: properties(id, kind, i, SYNTHETIC_ZONE, random, pick),
    };
  });
}

/** `n` points inside Shandong: parks, platforms, projects and enterprises of zone `syn-zone`. */
export function generatePoints(
  n: number,
  seed: number,
  inputs: BenchInputs = defaultInputs(),
): SyntheticCollection {
  return { type: 'FeatureCollection', features: [...pointFeatures(n, seed, inputs)] };
}

/** A closed, counter-clockwise hexagon of circumradius `km` around a centre. */
export function hexagon(center: [number, number], km: number): [number, number][] {
  const [lng, lat] = center;
  const dLat = km / 110.574;
  const dLng = km / (111.32 * Math.cos((lat * Math.PI) / 180));
  const ring: [number, number][] = [];
  for (let k = 0; k < 6; k++) {
    const a = (k * Math.PI) / 3;
    ring.push([round5(lng + dLng * Math.cos(a)), round5(lat + dLat * Math.sin(a))]);
  }
  const first = ring[0];
  if (first) ring.push([first[0], first[1]]);
  return ring;
}

/** A hexagon wholly inside the province, so none pokes out into the sea or a neighbour. */
function sampleHexagon(random: () => number, inputs: BenchInputs): [number, number][] {
  for (let tries = 0; tries < 10_000; tries++) {
    // Circumradius 0.5–1 km: 1–2 km across.
    const ring = hexagon(samplePoint(random, inputs), 0.5 + random() * 0.5);
    if (ring.every((p) => insideShandong(p, inputs))) return ring;
  }
  throw new Error('sampleHexagon: no hexagon fits after 10000 tries');
}

export function polygonFeatures(
  n: number,
  seed: number,
  inputs: BenchInputs = defaultInputs(),
): Generator<ParkFeatureInput> {
  return seededFeatures(n, seed, inputs, (i, random, pick) => {
    const id = `syn-zone-${i}`;
    return {
      type: 'Feature',
      id,
      geometry: { type: 'Polygon', coordinates: [sampleHexagon(random, inputs)] },
      properties: properties(id, 'zone', i, id, random, pick),
    };
  });
}

/** `n` small hexagonal zones (1–2 km across) inside Shandong, each its own zone. */
export function generatePolygons(
  n: number,
  seed: number,
  inputs: BenchInputs = defaultInputs(),
): SyntheticCollection {
  return { type: 'FeatureCollection', features: [...polygonFeatures(n, seed, inputs)] };
}
