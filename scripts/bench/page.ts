/**
 * What the benchmark runs inside the page. Each function is serialised by playwright
 * (`page.evaluate(fn, arg)` / `addInitScript(fn)`), so it must be self-contained: no imports, no
 * module-level values, only its argument and the page's globals (`window.parkAtlas`, set by
 * src/main.ts, and `window.__bench`, set by `installProbe`).
 */
import type { GeoJSONSource } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';

export interface LongTask {
  start: number;
  duration: number;
}

/** Installed before the app's scripts run: long tasks and the first `idle`, as they happen. */
export interface BenchProbe {
  longtasks: LongTask[];
  /** Moves long-task entries still queued in the observer into `longtasks`. */
  flush(): void;
  /** performance.now() when the app announced its map (`parkatlas:ready`, after `load`). */
  readyAt?: number;
  /** performance.now() of the map's first `idle` (navigation start = 0). */
  firstIdleAt?: number;
  /** How firstIdleAt was taken (see installProbe). */
  firstIdleHow?: 'same-frame-as-load' | 'idle-event' | 'next-idle';
  /** Both collections of the filter-by-setData comparison, prepared before any timing. */
  setData?: {
    source: string;
    full: FeatureCollection;
    filtered: FeatureCollection;
    /** The source and its layer were added for the comparison (and are removed after it). */
    own: boolean;
  };
  search?: Promise<SearchTiming>;
}

export interface SearchTiming {
  /** Keystroke (keydown seen by the page) → results or "no results" in the DOM. */
  dom: number;
  /** … → the frame after that (requestAnimationFrame, then a task): results on screen. */
  painted: number;
  shown: 'options' | 'empty';
}

declare global {
  interface Window {
    __bench?: BenchProbe;
  }
}

/**
 * Init script. The first `idle` can fire in the same frame as `load`, before the app's `ready`
 * callback (a microtask later) could listen for it; MapLibre records that in its
 * `_idleTriggered` field, in which case the first idle happened in the task that just ended and
 * `readyAt` is its time to within microseconds. Otherwise the next `idle` event is the first.
 * Should the private field ever go away, it falls back to the next idle after a repaint, which
 * is late by at most one frame.
 */
export function installProbe(): void {
  const probe: BenchProbe = { longtasks: [], flush: () => {} };
  window.__bench = probe;
  const record = (entries: PerformanceEntryList) => {
    for (const e of entries) probe.longtasks.push({ start: e.startTime, duration: e.duration });
  };
  try {
    const observer = new PerformanceObserver((list) => record(list.getEntries()));
    observer.observe({ type: 'longtask', buffered: true });
    probe.flush = () => record(observer.takeRecords());
  } catch {
    // No Long Tasks API: longtasks stays empty and the figures say "none".
  }
  window.addEventListener(
    'parkatlas:ready',
    () => {
      probe.readyAt = performance.now();
      const map = window.parkAtlas?.controller.map;
      if (!map) return;
      const idleTriggered = (map as unknown as { _idleTriggered?: unknown })._idleTriggered;
      if (idleTriggered === true) {
        probe.firstIdleAt = probe.readyAt;
        probe.firstIdleHow = 'same-frame-as-load';
      } else {
        map.once('idle', () => {
          probe.firstIdleAt = performance.now();
          probe.firstIdleHow = idleTriggered === false ? 'idle-event' : 'next-idle';
        });
        if (idleTriggered !== false) map.triggerRepaint();
      }
    },
    { once: true },
  );
}

/** What the app loaded: features per data source, and the text of any alert it shows. */
export async function inspectLoaded(): Promise<{
  sources: Record<string, number>;
  alerts: string[];
  readyAt: number | null;
  firstIdleAt: number | null;
  firstIdleHow: string | null;
}> {
  const pa = window.parkAtlas;
  const sources: Record<string, number> = {};
  const map = pa?.controller.map;
  for (const id of ['points', 'zones']) {
    const source = map?.getSource(id);
    if (source?.type === 'geojson') {
      const data = await (source as GeoJSONSource).getData();
      sources[id] = data.type === 'FeatureCollection' ? data.features.length : 0;
    } else if (source && map) {
      // Vector tiles: the distinct features drawn in view.
      const ids = new Set(
        map
          .queryRenderedFeatures()
          .flatMap((f) => (f.source === id ? [f.id ?? f.properties.id] : [])),
      );
      sources[id] = ids.size;
    } else sources[id] = 0;
  }
  // Large point sets are on the GPU layer; the points source then only holds labels in view.
  const bulk = pa?.controller.bulkPointCount();
  if (bulk !== null && bulk !== undefined) sources.points = bulk;
  const alerts = [...document.querySelectorAll('[role=alert]')].map((e) =>
    (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300),
  );
  const b = window.__bench;
  return {
    sources,
    alerts,
    readyAt: b?.readyAt ?? null,
    firstIdleAt: b?.firstIdleAt ?? null,
    firstIdleHow: b?.firstIdleHow ?? null,
  };
}

