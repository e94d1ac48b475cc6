/**
 * Checking one geometry from a file, before anything is drawn: its type, the nesting of its
 * coordinates, every position (two or three numbers), rings and lines long enough. The result is
 * a clean copy (only `type` and `coordinates`, positions as fresh arrays), so nothing odd in the
 * input travels further. Ranges are checked after the coordinates are converted (`rangeProblem`).
 */
import type { Geometry, Position } from 'geojson';
import { isRecord } from '../data/record.ts';
import { say, type IssueText } from './messages.ts';
import { POSITION_DEPTH as DEPTH } from './positions.ts';

export interface GeometryProblem {
  /** JSON path below the feature, e.g. `geometry.coordinates[0][3]`. */
  where: string;
  text: IssueText;
}

export interface CheckedGeometry {
  geometry: Geometry;
  /** Repairs made (a ring closed), each located. */
  warnings: GeometryProblem[];
}

const EXPECTED = ['a position [longitude, latitude]', 'an array of positions', 'an array of rings'];
/** A collection inside a collection inside…: real files stop at one; this stops a hostile one. */
const MAX_COLLECTION_DEPTH = 4;

type Found<T> = { ok: T } | { problem: GeometryProblem };
const problem = (where: string, text: IssueText): { problem: GeometryProblem } => ({
  problem: { where, text },
});

function position(p: unknown, at: string): Found<Position> {
  if (!Array.isArray(p)) return problem(at, say.nesting(EXPECTED[0] ?? ''));
  if (p.length < 2 || p.length > 3) return problem(at, say.positionLength(p.length));
  const [x, y, z] = p as unknown[];
  if (typeof x !== 'number' || !Number.isFinite(x))
    return problem(`${at}[0]`, say.notNumber('longitude', x));
  if (typeof y !== 'number' || !Number.isFinite(y))
    return problem(`${at}[1]`, say.notNumber('latitude', y));
  if (z === undefined) return { ok: [x, y] };
  if (typeof z !== 'number' || !Number.isFinite(z))
    return problem(`${at}[2]`, {
      ...say.notNumber('latitude', z),
      en: `elevation ${String(z)} is not a number`,
      zh: `高程 ${String(z)} 不是数字`,
    });
  return { ok: [x, y, z] };
}

function positions(
  c: unknown,
  at: string,
  min: number,
  ring: boolean,
  warnings: GeometryProblem[],
): Found<Position[]> {
  if (!Array.isArray(c)) return problem(at, say.nesting(EXPECTED[1] ?? ''));
  const out: Position[] = [];
  for (let i = 0; i < c.length; i++) {
    const p = position(c[i], `${at}[${i}]`);
    if ('problem' in p) return p;
    out.push(p.ok);
  }
  if (ring && out.length > 0) {
    const [first, last] = [out[0], out[out.length - 1]];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
      out.push([...first]);
      warnings.push({ where: at, text: say.ringClosed() });
    }
  }
  if (out.length < min)
    return problem(at, ring ? say.ringTooShort(c.length) : say.lineTooShort(c.length));
  return { ok: out };
}

/** Coordinates of the given depth (0 = a position), copied. */
function coordinates(
  c: unknown,
  depth: number,
  at: string,
  type: string,
  warnings: GeometryProblem[],
): Found<unknown> {
  if (depth === 0) return position(c, at);
  const ring = type === 'Polygon' || type === 'MultiPolygon';
  if (depth === 1)
    return positions(c, at, ring ? 4 : type === 'MultiPoint' ? 0 : 2, ring, warnings);
  if (!Array.isArray(c)) return problem(at, say.nesting(EXPECTED[2] ?? ''));
  const out: unknown[] = [];
  for (let i = 0; i < c.length; i++) {
    const inner = coordinates(c[i], depth - 1, `${at}[${i}]`, type, warnings);
    if ('problem' in inner) return inner;
    out.push(inner.ok);
  }
  return { ok: out };
}

/** Checks a geometry and returns a clean copy, or the first problem (located) that rejects it. */
export function checkGeometry(g: unknown, at = 'geometry', depth = 0): Found<CheckedGeometry> {
  if (g === null || g === undefined) return problem(at, say.noGeometry());
  if (!isRecord(g)) return problem(at, say.geometryType(g));
  const warnings: GeometryProblem[] = [];
  if (g.type === 'GeometryCollection') {
    if (depth >= MAX_COLLECTION_DEPTH || !Array.isArray(g.geometries))
      return problem(`${at}.geometries`, say.nesting('an array of geometries'));
    const geometries: Geometry[] = [];
    for (let i = 0; i < g.geometries.length; i++) {
      const member = checkGeometry(g.geometries[i], `${at}.geometries[${i}]`, depth + 1);
      if ('problem' in member) return member;
      geometries.push(member.ok.geometry);
      warnings.push(...member.ok.warnings);
    }
    if (geometries.length === 0) return problem(at, say.noGeometry());
    return { ok: { geometry: { type: 'GeometryCollection', geometries }, warnings } };
  }
  const type = g.type;
  const d = typeof type === 'string' ? DEPTH[type] : undefined;
  if (d === undefined) return problem(`${at}.type`, say.geometryType(type));
  const c = coordinates(g.coordinates, d, `${at}.coordinates`, type as string, warnings);
  if ('problem' in c) return c;
  if (Array.isArray(c.ok) && c.ok.length === 0)
    return problem(`${at}.coordinates`, say.noGeometry());
  return { ok: { geometry: { type, coordinates: c.ok } as Geometry, warnings } };
}

/** Calls visit with every position of a checked geometry and its path; stops when visit returns true. */
export function somePosition(
  g: Geometry,
  visit: (p: Position, where: string) => boolean,
  at = 'geometry',
): boolean {
  if (g.type === 'GeometryCollection')
    return g.geometries.some((m, i) => somePosition(m, visit, `${at}.geometries[${i}]`));
  const walk = (c: unknown, path: string): boolean => {
    if (Array.isArray(c) && typeof c[0] === 'number') return visit(c as Position, path);
    return Array.isArray(c) && c.some((inner, i) => walk(inner, `${path}[${i}]`));
  };
  return walk(g.coordinates, `${at}.coordinates`);
}

/**
 * Why a converted geometry cannot be drawn: a longitude or latitude out of range, said as swapped
 * when the two read the other way round as a place in China.
 */
export function rangeProblem(g: Geometry): GeometryProblem | null {
  let found: GeometryProblem | null = null;
  somePosition(g, ([x = NaN, y = NaN], where) => {
    if (Math.abs(y) > 90 && Math.abs(x) <= 90) {
      const swappedInChina = y >= 73 && y <= 135.5 && x >= 3 && x <= 54;
      found = { where, text: swappedInChina ? say.swapped(x, y) : say.outOfRange('latitude', y) };
    } else if (Math.abs(y) > 90) found = { where, text: say.outOfRange('latitude', y) };
    else if (Math.abs(x) > 180) found = { where, text: say.outOfRange('longitude', x) };
    return found !== null;
  });
  return found;
}
