/**
 * Checks the whole dataset against the contract in data/README.md and against its own evidence:
 * every quote must be found verbatim in the document it cites, every number in the quote it comes
 * with, every point inside its zone and every zone inside its districts.
 *
 * Pure: callers read the files (scripts/check-data.ts with node fs, tests with fixtures) and pass
 * parsed JSON and document texts in, so this runs anywhere and is tested without a disk. This
 * module runs the checks in order; the checks themselves are in the modules next to it.
 */
import type { ParkFeature } from '../schema.ts';
import { err, type ValidationError } from './errors.ts';
import { checkDocuments } from './documents.ts';
import { checkFeature } from './feature.ts';
import { checkDivisions, checkIndustries, parseZoneFile, zoneIdOf } from './files.ts';
import type { BasemapDistricts, ValidateInput } from './input.ts';
import { checkSpread, checkZoneFileLayout } from './layout.ts';
import { checkPlacement, checkPlaces, checkZoneOutline } from './places.ts';
import type { Place } from '../schema.ts';
import { checkInZone, checkParent, checkRelations, type FeaturesById } from './relations.ts';
import { checkZoneFeature } from './zone.ts';

export { formatError, type ValidationError } from './errors.ts';
export type { BasemapDistricts, ValidateInput, ZoneFileInput } from './input.ts';
export { MAX_RING_POSITIONS } from './geometry.ts';
export { numbersIn, parseChineseNumeral, quoteHasValue } from './numbers.ts';
export { formatSummary, summarize, type Summary } from './summary.ts';

/** One zone file's features that passed the schema, and the ids of zone features that did not. */
interface ParsedFile {
  file: string;
  zoneId: string;
  features: ParkFeature[];
  invalidZones: string[];
}

/** What the per-feature checks need from the rest of the dataset. */
interface Context {
  sources: Readonly<Record<string, string>>;
  industryCodes: ReadonlySet<string>;
  divisionZones: ReadonlySet<string> | null;
  basemap: BasemapDistricts | undefined;
  byId: FeaturesById;
  places: ReadonlyMap<string, Place>;
  /** Zone id → its official name in divisions.json (德州天衢新区), which may be an alias. */
  divisionNames: ReadonlyMap<string, string>;
}

/** The official zone names of divisions.json, read loosely (its schema is checked elsewhere). */
function divisionNamesOf(divisions: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const zones = (divisions as { zones?: Record<string, { name?: unknown }> } | undefined)?.zones;
  for (const [id, z] of Object.entries(zones ?? {}))
    if (typeof z.name === 'string') out.set(id, z.name);
  return out;
}

/** Runs every check; returns all problems found (empty = the dataset is valid). */
export function validate(input: ValidateInput): ValidationError[] {
  const errors: ValidationError[] = [];
  const industriesFile = input.industriesFile ?? 'data/industries.json';
  const divisionsFile = input.divisionsFile ?? 'data/divisions.json';

  const industryCodes = checkIndustries(input.industries, industriesFile, errors);
  const divisionZones =
    input.divisions === undefined ? null : checkDivisions(input.divisions, divisionsFile, errors);
  const places =
    input.places === undefined
      ? new Map<string, Place>()
      : checkPlaces(
          input.places,
          input.placesFile ?? 'data/places/towns.json',
          input.divisions,
          input.basemap,
          errors,
        );

  if (input.documents !== undefined) {
    const file = input.documentsFile ?? 'data/sources/documents.json';
    checkDocuments(input.documents, file, input.sources, errors);
  }

  // Parse every file first: cross-file checks (ids, parents, zones) need all features.
  const parsed: ParsedFile[] = input.zoneFiles.map((zf) => ({
    file: zf.file,
    zoneId: zoneIdOf(zf.file),
    ...parseZoneFile(zf, errors),
  }));
  const byId = indexById(parsed, errors);

  // A zone that failed the schema is already reported; counting it as existing here keeps its
  // features from each reporting a second, misleading "zone does not exist".
  const zoneIds = new Set([
    ...[...byId.values()]
      .filter((x) => x.feature.properties.kind === 'zone')
      .map((x) => x.feature.properties.id),
    ...parsed.flatMap((p) => p.invalidZones),
  ]);
  const context: Context = {
    sources: input.sources,
    industryCodes,
    divisionZones,
    basemap: input.basemap,
    byId,
    places,
    divisionNames: divisionNamesOf(input.divisions),
  };
  for (const p of parsed) checkZoneFile(p, zoneIds, context, input.places !== undefined, errors);
  return errors;
}

/** Features by id across all files; a second feature with an id is reported, not indexed. */
function indexById(parsed: readonly ParsedFile[], errors: ValidationError[]): FeaturesById {
  const byId = new Map<string, { file: string; feature: ParkFeature }>();
  for (const { file, features } of parsed) {
    for (const f of features) {
      const seen = byId.get(f.properties.id);
      if (seen) {
        errors.push(err(file, f.properties.id, 'id', `duplicate id (also in ${seen.file})`));
      } else {
        byId.set(f.properties.id, { file, feature: f });
      }
    }
  }
  return byId;
}

/**
 * Every alias is a name the texts use: written in a document the feature cites, or (for a zone)
 * part of its official name in divisions.json; and none repeats the feature's own name.
 */
function checkAliases(
  f: ParkFeature,
  context: Context,
  add: (field: string | null, message: string) => void,
): void {
  const p = f.properties;
  const docs = new Set(p.sources.map((s) => s.doc));
  const official = p.kind === 'zone' ? (context.divisionNames.get(p.id) ?? '') : '';
  p.aliases.forEach((alias, i) => {
    if (alias === p.name_zh) add(`aliases[${i}]`, 'repeats name_zh');
    const written = [...docs].some((d) => context.sources[d]?.includes(alias));
    if (!written && !(official !== '' && official.includes(alias)))
      add(`aliases[${i}]`, `"${alias}" is written in no document the feature cites`);
  });
}

/** The file's layout, then each feature on its own and among the others, then their spread. */
function checkZoneFile(
  { file, zoneId, features, invalidZones }: ParsedFile,
  zoneIds: ReadonlySet<string>,
  context: Context,
  hasPlaces: boolean,
  errors: ValidationError[],
): void {
  checkZoneFileLayout(file, zoneId, features, invalidZones.length, zoneIds, errors);
  const namesSeen = new Map<string, string>();
  for (const f of features) {
    const id = f.properties.id;
    const add = (field: string | null, message: string): void => {
      errors.push(err(file, id, field, message));
    };
    checkFeature(f, context.sources, context.industryCodes, add);
    checkAliases(f, context, add);
    checkParent(f, context.byId, add);
    checkRelations(f, context.byId, add);
    if (hasPlaces) checkPlacement(f, context.byId, context.places, add);
    if (f.properties.kind === 'zone') {
      checkZoneFeature(f, context.divisionZones, context.basemap, add);
      if (hasPlaces) checkZoneOutline(f, context.places, context.basemap, add);
    } else {
      checkInZone(f, context.byId, add);
    }
    const other = namesSeen.get(f.properties.name_zh);
    if (other !== undefined) {
      add('name_zh', `name "${f.properties.name_zh}" is also used by ${other} in this zone`);
    } else {
      namesSeen.set(f.properties.name_zh, id);
    }
  }
  checkSpread(file, features, errors);
}
