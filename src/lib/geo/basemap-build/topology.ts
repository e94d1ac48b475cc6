/**
 * From cleaned districts to the basemap topology: shared arcs, merged counties dissolved,
 * simplification that keeps neighbours apart, quantization.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type {
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';
import { topology as buildTopology } from 'topojson-server';
import { filter, filterWeight, presimplify, quantile, simplify } from 'topojson-simplify';
import { mergeArcs, quantize } from 'topojson-client';
import {
  BASEMAP_OBJECT,
  asBasemapTopology,
  type BasemapTopology,
  type DistrictGeometry,
} from '../basemap.ts';
import { cleanGeometries } from './clean.ts';
import { arcContacts } from './contacts.ts';
import type { DistrictPart, UpdatedDistrict } from './names.ts';

export interface BuildOptions {
  /** Share of weighted (non-endpoint) points kept by the simplification. */
  keep: number;
  /**
   * Grid size of the quantization. 20 000 steps over Shandong's 7.9° × 4.0° give 0.0004° and
   * 0.0002°, finer than the source's own 1/1024° grid, so distinct source points stay distinct.
   */
  quantization: number;
}

export const DEFAULT_BUILD: BuildOptions = { keep: 0.1, quantization: 20_000 };

export interface BuildStats {
  sourcePoints: number;
  cleanedPoints: number;
  keptPoints: number;
  arcs: number;
  /** Rings (small islands) that simplification reduced to nothing. */
  droppedRings: number;
  /** Arcs that got points back because their simplified forms crossed, overlapped or touched. */
  repairedArcs: number;
}

const MAX_REPAIR_ROUNDS = 50;

/**
 * topojson-server topology → dissolve merged counties along their arcs → Visvalingam
 * simplification to `keep` of the weighted points → drop collapsed rings → quantize. Shared
 * borders are one arc before and after, so neighbours still meet exactly.
 */
export function buildBasemapTopology(
  districts: readonly UpdatedDistrict[],
  options: BuildOptions = DEFAULT_BUILD,
): { topology: BasemapTopology; stats: BuildStats } {
  const parts = districts.flatMap((d) =>
    d.parts.map((part) => ({ code: d.properties.code, part })),
  );
  const sourcePoints = parts.reduce((n, { part }) => n + countPositions(part.geometry), 0);
  const raw = buildTopology({ [BASEMAP_OBJECT]: cleanedCollection(parts) });
  const cleanedPoints = raw.arcs.reduce((n, arc) => n + arc.length, 0);

  const { simplified, repairedArcs } = simplifyApart(dissolve(raw, districts), options);
  const ringsBefore = countRings(simplified);
  // Zero area means the ring collapsed to a line; filter also prunes arcs nothing uses any more.
  const filtered = filter(simplified, filterWeight(simplified, Number.MIN_VALUE));
  const droppedRings = ringsBefore - countRings(filtered);
  const quantized = quantize(filtered, options.quantization);

  const topology = asBasemapTopology(quantized);
  const kept = topology.objects.districts.geometries.length;
  if (kept !== districts.length) {
    throw new Error(`simplification removed ${districts.length - kept} whole districts`);
  }
  return {
    topology,
    stats: {
      sourcePoints,
      cleanedPoints,
      keptPoints: topology.arcs.reduce((n, arc) => n + arc.length, 0),
      arcs: topology.arcs.length,
      droppedRings,
      repairedArcs,
    },
  };
}

/** Every source part cleaned, as a feature with its district's code; throws if one has no area. */
function cleanedCollection(
  parts: readonly { code: string; part: DistrictPart }[],
): FeatureCollection {
  const cleaned = cleanGeometries(parts.map(({ part }) => part.geometry));
  const features = parts.map(({ code, part }, i): Feature<Polygon | MultiPolygon> => {
    const geometry = cleaned[i];
    if (!geometry) throw new Error(`${code} ${part.source_name}: no area left`);
    return { type: 'Feature', properties: { code }, geometry };
  });
  return { type: 'FeatureCollection', features };
}

