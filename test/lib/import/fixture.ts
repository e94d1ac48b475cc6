/** Reads test/fixtures/import files as the import gets them: a name and its bytes. */
import { readFileSync } from 'node:fs';
import type { ImportedFeature, ImportedLayer } from '../../../src/lib/import/layer.ts';
import type { ImportFile } from '../../../src/lib/import/types.ts';

const dir = new URL('../../fixtures/import/', import.meta.url);

/** A fixture's bytes as the worker gets them: an ArrayBuffer of exactly the file. */
export function fixtureBytes(name: string): ArrayBuffer {
  // A copy, so the ArrayBuffer holds this file alone (Node pools small reads).
  return new Uint8Array(readFileSync(new URL(name, dir))).buffer;
}

/** A fixture as an ImportFile; `as` renames it (the readers match parts by name). */
export function fixtureFile(name: string, as = name): ImportFile {
  return { name: as, bytes: fixtureBytes(name) };
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, dir), 'utf8');
}

/** A layer as the worker holds it, of these features (WGS-84 CSV, named by `nameField`). */
export function layerOf(
  id: string,
  features: ImportedFeature[],
  nameField: string | null = 'name',
): ImportedLayer {
  return {
    id,
    title: `${id}.csv`,
    files: [`${id}.csv`],
    format: 'csv',
    crs: { code: 'EPSG:4326', en: '', zh: '' },
    nameField,
    idField: null,
    fields: [],
    features,
    rejected: 0,
    issues: [],
    bbox: [114, 34, 123, 39],
  };
}
