/**
 * One import from start to end, as the worker runs it: group the files (a shapefile's parts
 * belong together), read each group in its format, convert, check, describe. A group that cannot
 * be read at all gives its fatal issue and no layer; the others still load.
 */
import { buildLayer, ImportRefused, type ImportedLayer } from './layer.ts';
import { fatal, say } from './messages.ts';
import { readGroup, groupFiles, type ReadOptions } from './read.ts';
import type { ImportFile, ImportIssue, ImportProgress, PickedFile } from './types.ts';

/** What a tab can hold comfortably: past this a file is refused before it is read. */
export const MAX_FILE_MB = 512;

export interface ImportOutcome {
  layers: ImportedLayer[];
  /** Groups that could not be read at all, each with why. */
  failed: ImportIssue[];
}

/** The bytes of a picked file, read here in the worker; other files have theirs. */
export const bytesOf = async (f: ImportFile | PickedFile): Promise<ImportFile> =>
  'blob' in f ? { name: f.name, bytes: await f.blob.arrayBuffer() } : f;

export async function runImport(
  files: readonly ImportFile[],
  options: ReadOptions & { idPrefix: string },
  progress: (p: ImportProgress) => void = () => {},
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { layers: [], failed: [] };
  const groups = groupFiles(files);
  for (const [g, group] of groups.entries()) {
    const big = group.find((f) => f.bytes.byteLength > MAX_FILE_MB * 1024 * 1024);
    if (big) {
      const mb = big.bytes.byteLength / 1024 / 1024;
      outcome.failed.push(fatal(big.name, say.tooLarge(mb, MAX_FILE_MB)));
      continue;
    }
    progress({ phase: 'parse', done: g / groups.length });
    const read = await readGroup(group, options);
    if (read.fatal) {
      outcome.failed.push(read.fatal);
      continue;
    }
    progress({ phase: 'validate', done: (g + 0.5) / groups.length });
    let layer: ImportedLayer;
    try {
      layer = buildLayer({
        id: `${options.idPrefix}-${g + 1}`,
        files: group.map((f) => f.name),
        read,
        convert: read.convert,
      });
    } catch (e) {
      if (!(e instanceof ImportRefused)) throw e;
      outcome.failed.push(e.issue);
      continue;
    }
    if (layer.features.length === 0 && layer.rejected === 0) {
      outcome.failed.push(fatal(layer.title, say.empty()));
      continue;
    }
    outcome.layers.push(layer);
  }
  progress({ phase: 'index', done: 1 });
  return outcome;
}
