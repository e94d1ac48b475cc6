/**
 * JS heap of the page's main thread and of its workers (MapLibre's), after a forced garbage
 * collection so the figures are what the page holds, not what it has yet to free. Workers are
 * reached through a CDP session of the page: auto-attach lists them, and since playwright's
 * CDPSession cannot address a child session directly, commands go through
 * Target.sendMessageToTarget (non-flat mode).
 */
import type { Page } from 'playwright-core';

export interface HeapFigures {
  /**
   * Runtime.getHeapUsage usedSize of the main thread, in bytes: what the reference harness of
   * the peers reads (../shared/peers). performance.memory.usedJSHeapSize is not the same figure:
   * for kepler.gl's page it says 92 MB where V8's heap holds 45 MB.
   */
  main: number | null;
  /** Runtime.getHeapUsage usedSize of each worker, in bytes. */
  workers: number[];
}

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: timeout`)), ms)),
  ]);

export async function measureHeap(page: Page, timeoutMs = 30_000): Promise<HeapFigures> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const workers: string[] = [];
    const pending = new Map<number, (result: unknown) => void>();
    cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker') workers.push(e.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const message = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
      if (message.id === undefined) return;
      pending.get(message.id)?.(message.error ? null : message.result);
      pending.delete(message.id);
    });
    let nextId = 1;
    const sendToWorker = (sessionId: string, method: string): Promise<unknown> => {
      const id = nextId++;
      const answered = new Promise<unknown>((resolve) => pending.set(id, resolve));
      return cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) })
        .then(() => withTimeout(answered, timeoutMs, method));
    };

    await cdp.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
    // Existing workers are announced right after the call; give the events a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 250));

    await withTimeout(cdp.send('HeapProfiler.collectGarbage'), timeoutMs, 'main GC');
    const sizes: number[] = [];
    for (const sessionId of workers) {
      await sendToWorker(sessionId, 'HeapProfiler.collectGarbage');
      const usage = (await sendToWorker(sessionId, 'Runtime.getHeapUsage')) as {
        usedSize?: number;
      } | null;
      if (typeof usage?.usedSize === 'number') sizes.push(usage.usedSize);
    }
    const usage = await withTimeout(cdp.send('Runtime.getHeapUsage'), timeoutMs, 'main heap');
    const main = usage.usedSize;
    return { main, workers: sizes };
  } finally {
    await cdp.detach().catch(() => {});
  }
}
