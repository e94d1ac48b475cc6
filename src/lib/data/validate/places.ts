/**
 * Checks of data/places/towns.json and of how the zones use it: each place's position as its
 * basis says (a derivation re-computed), inside the district the pages put it in and, for a town,
 * inside its zone's outline; zone outlines made by the rule their `outline` names; every point
 * where its precision says (town points at their town's seat, zone points at the zone's label
 * point). The rules: data/README.md, "Places", "Zone outlines" and "Precision".
 */
import { booleanPointInPolygon } from '@turf/turf';
import * as v from 'valibot';
import { derivedPosition, officialRing, zoneAnchor } from '../outline.ts';
import { DivisionsFileSchema, PlacesFileSchema, type ParkFeature, type Place } from '../schema.ts';
import { err, schemaErrors, type ValidationError } from './errors.ts';
import type { BasemapDistricts } from './input.ts';
import type { FeaturesById } from './relations.ts';

const same = (a: readonly number[] | null | undefined, b: readonly number[] | null | undefined) =>
  !!a && !!b && a[0] === b[0] && a[1] === b[1];

/** The valid places by id (empty when the file is not valid); problems of the file reported. */
export function checkPlaces(
  data: unknown,
  file: string,
  divisions: unknown,
  basemap: BasemapDistricts | undefined,
  errors: ValidationError[],
): Map<string, Place> {
  const r = v.safeParse(PlacesFileSchema, data);
  if (!r.success) {
    errors.push(...schemaErrors(r.issues, file, null));
    return new Map();
  }
  const byId = new Map<string, Place>();
  for (const p of r.output.places) {
    if (byId.has(p.id)) errors.push(err(file, p.id, 'id', 'duplicate place id'));
    byId.set(p.id, p);
  }
  const d = v.safeParse(DivisionsFileSchema, divisions);
  for (const p of byId.values()) {
    const add = (field: string | null, message: string): void => {
      errors.push(err(file, p.id, field, message));
    };
    if (p.basis === 'unlocated') {
      if (p.position !== null) add('position', 'an unlocated place has no position');
    } else {
      if (p.position === null) add('position', `a ${p.basis} place needs a position`);
      if (p.sources.length === 0) add('sources', `a ${p.basis} place needs a source`);
    }
    if (p.basis === 'derived') {
      const from = p.derivation ? byId.get(p.derivation.from) : undefined;
      if (!p.derivation) add('derivation', 'a derived place needs its derivation');
      else if (!from?.position || from.basis !== 'cited')
        add('derivation.from', `"${p.derivation.from}" is not a cited place`);
      else if (!same(derivedPosition(from.position, p.derivation), p.position))
        add(
          'position',
          `does not match its derivation (${derivedPosition(from.position, p.derivation).join(', ')}); run npm run data:outlines`,
        );
    } else if (p.derivation) add('derivation', `only a derived place has a derivation`);
    if (p.kind === 'town' && d.success) {
      const street = d.output.zones[p.zone]?.streets.find((s) => s.code === p.code);
      if (!street) add('code', `${p.code} is not a street of ${p.zone} in data/divisions.json`);
      else if (street.name !== p.name_zh)
        add('name_zh', `divisions.json names ${p.code} "${street.name}"`);
    }
    if (p.position && p.district === null) add('district', 'a located place names its district');
    if (p.position && p.district !== null && basemap) {
      const districts = basemap.features.filter((f) => f.properties.name === p.district);
      if (districts.length === 0) add('district', `district "${p.district}" is not in the basemap`);
      else if (!districts.some((f) => booleanPointInPolygon([...(p.position ?? [])], f)))
        add('position', `[${p.position.join(', ')}] is not in ${p.district}`);
    }
  }
  return byId;
}

/** A zone's outline as its `outline` says, and its located town seats inside it. */
export function checkZoneOutline(
  f: ParkFeature,
  places: ReadonlyMap<string, Place>,
  basemap: BasemapDistricts | undefined,
  add: (field: string | null, message: string) => void,
): void {
  const p = f.properties;
  if (!p.outline) add('outline', 'a zone says whether its outline is official or approximate');
  if (!p.outline_basis) add('outline_basis', 'a zone says how its outline was obtained');
  if (f.geometry.type !== 'Polygon') return;
  const ring = f.geometry.coordinates[0] ?? [];
  if (p.outline === 'official' && basemap) {
    const [name] = p.districts ?? [];
    const district = basemap.features.find((d) => d.properties.name === name);
    const expected = district ? officialRing(district.geometry) : null;
    if ((p.districts ?? []).length !== 1 || !expected)
      add('districts', 'an official outline is one basemap district, named in districts');
    else if (expected.length !== ring.length || expected.some((q, i) => !same(q, ring[i])))
      add(
        'geometry',
        `an official outline must be the basemap's ${name}; run npm run data:outlines`,
      );
  }
  for (const t of places.values()) {
    if (t.kind !== 'town' || t.zone !== p.id || !t.position) continue;
    if (!booleanPointInPolygon([...t.position], f.geometry))
      add('geometry', `the seat of ${t.name_zh} (${t.id}) lies outside the zone outline`);
  }
}

/**
 * A point where its precision says: `town` at the seat of the located town in `place`, `zone` at
 * the zone's label point, `address` anywhere in the zone. A point naming a town no page locates
 * (`place` unlocated) is zone precision.
 */
export function checkPlacement(
  f: ParkFeature,
  byId: FeaturesById,
  places: ReadonlyMap<string, Place>,
  add: (field: string | null, message: string) => void,
): void {
  const p = f.properties;
  if (p.kind === 'zone') {
    if (p.place !== null) add('place', 'a zone has no place');
    return;
  }
  if (p.outline !== undefined || p.outline_basis !== undefined)
    add('outline', 'only a zone has an outline');
  if (f.geometry.type !== 'Point') return;
  const at = f.geometry.coordinates;
  const place = p.place === null ? undefined : places.get(p.place);
  if (p.place !== null) {
    if (!place) add('place', `place "${p.place}" is not in data/places/towns.json`);
    else if (place.kind !== 'town' || place.zone !== p.zone)
      add('place', `place "${p.place}" is not a town of ${p.zone}`);
  }
  if (p.precision === 'town') {
    if (!place?.position) add('precision', 'a town-precision point names a located town in place');
    else if (!same(place.position, at)) add('geometry', `must sit at the seat of ${place.name_zh}`);
  } else if (place?.position) {
    add('precision', `${place.name_zh} is located: the point is town precision, at its seat`);
  }
  if (p.precision === 'zone') {
    const zone = byId.get(p.zone)?.feature;
    const anchor = zone?.geometry.type === 'Polygon' ? zoneAnchor(zone.geometry) : null;
    if (anchor && !same(anchor, at))
      add(
        'geometry',
        `a zone-precision point sits at the zone's label point [${anchor.join(', ')}], not on a layout of its own`,
      );
  }
}
