import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { DataIssue } from './errors.ts';
import { isRecord } from './record.ts';

export interface GeoJsonCheckOptions {
  /** Name shown in messages (file name or URL). */
  source: string;
  /** Stop reporting after this many issues; the count of the rest is still given. */
  maxIssues?: number;
}

export interface GeoJsonCheckResult {
  /** The features that passed, in input order: one bad feature never costs the good ones. */
  collection: FeatureCollection;
  issues: DataIssue[];
  /** How many features were dropped. */
  rejected: number;
}

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
]);

/** Why a position is unusable, or null. Longitude may wrap (±360) as MapLibre allows; latitude may not. */
function positionProblem(p: unknown): string | null {
  if (!Array.isArray(p) || p.length < 2) return 'a position must be an array [longitude, latitude]';
  const [lng, lat] = p as unknown[];
  if (typeof lng !== 'number' || !Number.isFinite(lng))
    return `longitude ${String(lng)} is not a number`;
  if (typeof lat !== 'number' || !Number.isFinite(lat))
    return `latitude ${String(lat)} is not a number`;
  if (lat < -90 || lat > 90)
    return `latitude ${lat} is outside −90…90 (are longitude and latitude swapped?)`;
  if (lng < -360 || lng > 360) return `longitude ${lng} is outside −360…360`;
  return null;
}

/** Checks nested coordinate arrays of the given depth (0 = position); returns [path, problem] or null. */
function coordsProblem(
  c: unknown,
  depth: number,
  path: string,
  minItems: number,
): [string, string] | null {
  if (depth === 0) {
    const problem = positionProblem(c);
    return problem ? [path, problem] : null;
  }
  if (!Array.isArray(c)) return [path, 'coordinates must be an array'];
  if (depth === 1 && c.length < minItems)
    return [path, `needs at least ${minItems} positions, has ${c.length}`];
  for (let i = 0; i < c.length; i++) {
    const found = coordsProblem(c[i], depth - 1, `${path}[${i}]`, minItems);
    if (found) return found;
  }
  return null;
}

function ringProblem(ring: Position[], path: string): [string, string] | null {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
    return [path, 'a polygon ring must end where it starts (first and last position equal)'];
  }
  return null;
}

function geometryProblem(g: unknown, path: string): [string, string] | null {
  if (g === null) return null; // RFC 7946 allows unlocated features; they are simply not drawn.
  if (!isRecord(g)) return [path, 'geometry must be an object or null'];
  const type = g.type;
  if (typeof type !== 'string' || !GEOMETRY_TYPES.has(type)) {
    return [`${path}.type`, `unsupported geometry type ${JSON.stringify(type)}`];
  }
  const c = g.coordinates;
  const at = `${path}.coordinates`;
  switch (type) {
    case 'Point':
      return coordsProblem(c, 0, at, 1);
    case 'MultiPoint':
      return coordsProblem(c, 1, at, 1);
    case 'LineString':
      return coordsProblem(c, 1, at, 2);
    case 'MultiLineString':
      return coordsProblem(c, 2, at, 2);
    case 'Polygon': {
      const found = coordsProblem(c, 2, at, 4);
      if (found) return found;
      const rings = c as Position[][];
      for (let i = 0; i < rings.length; i++) {
        const bad = ringProblem(rings[i] ?? [], `${at}[${i}]`);
        if (bad) return bad;
      }
      return rings.length === 0 ? [at, 'a polygon needs at least one ring'] : null;
    }
    default: {
      const found = coordsProblem(c, 3, at, 4);
      if (found) return found;
      const polys = c as Position[][][];
      for (let p = 0; p < polys.length; p++) {
        const rings = polys[p] ?? [];
        for (let i = 0; i < rings.length; i++) {
          const bad = ringProblem(rings[i] ?? [], `${at}[${p}][${i}]`);
          if (bad) return bad;
        }
      }
      return null;
    }
  }
}

/** Why parsed JSON is not a FeatureCollection at all (located), or null when it is one. */
function collectionProblem(json: unknown, source: string): DataIssue | null {
  if (!isRecord(json)) return { source, path: '', message: 'not a GeoJSON object' };
  if (json.type !== 'FeatureCollection') {
    const type = JSON.stringify(json.type);
    return { source, path: 'type', message: `expected "FeatureCollection", found ${type}` };
  }
  if (!Array.isArray(json.features))
    return { source, path: 'features', message: 'must be an array of features' };
  return null;
}

/** One feature as kept, or the path and reason it is rejected. */
function checkFeature(f: unknown, at: string): Feature | [string, string] {
  if (!isRecord(f) || f.type !== 'Feature') return [at, 'not a GeoJSON Feature'];
  if (f.properties !== undefined && f.properties !== null && !isRecord(f.properties)) {
    return [`${at}.properties`, 'properties must be an object or null'];
  }
  const bad = geometryProblem(f.geometry, `${at}.geometry`);
  if (bad) return bad;
  return {
    type: 'Feature',
    geometry: f.geometry as Geometry,
    properties: (f.properties as Feature['properties']) ?? {},
    ...(typeof f.id === 'string' || typeof f.id === 'number' ? { id: f.id } : {}),
  } as Feature;
}

/**
 * Validates parsed JSON as a GeoJSON FeatureCollection (a single Feature is accepted too) and
 * keeps every feature that is usable. Each rejected feature is reported with its JSON path.
 */
export function checkFeatureCollection(
  json: unknown,
  options: GeoJsonCheckOptions,
): GeoJsonCheckResult {
  const { source, maxIssues = 50 } = options;
  if (isRecord(json) && json.type === 'Feature') {
    json = { type: 'FeatureCollection', features: [json] };
  }
  const problem = collectionProblem(json, source);
  if (problem) {
    return {
      collection: { type: 'FeatureCollection', features: [] },
      issues: [problem],
      rejected: 0,
    };
  }
  const issues: DataIssue[] = [];
  const features: Feature[] = [];
  let rejected = 0;
  (json as { features: unknown[] }).features.forEach((f, i) => {
    const checked = checkFeature(f, `features[${i}]`);
    if (!Array.isArray(checked)) return void features.push(checked);
    rejected++;
    if (issues.length < maxIssues) issues.push({ source, path: checked[0], message: checked[1] });
  });
  if (rejected > issues.length) {
    issues.push({
      source,
      path: '',
      message: `${rejected - issues.length} more features rejected`,
    });
  }
  return { collection: { type: 'FeatureCollection', features }, issues, rejected };
}
