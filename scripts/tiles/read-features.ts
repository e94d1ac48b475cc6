/**
 * Features for the tiles, read the way the app reads a dataset (src/lib/data/app-data.ts): each
 * parsed by the schema (`parseFeatures`; a bad one is dropped and reported), a repeated id keeps
 * the first (`buildDataset`'s rule), numeric fields from `numericFields` over every kept feature,
 * and the points' properties from `mapProperties` with those fields — so the tiles hold exactly
 * what the app's GeoJSON source would.
 *
 * A million features are never held at once: the input is an iterable read twice, once for the
 * fields (a field's unit is that of its first figure, so all features must be seen before any
 * property is computed) and once for the points.
 */
import { numericFields, type NumericField } from '../../src/lib/data/dataset.ts';
import { parseFeatures } from '../../src/lib/data/parse.ts';
import type { DataIssue } from '../../src/lib/data/errors.ts';
import type { ParkFeature } from '../../src/lib/data/schema.ts';
import { mapProperties, type MapProperties } from '../../src/lib/data/flat.ts';

/** Features parsed per call of parseFeatures: large enough to be quick, small enough to stream. */
const CHUNK = 10_000;

export interface ReadReport {
  /** Features in the input. */
  read: number;
  /** Dropped by the schema, with their first issue each (the first 100 kept here). */
  rejected: number;
  issues: DataIssue[];
  /** Dropped because an earlier feature had the same id. */
  duplicates: number;
  /** Kept but not points (zone polygons): not in the point tiles. */
  notPoints: number;
  /** Numeric fields over every kept feature, as the app computes them. */
  fields: NumericField[];
}

const MAX_ISSUES = 100;

/** Parsed, de-duplicated features in input order, with issue paths counted over the whole input. */
function* parsed(
  input: Iterable<unknown>,
  source: string,
  report: Pick<ReadReport, 'read' | 'rejected' | 'issues' | 'duplicates'>,
): Generator<ParkFeature> {
  const seen = new Set<string>();
  let chunk: unknown[] = [];
  const flush = function* (): Generator<ParkFeature> {
    const result = parseFeatures(chunk, source);
    report.rejected += result.issues.length;
    for (const issue of result.issues) {
      if (report.issues.length >= MAX_ISSUES) break;
      // parseFeatures numbers features within the chunk; renumber within the input.
      const path = issue.path.replace(
        /^features\[(\d+)\]/,
        (_, i: string) => `features[${report.read - chunk.length + Number(i)}]`,
      );
      report.issues.push({ ...issue, path });
    }
    chunk = [];
    for (const f of result.features) {
      if (seen.has(f.id)) report.duplicates++;
      else {
        seen.add(f.id);
        yield f;
      }
    }
  };
  for (const raw of input) {
    chunk.push(raw);
    report.read++;
    if (chunk.length === CHUNK) yield* flush();
  }
  yield* flush();
}

/** `numericFields` over the whole input, a chunk at a time; the same result as over one array. */
function fieldsOf(features: Iterable<ParkFeature>): NumericField[] {
  const merged = new Map<string, NumericField>();
  let chunk: ParkFeature[] = [];
  const flush = (): void => {
    for (const f of numericFields(chunk)) {
      const field = merged.get(f.key);
      // The first chunk to carry a field has its first feature: labels and unit come from it.
      if (field) field.count += f.count;
      else merged.set(f.key, { ...f });
    }
    chunk = [];
  };
  for (const f of features) {
    chunk.push(f);
    if (chunk.length === CHUNK) flush();
  }
  flush();
  // numericFields' own order: most common first, then by key.
  return [...merged.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export interface MapPoint {
  lng: number;
  lat: number;
  properties: MapProperties;
  /** The feature as the schema parsed it: its full properties go into the last zoom's tiles. */
  feature: ParkFeature;
}

/**
 * Reads `input()` twice and calls `onPoint` for every point feature the app would show, with its
 * map properties. Returns what was read, dropped and the fields.
 */
export function readPoints(
  input: () => Iterable<unknown>,
  source: string,
  onPoint: (point: MapPoint) => void,
): ReadReport {
  const first = { read: 0, rejected: 0, issues: [] as DataIssue[], duplicates: 0 };
  const fields = fieldsOf(parsed(input(), source, first));
  const second = { read: 0, rejected: 0, issues: [] as DataIssue[], duplicates: 0 };
  let notPoints = 0;
  for (const f of parsed(input(), source, second)) {
    if (f.geometry.type !== 'Point') {
      notPoints++;
      continue;
    }
    const [lng, lat] = f.geometry.coordinates;
    onPoint({ lng, lat, properties: mapProperties(f, fields), feature: f });
  }
  if (second.read !== first.read)
    throw new Error(`the input changed between readings: ${first.read}, then ${second.read}`);
  return { ...first, notPoints, fields };
}