/** JS heap of the main thread (needs --enable-precise-memory-info for exact figures). */
export function mainHeap(): number | null {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize : null;
}

/**
 * The longest long task (≥ 50 ms) still running at or after `from` (ms since navigation), so the
 * task that made the change counts too; 0 for none.
 */
export function longestTaskSince(from: number): number {
  window.__bench?.flush();
  const tasks = window.__bench?.longtasks ?? [];
  return tasks
    .filter((t) => t.start + t.duration >= from)
    .reduce((m, t) => Math.max(m, t.duration), 0);
}

/**
 * Industry toggle through the app: AppState → effect → setFilter (and point colours) → idle. The
 * effect runs in a microtask, so the idle waited for is the one after the change.
 */
export async function timeIndustryToggle(codes: string[]): Promise<{ ms: number; t0: number }> {
  const pa = window.parkAtlas;
  if (!pa) throw new Error('window.parkAtlas is not set');
  const t0 = performance.now();
  pa.app.industries = codes;
  await pa.controller.whenIdle();
  return { ms: performance.now() - t0, t0 };
}

/**
 * Prepares the setData comparison outside any timing, and returns the most common industry code
 * (the one to toggle) and both sizes. With the curated data the points are a GeoJSON source
 * already (flat `ind_<code>` properties): its data is used. Large point sets are drawn by the GPU
 * layer, so the comparison gets what the app did before it: the same points fetched from
 * `dataUrl`, as a GeoJSON source and a circle layer of its own, removed by `dropSetData`.
 */
