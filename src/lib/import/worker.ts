/// <reference lib="webworker" />
/**
 * The import worker: parsing, conversion and checking off the main thread, and the imported
 * layers held here, so the page stays responsive with a 50 MB file. It routes each numbered
 * call to the service and answers with the same number.
 */
import { transferablesOf, type FromWorker, type ToWorker } from './protocol.ts';
import { LayerService } from './service.ts';
import * as store from './store.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// A new layer's background write ends after its import's answer: the page hears of it then.
const service = new LayerService(store, (notice) => scope.postMessage(notice));

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  const { call, request } = event.data;
  const post = (m: FromWorker) => scope.postMessage(m, transferablesOf(m));
  try {
    const result = await service.handle(request, (progress) =>
      post({ call, type: 'progress', progress }),
    );
    post({ call, type: 'done', result });
  } catch (e) {
    // A bug or an exhausted tab, not a bad file (those are reported in the result).
    post({
      call,
      type: 'error',
      message: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
    });
  }
};
