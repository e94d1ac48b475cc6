/**
 * From what a format reader found to a layer the app can show: geometry checked and cleaned,
 * ranges checked after the coordinates are in WGS-84, properties flattened safely, every
 * feature given a stable id, fields described and a name field chosen. Nothing is dropped
 * without an issue saying where and why.
 */
import type { Feature, Geometry } from 'geojson';
import { boundsOf } from '../geo/bounds.ts';
import { describeFields, guessIdField, guessNameField, type FieldInfo } from './fields.ts';
import { checkGeometry, rangeProblem, somePosition } from './geometry.ts';
import { rejectedAt, say, warningAt, type IssueText } from './messages.ts';
import { flattenProperties, type FlatProperties } from './properties.ts';
import type { FormatName, ImportIssue, ReadResult } from './types.ts';

export type ImportedFeature = Feature<Geometry, FlatProperties> & { id: string };

export interface CrsUsed extends Omit<IssueText, 'code'> {
  /** e.g. `EPSG:4326`, `GCJ-02`, `EPSG:4527`. */
  code: string;
}

export interface ImportedLayer {
  /** Stable key: storage, map sources and links to its features use it. */
  id: string;
  /** What the layer panel calls it: the file name, until the user renames it. */
  title: string;
  files: string[];
  format: FormatName;
  crs: CrsUsed;
  nameField: string | null;
  idField: string | null;
  fields: FieldInfo[];
  features: ImportedFeature[];
  /** Features or rows the file had that were not loaded (each has an issue). */
  rejected: number;
  issues: ImportIssue[];
  /** [west, south, east, north] of what loaded, null when nothing did. */
  bbox: [number, number, number, number] | null;
}

/**
 * Coordinates of every feature into WGS-84, and what was used; the CRS module supplies it. A
 * feature it could not convert comes back without geometry (its issue given); `fatal` when none
 * could be (projected coordinates nothing declares).
 */
export type Convert = (features: Feature<Geometry, Record<string, unknown>>[]) => {
  features: Feature<Geometry | null, Record<string, unknown>>[];
  used: CrsUsed;
  issues: ImportIssue[];
  fatal?: ImportIssue;
};

/** The file cannot load at all; carries why. */
export class ImportRefused extends Error {
  constructor(readonly issue: ImportIssue) {
    super(issue.en);
    this.name = 'ImportRefused';
  }
}

/** China's extent, roughly: a point far outside it is flagged (loaded, with a warning). */
const CHINA = [73, 3, 135.5, 54] as const;

export interface LayerInput {
  id: string;
  files: string[];
  read: ReadResult;
  convert: Convert;
}

/** Geometry first (structure), then coordinates converted, then ranges; located per feature. */
function checkedFeatures(input: LayerInput, issues: ImportIssue[]) {
  const { read } = input;
  const file = input.files[0] ?? '';
  const structured: Feature<Geometry, Record<string, unknown>>[] = [];
  const places: string[] = [];
  read.features.forEach((f, i) => {
    const where = read.places?.[i] ?? `features[${i}]`;
    const checked = checkGeometry(f.geometry);
    if ('problem' in checked) {
      issues.push(rejectedAt(file, `${where}.${checked.problem.where}`, checked.problem.text));
      return;
    }
    for (const w of checked.ok.warnings)
      issues.push(warningAt(file, `${where}.${w.where}`, w.text));
    structured.push({ ...f, geometry: checked.ok.geometry });
    places.push(where);
  });
  const converted = input.convert(structured);
  if (converted.fatal) throw new ImportRefused(converted.fatal);
  // The converter numbers features among those it was given; issues name them as the file does.
  for (const issue of converted.issues) {
    const m = /^features\[(\d+)\](.*)$/.exec(issue.where);
    const place = m ? places[Number(m[1])] : undefined;
    issues.push(place && m ? { ...issue, where: `${place}${m[2]}` } : issue);
  }
  const kept: { feature: Feature<Geometry, Record<string, unknown>>; where: string }[] = [];
  converted.features.forEach((f, i) => {
    const where = places[i] ?? `features[${i}]`;
    if (!f.geometry) return; // not converted: the converter's issue says so
    const bad = rangeProblem(f.geometry);
    if (bad) issues.push(rejectedAt(file, `${where}.${bad.where}`, bad.text));
    // Its geometry is there (checked above): the same object, not a copy per feature.
    else kept.push({ feature: f as Feature<Geometry, Record<string, unknown>>, where });
  });
  return { kept, used: converted.used };
}

export function buildLayer(input: LayerInput): ImportedLayer {
  const file = input.files[0] ?? '';
  const issues: ImportIssue[] = [...input.read.issues];
  const { kept, used } = checkedFeatures(input, issues);
  const rows: FlatProperties[] = [];
  for (const { feature, where } of kept) {
    const flat = flattenProperties(feature.properties);
    for (const key of flat.dropped)
      issues.push(warningAt(file, `${where}.properties`, say.nestedValue(key)));
    rows.push(flat.properties);
  }
  const fields = describeFields(rows);
  const idField = guessIdField(fields);
  const ids = assignIds(
    kept.map((k, i) => k.feature.id ?? (idField ? rows[i]?.[idField] : undefined)),
    kept,
    file,
    issues,
  );
  const features = kept.map(({ feature }, i): ImportedFeature => ({
    type: 'Feature',
    id: ids[i] ?? String(i + 1),
    geometry: feature.geometry,
    properties: rows[i] ?? {},
  }));
  flagFarFromChina(kept, file, issues);
  return {
    id: input.id,
    title: input.files.join(' + '),
    files: input.files,
    format: input.read.format,
    crs: used,
    nameField: guessNameField(fields, features.length),
    idField,
    fields,
    features,
    rejected: issues.filter((x) => x.rejected).length,
    issues,
    bbox: boundsOrNull(features),
  };
}

/**
 * The file's own ids where they are present and unique; otherwise the feature's number in the
 * file (1-based), which stays the same when the same file is imported again. Duplicates reported.
 */
function assignIds(
  given: readonly unknown[],
  kept: readonly { where: string }[],
  file: string,
  issues: ImportIssue[],
): string[] {
  const seen = new Map<string, number>();
  const taken = new Set<string>();
  const out = given.map((raw, i) => {
    if (raw === null || raw === undefined || raw === '') return null;
    const id = String(raw);
    const first = seen.get(id);
    if (first !== undefined) {
      issues.push(warningAt(file, kept[i]?.where ?? '', say.duplicateId(id, first)));
      return null;
    }
    seen.set(id, i);
    taken.add(id);
    return id;
  });
  return out.map((id, i) => {
    if (id !== null) return id;
    let own = `#${i + 1}`;
    while (taken.has(own)) own = `${own}'`;
    taken.add(own);
    return own;
  });
}

function flagFarFromChina(
  kept: readonly { feature: Feature<Geometry>; where: string }[],
  file: string,
  issues: ImportIssue[],
): void {
  for (const { feature, where } of kept) {
    somePosition(feature.geometry, ([x = 0, y = 0]) => {
      const far = x < CHINA[0] - 5 || x > CHINA[2] + 5 || y < CHINA[1] - 5 || y > CHINA[3] + 5;
      if (far) issues.push(warningAt(file, where, say.farFromChina(x, y)));
      return true; // the first position is enough to tell
    });
  }
}

function boundsOrNull(features: readonly ImportedFeature[]): ImportedLayer['bbox'] {
  const b = boundsOf({ type: 'FeatureCollection', features: features as ImportedFeature[] });
  return Number.isFinite(b[0]) ? b : null;
}
