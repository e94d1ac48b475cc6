/** Messages between the page and the import worker. */
import type { ImportOutcome } from './pipeline.ts';
import type { ReadOptions } from './read.ts';
import type { ImportFile, ImportProgress } from './types.ts';

export interface ImportRequest {
  files: ImportFile[];
  options: ReadOptions & { idPrefix: string };
}

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'error'; message: string };
