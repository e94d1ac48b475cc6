/**
 * `npm run data:outlines`: derives every zone's outline and re-places its points from
 * data/places/towns.json and the basemap, then rewrites data/places/towns.json (derived positions)
 * and data/zones/*.geojson (outlines, `outline`, `outline_basis`, `place`, point positions).
 * Deterministic: running it twice changes nothing. The rules are in data/README.md ("Zone
 * outlines", "Precision"); the checks that the data still follows them are in
 * src/lib/data/validate/places.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  buffer,
  convex,
  featureCollection,
  intersect,
  lineString,
  point,
  polygon,
  union,
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature as topoFeature } from 'topojson-client';
import * as v from 'valibot';
import {
  PlacesFileSchema,
  type ParkFeatureInput,
  type Place,
  type PlacesFile,
} from '../src/lib/data/schema.ts';
import { cleanRing, derivedPosition, officialRing, zoneAnchor } from '../src/lib/data/outline.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const PLACES_FILE = join(root, 'data/places/towns.json');
const BASEMAP_FILE = join(root, 'data/basemap/shandong.topo.json');

type District = Feature<Polygon | MultiPolygon, { name: string }>;

/** How each zone's outline is made. */
type OutlineRule =
  | { kind: 'official'; district: string; basis: string }
  | { kind: 'seats'; radiusKm: number; insetKm: number; basis: string }
  | {
      // A hand-drawn outline that must still hold the few seats a page locates: the seats
      // buffered as for 'seats', joined to it. The ring is kept here, not read back from the
      // zone file, so that a second run gives the same outline.
      kind: 'extended';
      hand: [number, number][];
      radiusKm: number;
      insetKm: number;
      basis: string;
    }
  | { kind: 'kept'; basis: string };

export const OUTLINE_RULES: Record<string, OutlineRule> = {
  jiaozhou: {
    kind: 'official',
    district: '胶州市',
    basis:
      'Official: the county-level city 胶州市 as drawn by the basemap (data/basemap/), its main part; the basemap boundary is about 2016–2017 and simplified.',
  },
  'heze-hitech': {
    kind: 'seats',
    radiusKm: 4,
    insetKm: 0.1,
    basis:
      'Approximate: the seats of 吕陵镇 and 马岭岗镇 (data/places/towns.json, derived from the distances and directions public pages give), joined and buffered by 4 km, then clipped to 牡丹区 (100 m inside its border). 4 km is less than the 5 km the pages give from 马岭岗镇 to the city centre, whose streets are not the zone’s. 万福街道, the third street, could not be located and is not in it.',
  },
  'jining-hitech': {
    kind: 'extended',
    hand: [
      [116.607, 35.418],
      [116.612, 35.445],
      [116.64, 35.462],
      [116.69, 35.47],
      [116.74, 35.468],
      [116.772, 35.452],
      [116.775, 35.425],
      [116.748, 35.4],
      [116.7, 35.385],
      [116.645, 35.388],
      [116.607, 35.418],
    ],
    radiusKm: 4,
    insetKm: 0.1,
    basis:
      'Approximate: hand-drawn around the zone’s streets, joined to the seat of 王因街道 buffered by 4 km (data/places/towns.json, derived from the distance and direction a public page gives from 兖州), then clipped to 任城区 and 兖州区 (100 m inside their borders). 王因街道 is the only one of its five streets whose seat a page locates, too few to draw the outline from the seats alone.',
  },
  'dezhou-etdz': {
    kind: 'kept',
    basis:
      'Approximate: hand-drawn east of 德州’s centre; no public page found locates the seat of any of its towns and streets (data/places/towns.json), so the outline could not be derived from them (issue 13 reports it covers only about a third of 天衢新区’s towns).',
  },
};

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** Fills the position of every derived place from its derivation. */
export function resolvePlaces(file: PlacesFile): PlacesFile {
  const byId = new Map(file.places.map((p) => [p.id, p]));
  const places = file.places.map((p): Place => {
    if (p.basis !== 'derived' || !p.derivation) return p;
    const from = byId.get(p.derivation.from);
    if (!from?.position || from.basis !== 'cited')
      throw new Error(`${p.id}: derived from ${p.derivation.from}, which is not a cited place`);
    return { ...p, position: derivedPosition(from.position, p.derivation) };
  });
  return { ...file, places };
}