export async function prepareSetData(args: {
  sourceId: string;
  dataUrl: string | null;
}): Promise<{ code: string | null; full: number; filtered: number; own: boolean }> {
  const pa = window.parkAtlas;
  if (!pa) throw new Error('window.parkAtlas is not set');
  const map = pa.controller.map;
  let sourceId = args.sourceId;
  let data: FeatureCollection | null = null;
  const existing = map.getSource(sourceId) as GeoJSONSource | undefined;
  const held = existing ? await existing.getData() : null;
  let own = false;
  if (held && held.type === 'FeatureCollection' && held.features.length > 0) data = held;
  else if (args.dataUrl) {
    const raw = (await (await fetch(args.dataUrl)).json()) as FeatureCollection;
    data = {
      type: 'FeatureCollection',
      features: raw.features
        .filter((f) => f.geometry?.type === 'Point')
        .map((f): Feature => {
          const p = f.properties ?? {};
          const properties: Record<string, unknown> = { id: p.id, kind: p.kind };
          for (const code of (p.industries as string[] | undefined) ?? [])
            properties[`ind_${code}`] = true;
          return { type: 'Feature', id: f.id, geometry: f.geometry, properties };
        }),
    };
    sourceId = 'bench-setdata';
    own = true;
    map.addSource(sourceId, { type: 'geojson', data });
    map.addLayer({
      id: sourceId,
      type: 'circle',
      source: sourceId,
      // Hidden (and so not tiled) until showSetData: it must not slow the app's own toggles.
      layout: { visibility: 'none' },
      paint: { 'circle-radius': 3, 'circle-color': '#555555', 'circle-stroke-width': 0.6 },
    });
  }
  if (!data) throw new Error(`no points in source "${sourceId}" and no data URL`);
  const counts = new Map<string, number>();
  for (const f of data.features) {
    for (const [key, value] of Object.entries(f.properties ?? {})) {
      if (key.startsWith('ind_') && value === true) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  if (!best) return { code: null, full: data.features.length, filtered: 0, own };
  const prop = best[0];
  const filtered: FeatureCollection = {
    type: 'FeatureCollection',
    features: data.features.filter((f: Feature) => f.properties?.[prop] === true),
  };
  if (window.__bench) window.__bench.setData = { source: sourceId, full: data, filtered, own };
  return {
    code: prop.slice('ind_'.length),
    full: data.features.length,
    filtered: filtered.features.length,
    own,
  };
}

/** The same filter done the other way: replace the source's data with the subset (or back). */
export async function timeSetData(filteredOn: boolean): Promise<{ ms: number; t0: number }> {
  const pa = window.parkAtlas;
  const prepared = window.__bench?.setData;
  if (!pa || !prepared) throw new Error('prepareSetData() has not run');
  const source = pa.controller.map.getSource(prepared.source) as GeoJSONSource;
  const data = filteredOn ? prepared.filtered : prepared.full;
  const t0 = performance.now();
  await source.setData(data);
  await pa.controller.whenIdle();
  return { ms: performance.now() - t0, t0 };
}

/** Shows the comparison's own layer (untimed) before its setData toggles. */
export async function showSetData(): Promise<void> {
  const pa = window.parkAtlas;
  const prepared = window.__bench?.setData;
  if (!pa || !prepared?.own) return;
  pa.controller.map.setLayoutProperty(prepared.source, 'visibility', 'visible');
  await pa.controller.whenIdle();
}

/** Removes the comparison's own source and layer, so later figures are the app's alone. */
export async function dropSetData(): Promise<void> {
  const pa = window.parkAtlas;
  const prepared = window.__bench?.setData;
  if (!pa || !prepared?.own) return;
  pa.controller.map.removeLayer(prepared.source);
  pa.controller.map.removeSource(prepared.source);
  window.__bench!.setData = undefined;
  await pa.controller.whenIdle();
}

/** Sets the choropleth's field (untimed) and waits for the map to settle. */
export async function setChoroplethField(field: string): Promise<string | null> {
  const pa = window.parkAtlas;
  if (!pa) throw new Error('window.parkAtlas is not set');
  pa.app.choropleth = { ...pa.app.choropleth, field, by: 'features', method: 'quantile' };
  await pa.controller.whenIdle();
  return pa.app.choropleth.field;
}

export async function timeChoroplethMethod(
  method: 'quantile' | 'jenks',
): Promise<{ ms: number; t0: number }> {
  const pa = window.parkAtlas;
  if (!pa) throw new Error('window.parkAtlas is not set');
  const t0 = performance.now();
  pa.app.choropleth = { ...pa.app.choropleth, method };
  await pa.controller.whenIdle();
  return { ms: performance.now() - t0, t0 };
}

/**
 * Arms a one-shot watch on the search box: from the next keydown (or input) to the moment its
 * options or its "no results" line are in the DOM, and to the frame after. The result is left in
 * `window.__bench.search` for the caller to await once it has typed.
 */
export function armSearch(timeoutMs: number): void {
  const input = document.querySelector<HTMLInputElement>('[role=combobox][aria-autocomplete]');
  const root = input?.closest('[role=search]') ?? document.body;
  const probe = window.__bench;
  if (!input || !probe) throw new Error('no search box');
  const shown = (): SearchTiming['shown'] | null =>
    root.querySelector('[role=option]') ? 'options' : root.querySelector('.empty') ? 'empty' : null;
  if (shown()) throw new Error('search results are already showing; clear the box first');
  probe.search = new Promise<SearchTiming>((resolve, reject) => {
    let t0 = NaN;
    const start = () => {
      if (Number.isNaN(t0)) t0 = performance.now();
    };
    input.addEventListener('keydown', start, { capture: true, once: true });
    input.addEventListener('input', start, { capture: true, once: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no results within ${timeoutMs} ms`));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      const kind = shown();
      if (!kind || Number.isNaN(t0)) return;
      observer.disconnect();
      clearTimeout(timer);
      const dom = performance.now() - t0;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () =>
          resolve({ dom, painted: performance.now() - t0, shown: kind });
        channel.port2.postMessage(null);
      });
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true });
  });
}

export function awaitSearch(): Promise<SearchTiming> {
  const pending = window.__bench?.search;
  if (!pending) throw new Error('armSearch() has not run');
  return pending;
}
