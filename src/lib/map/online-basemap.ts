/**
 * The online basemap (issue 13, point 4): an XYZ raster drawn above the offline basemap and
 * below the data. Loaded with `import()` only when it is turned on, so the main chunk does not
 * carry it. When its tiles fail, the raster is removed and the offline basemap is what shows.
 */
import type {
  ErrorEvent,
  LayerSpecification,
  Map as MapLibreMap,
  MapSourceDataEvent,
  RasterLayerSpecification,
  RasterSourceSpecification,
} from 'maplibre-gl';
import { LAYER } from './ids.ts';

export const ONLINE_SOURCE = 'online-basemap';
export const ONLINE_LAYER = 'online-basemap';

/** The offline basemap's layers: the background and everything named `basemap-…` (ids.ts). */
const isOfflineBasemap = (id: string): boolean =>
  id === LAYER.background || id.startsWith('basemap-');

/**
 * Where the raster goes: before the first layer that is not the offline basemap's (the zones,
 * points, labels and imported layers stay above it); undefined = on top, when there is no data.
 */
export function rasterBeforeId(
  layers: readonly Pick<LayerSpecification, 'id'>[],
): string | undefined {
  return layers.find((l) => !isOfflineBasemap(l.id))?.id;
}

/** The raster source and layer for a template. */
export function rasterStyle(template: string): {
  source: RasterSourceSpecification;
  layer: RasterLayerSpecification;
} {
  let host = template;
  try {
    host = new URL(template.replace(/[{}]/g, '')).host;
  } catch {
    // Checked before it gets here; the template itself is the credit otherwise.
  }
  return {
    source: {
      type: 'raster',
      tiles: [template],
      tileSize: 256,
      // Most XYZ services stop at 18; MapLibre overzooms past it.
      maxzoom: 18,
      attribution: `在线底图 / Online basemap: ${host}`,
    },
    layer: { id: ONLINE_LAYER, type: 'raster', source: ONLINE_SOURCE },
  };
}

type SourceError = ErrorEvent & { sourceId?: string };

/**
 * Shows one template at a time and falls back when it fails. An error before any tile of the
 * template has loaded (HTTP 5xx, 401/403, refused by the CSP, network) means the service does
 * not work: the raster goes and `onfail` is told. Once tiles load, a stray error (one tile) is
 * left alone. MapLibre treats 404 as "no tile here", not as an error.
 */
export class OnlineBasemap {
  private template: string | null = null;
  private loadedTile = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly onfail: (template: string) => void,
  ) {
    map.on('error', (e: SourceError) => {
      if (e.sourceId !== ONLINE_SOURCE || this.template === null || this.loadedTile) return;
      const failed = this.template;
      this.show(null);
      this.onfail(failed);
    });
    map.on('sourcedata', (e: MapSourceDataEvent) => {
      if (e.sourceId === ONLINE_SOURCE && e.tile !== undefined) this.loadedTile = true;
    });
  }

  /** Draws this template (replacing any other), or none. */
  show(template: string | null): void {
    if (template === this.template) return;
    if (this.map.getLayer(ONLINE_LAYER)) this.map.removeLayer(ONLINE_LAYER);
    if (this.map.getSource(ONLINE_SOURCE)) this.map.removeSource(ONLINE_SOURCE);
    this.template = template;
    this.loadedTile = false;
    if (template === null) return;
    const { source, layer } = rasterStyle(template);
    this.map.addSource(ONLINE_SOURCE, source);
    this.map.addLayer(layer, rasterBeforeId(this.map.getStyle().layers));
  }

  /** The template drawn now, or null. */
  current(): string | null {
    return this.template;
  }
}
