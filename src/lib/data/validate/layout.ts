/**
 * Checks of one zone file as a whole: exactly one zone, first, named for the file; every other
 * feature in its own zone's file; hand-placed points not piled up.
 */
import { distance } from '@turf/turf';
import type { ParkFeature } from '../schema.ts';
import { err, type ValidationError } from './errors.ts';

/** Features with precision "zone" are placed by hand; closer than this they look like one place. */
export const MIN_SPREAD_METERS = 300;

export function checkZoneFileLayout(
  file: string,
  zoneId: string,
  features: readonly ParkFeature[],
  invalidZoneCount: number,
  zoneIds: ReadonlySet<string>,
  errors: ValidationError[],
): void {
  const zones = features.filter((f) => f.properties.kind === 'zone');
  const first = features[0];
  if (zones.length + invalidZoneCount !== 1) {
    errors.push(
      err(
        file,
        null,
        null,
        `a zone file holds exactly one zone feature, found ${zones.length + invalidZoneCount}`,
      ),
    );
  } else if (invalidZoneCount === 0 && first && first.properties.kind !== 'zone') {
    errors.push(err(file, first.properties.id, 'kind', 'the zone feature must come first'));
  }
  for (const z of zones) {
    if (z.properties.id !== zoneId) {
      errors.push(err(file, z.properties.id, 'id', `zone id must match the file name (${zoneId})`));
    }
  }
  for (const f of features) {
    const zone = f.properties.zone;
    if (f.properties.kind === 'zone') continue;
    if (!zoneIds.has(zone)) {
      errors.push(err(file, f.properties.id, 'zone', `zone "${zone}" does not exist`));
    } else if (zone !== zoneId) {
      errors.push(
        err(file, f.properties.id, 'zone', `belongs to zone "${zone}" but is in ${zoneId}'s file`),
      );
    }
  }
}

/** Hand-placed points must not pile up: the map would show one dot for several places. */
export function checkSpread(
  file: string,
  features: readonly ParkFeature[],
  errors: ValidationError[],
): void {
  const points = features.filter(
    (f): f is ParkFeature & { geometry: { type: 'Point'; coordinates: [number, number] } } =>
      f.geometry.type === 'Point',
  );
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i];
      const b = points[j];
      if (!a || !b) continue;
      const [ax, ay] = a.geometry.coordinates;
      const [bx, by] = b.geometry.coordinates;
      const pa = a.properties;
      const pb = b.properties;
      if (ax === bx && ay === by) {
        errors.push(err(file, pb.id, 'geometry', `same coordinates as ${pa.id}`));
      } else if (pa.precision === 'zone' && pb.precision === 'zone') {
        const m = distance(a.geometry.coordinates, b.geometry.coordinates, { units: 'meters' });
        if (m < MIN_SPREAD_METERS) {
          errors.push(
            err(
              file,
              pb.id,
              'geometry',
              `only ${Math.round(m)} m from ${pa.id}; approximate points need ${MIN_SPREAD_METERS} m`,
            ),
          );
        }
      }
    }
  }
}