/** One geometry per district with its properties, parts of a district merged along their arcs. */
function dissolve(raw: Topology, districts: readonly UpdatedDistrict[]): BasemapTopology {
  const pieces = raw.objects[BASEMAP_OBJECT];
  if (pieces?.type !== 'GeometryCollection') throw new Error('topology: no districts collection');
  const byCode = new Map<string, (TopoPolygon | TopoMultiPolygon)[]>();
  for (const g of pieces.geometries) {
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    const code = String(g.properties?.code ?? '');
    const piece: TopoPolygon | TopoMultiPolygon =
      g.type === 'Polygon'
        ? { type: 'Polygon', arcs: g.arcs }
        : { type: 'MultiPolygon', arcs: g.arcs };
    byCode.set(code, [...(byCode.get(code) ?? []), piece]);
  }
  const geometries = districts.map((d): DistrictGeometry => {
    const own = byCode.get(d.properties.code) ?? [];
    const [only] = own;
    // mergeArcs drops the arcs two parts share, i.e. it dissolves along the common border.
    const g = own.length === 1 && only ? only : mergeArcs(raw, own);
    return g.type === 'Polygon'
      ? { type: 'Polygon', arcs: g.arcs, properties: d.properties }
      : { type: 'MultiPolygon', arcs: g.arcs, properties: d.properties };
  });
  const dissolved: BasemapTopology = {
    type: 'Topology',
    arcs: raw.arcs,
    objects: { districts: { type: 'GeometryCollection', geometries } },
  };
  if (raw.bbox) dissolved.bbox = raw.bbox;
  return dissolved;
}

/**
 * Visvalingam simplification to `keep` of the weighted points. Visvalingam does not see
 * neighbours: where simplified and quantized arcs now cross, overlap or touch, put back the last
 * points removed from those arcs, one per round, until they are apart.
 */
function simplifyApart(
  dissolved: BasemapTopology,
  options: BuildOptions,
): { simplified: BasemapTopology; repairedArcs: number } {
  const weighted = presimplify(dissolved);
  const minWeight = quantile(weighted, options.keep);
  protectSmallRings(weighted.arcs);
  let simplified = simplify(weighted, minWeight);
  const repaired = new Set<number>();
  for (let round = 0; round < MAX_REPAIR_ROUNDS; round++) {
    const check = quantize(simplified, options.quantization);
    const bad = new Set(arcContacts(check).flatMap((c) => c.arcs));
    if (bad.size === 0) break;
    for (const k of bad) {
      repaired.add(k);
      restoreLastRemoved(weighted.arcs[k] ?? [], minWeight);
    }
    simplified = simplify(weighted, minWeight);
  }
  return { simplified, repairedArcs: repaired.size };
}

/**
 * Arcs that alone close a ring (islands) keep two interior points, and arcs that share both
 * ends with another arc keep one: otherwise simplification reduces them to a line or to the
 * same straight segment, and the area between them vanishes.
 */
function protectSmallRings(arcs: number[][][]): void {
  const key = (arc: number[][]) => {
    const [a, b] = [arc[0] ?? [], arc[arc.length - 1] ?? []];
    return [`${a[0]},${a[1]}`, `${b[0]},${b[1]}`].sort().join(' ');
  };
  const ends = new Map<string, number>();
  for (const arc of arcs) ends.set(key(arc), (ends.get(key(arc)) ?? 0) + 1);
  for (const arc of arcs) {
    const [a, b] = [arc[0] ?? [], arc[arc.length - 1] ?? []];
    const closed = a[0] === b[0] && a[1] === b[1];
    const keep = closed ? 2 : (ends.get(key(arc)) ?? 0) > 1 ? 1 : 0;
    arc
      .slice(1, -1)
      .sort((p, q) => (q[2] ?? 0) - (p[2] ?? 0))
      .slice(0, keep)
      .forEach((p) => (p[2] = Infinity));
  }
}

/** Weights record the order of elimination, so the heaviest removed point went last. */
function restoreLastRemoved(arc: number[][], minWeight: number): void {
  let last: number[] | undefined;
  for (const p of arc) {
    const w = p[2] ?? 0;
    if (w < minWeight && (!last || w > (last[2] ?? 0))) last = p;
  }
  if (last) last[2] = Infinity;
}

function countPositions(g: Polygon | MultiPolygon): number {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polygons.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
}

function countRings(t: Topology): number {
  const o = t.objects[BASEMAP_OBJECT];
  if (o?.type !== 'GeometryCollection') return 0;
  return o.geometries.reduce(
    (n, g) =>
      n +
      (g.type === 'Polygon'
        ? g.arcs.length
        : g.type === 'MultiPolygon'
          ? g.arcs.reduce((m, p) => m + p.length, 0)
          : 0),
    0,
  );
}