function seatsOutline(
  seats: readonly [number, number][],
  districts: readonly District[],
  radiusKm: number,
  insetKm: number,
  hand?: readonly [number, number][],
): [number, number][] {
  const hull =
    seats.length >= 3
      ? convex(featureCollection(seats.map((s) => point(s))))
      : seats.length === 2
        ? lineString(seats.map((s) => [...s]))
        : point([...(seats[0] ?? [0, 0])]);
  if (!hull) throw new Error('no hull');
  const buffered = buffer(hull, radiusKm, { units: 'kilometers', steps: 6 });
  const grown =
    hand && buffered
      ? union(featureCollection([buffered, polygon([hand.map((p) => [...p])])]))
      : buffered;
  const area = districts.length === 1 ? districts[0] : union(featureCollection([...districts]));
  if (!grown || !area) throw new Error('buffer or union failed');
  const inset = buffer(area, -insetKm, { units: 'kilometers' });
  if (!inset) throw new Error('inset failed');
  const clipped = intersect(featureCollection([grown, inset]));
  if (!clipped) throw new Error('the buffered seats do not meet their districts');
  if (clipped.geometry.type === 'MultiPolygon' && clipped.geometry.coordinates.length > 1)
    throw new Error('the outline falls apart: the seats do not meet the hand-drawn outline');
  return officialRing(clipped.geometry);
}

interface ZoneFile {
  type: 'FeatureCollection';
  features: ParkFeatureInput[];
}

/** The zone's town whose short name (without 镇/街道) the feature's name or location note names, if exactly one. */
function namedTown(f: ParkFeatureInput, towns: readonly Place[]): Place | null {
  const text = [f.properties.name_zh, f.properties.location_note ?? ''].join('\n');
  const hits = towns.filter((t) => text.includes(t.name_zh.replace(/(街道|镇)$/, '')));
  return hits.length === 1 ? (hits[0] ?? null) : null;
}

function main(): void {
  const places = resolvePlaces(v.parse(PlacesFileSchema, readJson(PLACES_FILE)));
  writeFileSync(PLACES_FILE, `${JSON.stringify(places, null, 2)}\n`);

  const topo = readJson(BASEMAP_FILE) as Topology<{ districts: GeometryCollection }>;
  const basemap = topoFeature(topo, topo.objects.districts) as unknown as {
    features: District[];
  };
  const districtsNamed = (names: readonly string[]): District[] =>
    basemap.features.filter((d) => names.includes(d.properties.name));

  for (const [zoneId, rule] of Object.entries(OUTLINE_RULES)) {
    const path = join(root, `data/zones/${zoneId}.geojson`);
    const file = readJson(path) as ZoneFile;
    const [zone, ...points] = file.features;
    if (!zone || zone.geometry.type !== 'Polygon') throw new Error(`${zoneId}: no zone polygon`);
    const towns = places.places.filter((p) => p.kind === 'town' && p.zone === zoneId);
    const located = towns.filter((t): t is Place & { position: [number, number] } => !!t.position);

    let ring: [number, number][];
    if (rule.kind === 'official') {
      const [district] = districtsNamed([rule.district]);
      if (!district) throw new Error(`${rule.district} not in the basemap`);
      ring = officialRing(district.geometry);
      zone.properties.districts = [rule.district];
    } else if (rule.kind === 'seats' || rule.kind === 'extended') {
      // The districts of all the zone's towns: a hand-drawn part may cover unlocated ones.
      const of = rule.kind === 'seats' ? located : towns;
      const names = [...new Set(of.flatMap((t) => (t.district === null ? [] : [t.district])))];
      ring = seatsOutline(
        located.map((t) => t.position),
        districtsNamed(names),
        rule.radiusKm,
        rule.insetKm,
        rule.kind === 'extended' ? rule.hand : undefined,
      );
      zone.properties.districts = names;
    } else {
      ring = cleanRing(zone.geometry.coordinates[0] ?? []);
    }
    zone.geometry = { type: 'Polygon', coordinates: [ring as Position[] as [number, number][]] };
    zone.properties.outline = rule.kind === 'official' ? 'official' : 'approximate';
    zone.properties.outline_basis = rule.basis;
    const anchor = zoneAnchor({ type: 'Polygon', coordinates: [ring] });
    if (!anchor) throw new Error(`${zoneId}: no label point`);

    const placed = new Map<string, [number, number]>();
    // Parents first, so an address point can sit at its approximate parent's point.
    const ordered = [...points].sort(
      (a, b) => Number(!!a.properties.parent) - Number(!!b.properties.parent),
    );
    for (const f of ordered) {
      const p = f.properties;
      const town = namedTown(f, towns);
      p.place = town ? town.id : null;
      let at: [number, number];
      if (town?.position) {
        p.precision = 'town';
        at = town.position;
      } else if (p.precision === 'address' && p.parent && placed.has(p.parent)) {
        at = placed.get(p.parent) ?? anchor;
      } else {
        p.precision = 'zone';
        at = anchor;
      }
      if (p.place === null) delete p.place;
      f.geometry = { type: 'Point', coordinates: [...at] };
      placed.set(p.id, at);
    }
    writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
    console.log(
      `${zoneId}: ${rule.kind} outline, ${ring.length} positions, label point ${anchor.join(', ')}`,
    );
  }
}

// Run only as the command, so that tests can import OUTLINE_RULES.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
