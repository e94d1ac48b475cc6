/**
 * The page's side of an import: files to the worker (their bytes moved, not copied), progress
 * back, the outcome or the reason at the end. Aborting terminates the worker at once, wherever
 * it is: nothing it had read reaches the page.
 */
import type { ImportOutcome } from './pipeline.ts';
import type { ImportRequest, WorkerMessage } from './protocol.ts';
import type { CrsChoice, ImportFile, ImportProgress } from './types.ts';

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

export interface ImportJob {
  files: ImportFile[];
  crs: CrsChoice;
  /** Prefix for the new layers' ids (unique per import). */
  idPrefix: string;
  onprogress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
}

/** Reads picked or dropped files into ImportFiles (a File's bytes, its name). */
export async function filesFrom(list: Iterable<File>): Promise<ImportFile[]> {
  return Promise.all([...list].map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
}

export function runInWorker(job: ImportJob): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    if (job.signal?.aborted) return reject(new ImportCancelled());
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    const finish = () => {
      worker.terminate();
      job.signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      finish();
      reject(new ImportCancelled());
    };
    job.signal?.addEventListener('abort', abort);
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const m = event.data;
      if (m.type === 'progress') return job.onprogress?.(m.progress);
      finish();
      if (m.type === 'done') resolve(m.outcome);
      else reject(new Error(m.message));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'the import worker stopped'));
    };
    const request: ImportRequest = {
      files: job.files,
      options: { crs: job.crs, idPrefix: job.idPrefix },
    };
    worker.postMessage(
      request,
      job.files.map((f) => f.bytes),
    );
  });
}
