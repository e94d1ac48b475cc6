/**
 * What bench:peers runs in the app's page for its importer (serialised by playwright, so each
 * function is self-contained: only its argument and the page's globals `window.parkAtlas` and
 * `window.parkAtlasImports`).
 */

/**
 * Waits for the link's file to be imported and on the map, then for the map's next idle: the
 * time of that idle (since navigation) is when its points are drawn. Polled once a frame, so it
 * may be late by one frame, as the peers' two-frame waits are.
 */
export async function importedDrawn(args: {
  expected: number;
  timeoutMs: number;
}): Promise<{ drawnAt: number; count: number; layer: string }> {
  const start = performance.now();
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  for (;;) {
    const imports = window.parkAtlasImports;
    const pa = window.parkAtlas;
    const entry = imports?.entries[0];
    const map = pa?.controller.map;
    const id = entry?.summary.id;
    const onMap =
      id !== undefined &&
      map !== undefined &&
      (map.getLayer(`user:${id}:gpu`) !== undefined ||
        (map.getSource(`user:${id}`) !== undefined && map.isSourceLoaded(`user:${id}`)));
    if (entry && pa && onMap) {
      if (entry.summary.count !== args.expected)
        throw new Error(`imported ${entry.summary.count} of ${args.expected} features`);
      await pa.controller.whenIdle();
      return { drawnAt: performance.now(), count: entry.summary.count, layer: entry.summary.id };
    }
    if (imports?.problem) throw new Error(`the importer says: ${imports.problem}`);
    if (performance.now() - start > args.timeoutMs)
      throw new Error(`no imported layer on the map after ${args.timeoutMs} ms`);
    await frame();
  }
}

/** Untimed: colours the layer by investment, as every peer page colours its points. */
export async function colourImported(args: { layer: string; field: string }): Promise<void> {
  const imports = window.parkAtlasImports;
  if (!imports || !window.parkAtlas) throw new Error('no importer');
  await imports.setStyle(args.layer, { colorBy: args.field, filter: null });
  await window.parkAtlas.controller.whenIdle();
}

/** A category filter through the importer (worker → new drawing → map) until the map is idle. */
export async function timeImportedFilter(args: {
  layer: string;
  colorBy: string;
  field: string;
  values: string[];
}): Promise<number> {
  const imports = window.parkAtlasImports;
  const pa = window.parkAtlas;
  if (!imports || !pa) throw new Error('no importer');
  const t0 = performance.now();
  await imports.setStyle(args.layer, {
    colorBy: args.colorBy,
    filter: { field: args.field, values: args.values },
  });
  await pa.controller.whenIdle();
  return performance.now() - t0;
}
