/**
 * The checks of the finished basemap: everything the app relies on, from codes and names to
 * simple rings, shared arcs and label points, collected into a report.
 */
import type { BBox, Position } from 'geojson';
import { booleanPointInPolygon, booleanValid } from '@turf/turf';
import {
  basemapLayers,
  type BasemapLayers,
  type BasemapTopology,
  type DistrictGeometry,
} from '../basemap.ts';
import { arcContacts, forEachArcRef, type ArcContact } from './contacts.ts';
import { SHANDONG } from './source.ts';

export interface LabelOutside {
  code: string;
  name: string;
  label: [number, number];
  /** Still inside the district's bounding box. */
  inBbox: boolean;
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

/** What the checks found so far; each check appends, so messages keep the checks' order. */
type Findings = Pick<BasemapReport, 'errors' | 'warnings' | 'labelsOutside' | 'turfRejects'>;

type District = BasemapLayers['districts']['features'][number];

/** Everything the app relies on, checked on the finished topology. */
export function validateBasemap(
  topology: BasemapTopology,
  expected: { bounds: BBox; prefectures: number } = SHANDONG,
): BasemapReport {
  const found: Findings = { errors: [], warnings: [], labelsOutside: [], turfRejects: [] };
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
  for (const d of districts.features) checkDistrict(d, inBounds, codes, cities, found);

  if (cities.size !== expected.prefectures) {
    found.errors.push(`${cities.size} prefectures, expected ${expected.prefectures}`);
  }
  const sharedArcs = checkArcUse(topology, found);
  const contacts = arcContacts(topology);
  for (const c of contacts) {
    const text = `${c.kind} of arcs ${c.arcs.join(' and ')} at ${c.at.join(',')} (${c.districts.join(', ')})`;
    (c.kind === 'touch' ? found.warnings : found.errors).push(text);
  }
  for (const r of found.turfRejects)
    found.warnings.push(`${r.district}: turf booleanValid rejects it: ${r.reason}`);

  return {
    errors: found.errors,
    warnings: found.warnings,
    districts: districts.features.length,
    prefectures: cities.size,
    arcs: topology.arcs.length,
    sharedArcs,
    labelsOutside: found.labelsOutside,
    contacts,
    turfRejects: found.turfRejects,
  };
}

/** One district's properties, rings and label; `codes` and `cities` carry what earlier ones had. */
function checkDistrict(
  d: District,
  inBounds: (p: Position) => boolean,
  codes: Set<string>,
  cities: Map<string, string>,
  found: Findings,
): void {
  const { errors, warnings } = found;
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
    found.turfRejects.push({
      district: who,
      reason: partsOk ? 'parts touch at a point' : 'a hole touches its shell at two points',
    });
  }

  if (!inBounds(p.label)) errors.push(`${who}: label outside the province bounds`);
  else if (!booleanPointInPolygon(p.label, d)) {
    const inBbox = polygons.some((poly) => pointInBbox(p.label, poly[0] ?? []));
    found.labelsOutside.push({ code: p.code, name: p.name, label: p.label, inBbox });
    const where = inBbox ? 'outside the district, inside its bbox' : 'outside its bbox';
    (inBbox ? warnings : errors).push(`${who}: label ${p.label.join(',')} ${where}`);
  }
}

/** How the arcs are used: shared by two, never by more, in opposite directions. */
function checkArcUse(topology: BasemapTopology, found: Findings): number {
  const uses = arcUses(topology);
  const sharedArcs = uses.filter((n) => n === 2).length;
  if (sharedArcs === 0) found.errors.push('no arc is shared: borders were not built as a topology');
  const overused = uses.filter((n) => n > 2).length;
  if (overused > 0) found.errors.push(`${overused} arcs used by more than two rings`);
  // Exteriors run counter-clockwise and holes clockwise, so the two districts along a shared
  // arc must use it in opposite directions; the same direction means they overlap.
  const sameWay = arcSameDirection(topology);
  if (sameWay.length > 0)
    found.errors.push(`arcs used twice in the same direction: ${sameWay.join(', ')}`);
  const unused = uses.filter((n) => n === 0).length;
  if (unused > 0) found.warnings.push(`${unused} arcs used by no district`);
  return sharedArcs;
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
