import type {
  Figure,
  ParkFeature,
  Relation,
  Source,
  StatusSource,
  TimelineEntry,
} from './schema.ts';

/** Returns one shared copy of each distinct string it is given. */
export type Intern = (s: string) => string;

export function interner(): Intern {
  const pool = new Map<string, string>();
  return (s) => {
    const hit = pool.get(s);
    if (hit !== undefined) return hit;
    pool.set(s, s);
    return s;
  };
}

/**
 * One frozen array for every empty list: most features have no aliases, timeline or relations,
 * and an empty array of their own cost 16 B each — 4.8 MB of the heap at 100,000 points
 * (scripts/bench/heap-breakdown.ts). Frozen, so a caller that tried to add to one would throw
 * instead of adding to every feature's.
 */
const NONE: readonly never[] = Object.freeze([]);

/** `xs.map(f)`, or the shared empty array. */
const list = <T, U>(xs: readonly T[], f: (x: T) => U): U[] =>
  xs.length === 0 ? (NONE as never[]) : xs.map(f);

const source = (s: Source, intern: Intern): Source => ({
  doc: intern(s.doc),
  quote: intern(s.quote),
});

const statusSource = (s: StatusSource, intern: Intern): StatusSource => ({
  doc: intern(s.doc),
  quote: intern(s.quote),
  as_of: intern(s.as_of),
  reported: intern(s.reported) as StatusSource['reported'],
});

const figure = (f: Figure, intern: Intern): Figure => ({
  what: intern(f.what),
  label_zh: intern(f.label_zh),
  label_en: intern(f.label_en),
  value: f.value,
  unit: intern(f.unit),
  year: f.year,
  period: f.period === null ? null : intern(f.period),
  ...(f.as_of === undefined ? {} : { as_of: intern(f.as_of) }),
  ...(f.qualifier === undefined ? {} : { qualifier: intern(f.qualifier) as typeof f.qualifier }),
  target: f.target,
  doc: intern(f.doc),
  quote: intern(f.quote),
});

const timelineEntry = (t: TimelineEntry, intern: Intern): TimelineEntry => ({
  date: intern(t.date),
  doc: intern(t.doc),
  quote: intern(t.quote),
  note_en: intern(t.note_en),
  ...(t.status === undefined ? {} : { status: intern(t.status) as typeof t.status }),
});

const relation = (r: Relation, intern: Intern): Relation => ({
  // Left as parsed, as GeoJSON's own `type` values are: relations are few (a dozen in the data).
  type: r.type,
  target: intern(r.target),
  doc: intern(r.doc),
  quote: intern(r.quote),
});

/**
 * The same feature, equal in every value, in less memory: arrays of exactly their length
 * (valibot grows each output array by pushing, to 17 slots), objects with all their keys from
 * the start (so properties sit inside the object), and repeated strings — codes, document names,
 * labels, quotes, picklist values — shared through `intern`. At 100,000 features this is most of the ~1 KB each
 * feature held (scripts/bench/heap-breakdown.ts). Names and ids are unique and left alone.
 */
export function compactFeature(f: ParkFeature, intern: Intern): ParkFeature {
  const p = f.properties;
  const geometry: ParkFeature['geometry'] =
    f.geometry.type === 'Point'
      ? { type: 'Point', coordinates: [f.geometry.coordinates[0], f.geometry.coordinates[1]] }
      : {
          type: 'Polygon',
          coordinates: f.geometry.coordinates.map((ring) => ring.map(([x, y]) => [x, y])),
        };
  const properties: ParkFeature['properties'] = {
    id: p.id,
    kind: intern(p.kind) as typeof p.kind,
    name_zh: p.name_zh,
    name_en: p.name_en,
    aliases: list(p.aliases, (a) => a),
    zone: intern(p.zone),
    parent: p.parent === null ? null : intern(p.parent),
    ...(p.districts === undefined ? {} : { districts: list(p.districts, intern) }),
    ...(p.outline === undefined ? {} : { outline: intern(p.outline) as typeof p.outline }),
    ...(p.outline_basis === undefined ? {} : { outline_basis: intern(p.outline_basis) }),
    place: p.place === null ? null : intern(p.place),
    industries: list(p.industries, intern),
    status: intern(p.status) as typeof p.status,
    status_source: p.status_source === null ? null : statusSource(p.status_source, intern),
    precision: intern(p.precision) as typeof p.precision,
    location_note: p.location_note === null ? null : intern(p.location_note),
    figures: list(p.figures, (x) => figure(x, intern)),
    sources: list(p.sources, (x) => source(x, intern)),
    timeline: list(p.timeline, (x) => timelineEntry(x, intern)),
    relations: list(p.relations, (x) => relation(x, intern)),
  };
  return { type: 'Feature', id: f.id, geometry, properties };
}
