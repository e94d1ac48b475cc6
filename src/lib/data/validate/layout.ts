/**
 * Checks of one zone file as a whole: exactly one zone, first, named for the file; every other
 * feature in its own zone's file; no two address points on one coordinate.
 */
import type { ParkFeature } from '../schema.ts';
import { err, type ValidationError } from './errors.ts';

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

/**
 * Two points located by their address on one coordinate would look like one place. Town and zone
 * points share their seat or label point on purpose: the map fans them out as a schematic.
 */
export function checkSpread(
  file: string,
  features: readonly ParkFeature[],
  errors: ValidationError[],
): void {
  const seen = new Map<string, string>();
  for (const f of features) {
    if (f.geometry.type !== 'Point' || f.properties.precision !== 'address') continue;
    const key = f.geometry.coordinates.join(',');
    const other = seen.get(key);
    if (other !== undefined)
      errors.push(err(file, f.properties.id, 'geometry', `same coordinates as ${other}`));
    else seen.set(key, f.properties.id);
  }
}
