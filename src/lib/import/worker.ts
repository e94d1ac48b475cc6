/// <reference lib="webworker" />
/**
 * The import worker: parsing, conversion and checking off the main thread, and the imported
 * layers held here, so the page stays responsive with a 50 MB file. It routes each numbered
 * call to the service and answers with the same number.
 */
import { transferablesOf, type FromWorker, type ToWorker } from './protocol.ts';
import { LayerService } from './service.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const service = new LayerService();

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
