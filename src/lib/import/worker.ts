/// <reference lib="webworker" />
/**
 * The import worker: parsing, conversion and checking off the main thread, so the map keeps
 * answering while a 50 MB file is read. Cancel is the client terminating it.
 */
import { runImport } from './pipeline.ts';
import type { ImportRequest, WorkerMessage } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: WorkerMessage) => scope.postMessage(m);

scope.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { files, options } = event.data;
  try {
    const outcome = await runImport(files, options, (progress) =>
      post({ type: 'progress', progress }),
    );
    post({ type: 'done', outcome });
  } catch (e) {
    // A bug or an exhausted tab, not a bad file: said plainly, the map untouched.
    post({ type: 'error', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
};
