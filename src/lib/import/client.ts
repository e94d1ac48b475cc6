/**
 * The page's side of the import worker: numbered calls, progress, and Cancel. Cancelling an
 * import terminates the worker at once (wherever its parser is); a new one then reads the kept
 * layers back from storage, so only the cancelled import is lost.
 */
import type { FromWorker, KeptNotice, Request, Responses, ToWorker } from './protocol.ts';
import type { ImportProgress, PickedFile } from './types.ts';

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

/** Picked or dropped files as the worker reads them (a File is a Blob: cloned as a handle). */
export const pickedFiles = (list: Iterable<File>): PickedFile[] =>
  [...list].map((f) => ({ name: f.name, blob: f }));

interface Pending {
  resolve: (value: unknown) => void;
  reject: (e: Error) => void;
  onprogress?: (p: ImportProgress) => void;
}

export class ImportClient {
  private worker: Worker | null = null;
  private calls = 0;
  private pending = new Map<number, Pending>();

  /** `onkept`: a new layer's background write ended (kept, or why not). */
  constructor(private readonly onkept: (notice: KeptNotice) => void = () => {}) {}

  private start(): Worker {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if (m.type === 'kept') return this.onkept(m);
      const p = this.pending.get(m.call);
      if (!p) return;
      if (m.type === 'progress') return p.onprogress?.(m.progress);
      this.pending.delete(m.call);
      if (m.type === 'done') p.resolve(m.result);
      else p.reject(new Error(m.message));
    };
    worker.onerror = (event) => this.fail(new Error(event.message || 'the import worker stopped'));
    return worker;
  }

  private fail(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    this.worker?.terminate();
    this.worker = null;
  }

  call<T extends Request['type']>(
    request: Extract<Request, { type: T }>,
    options: { onprogress?: (p: ImportProgress) => void; transfer?: Transferable[] } = {},
  ): Promise<Responses[T]> {
    this.worker ??= this.start();
    const call = ++this.calls;
    return new Promise((resolve, reject) => {
      this.pending.set(call, {
        resolve: resolve as (v: unknown) => void,
        reject,
        onprogress: options.onprogress,
      });
      const message: ToWorker = { call, request };
      this.worker?.postMessage(message, options.transfer ?? []);
    });
  }

  /** Stops whatever the worker is doing; the next call starts a new one. */
  cancel(): void {
    this.fail(new ImportCancelled());
  }
}
