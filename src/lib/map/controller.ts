import {
  Map as MapLibreMap,
  AttributionControl,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import type { LngLatBoundsLike, StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { POINT_KINDS, markerImageId } from './ids.ts';
import { layerGroups } from './layer-groups.ts';
import { kindShape, markerSdf } from './markers.ts';
import type { Camera, Lang, LayerKey } from '../state/view.ts';

// Bundling breaks MapLibre's own worker lookup (import.meta.url); point it at the emitted file.
setWorkerUrl(workerUrl);

export interface MapControllerOptions {
  container: HTMLElement;
  style: StyleSpecification;
  /** Where to look first when no camera is given: Shandong's bounds. */
  bounds: LngLatBoundsLike;
  camera?: Camera | null;
  /** Tests read pixels back from the canvas. */
  preserveDrawingBuffer?: boolean;
}

/**
 * The one object that owns the MapLibre map. Everything else talks to the map through it, so
 * MapLibre stays behind this folder and the rest of the app is testable without WebGL.
 */
export class MapController {
  readonly map: MapLibreMap;
  /** Resolves once the style and its sources have loaded. */
  readonly loaded: Promise<void>;
  private visibility = new Map<string, boolean>();

  constructor(options: MapControllerOptions) {
    const { container, style, bounds, camera, preserveDrawingBuffer = false } = options;
    this.map = new MapLibreMap({
      container,
      style,
      ...(camera
        ? {
            center: [camera.lng, camera.lat],
            zoom: camera.zoom,
            bearing: camera.bearing,
            pitch: camera.pitch,
          }
        : { bounds, fitBoundsOptions: { padding: 24 } }),
      attributionControl: false,
      canvasContextAttributes: { antialias: true, preserveDrawingBuffer },
      maxZoom: 16,
      minZoom: 4,
    });
    this.map.addControl(new AttributionControl({ compact: true }), 'bottom-right');
    this.map.addControl(new NavigationControl({ visualizePitch: true }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    // Marker shapes are generated, not loaded: added the moment a layer asks for one.
    this.map.setMissingStyleImageResolver((id) => {
      const kind = POINT_KINDS.find((k) => markerImageId(k) === id);
      if (kind && !this.map.hasImage(id)) {
        this.map.addImage(id, markerSdf(kindShape[kind], 48), { sdf: true, pixelRatio: 2 });
      }
    });
    this.loaded = new Promise((resolve) => {
      if (this.map.loaded()) resolve();
      else this.map.once('load', () => resolve());
    });
  }

  /** Resolves at the next `idle`: everything requested has been loaded and drawn. */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.map.once('idle', () => resolve());
      this.map.triggerRepaint();
    });
  }

  camera(): Camera {
    const c = this.map.getCenter();
    return {
      zoom: this.map.getZoom(),
      lat: c.lat,
      lng: c.lng,
      bearing: this.map.getBearing(),
      pitch: this.map.getPitch(),
    };
  }

  setLang(lang: Lang): void {
    this.map.setGlobalStateProperty('lang', lang);
  }

  /** Shows or hides layer groups; only layers whose visibility changes are touched. */
  setLayers(layers: Record<LayerKey, boolean>): void {
    const wanted = new Map<string, boolean>();
    for (const [key, ids] of Object.entries(layerGroups) as [LayerKey, string[]][]) {
      for (const id of ids) wanted.set(id, (wanted.get(id) ?? true) && layers[key]);
    }
    for (const [id, visible] of wanted) {
      if (this.visibility.get(id) === visible || !this.map.getLayer(id)) continue;
      this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
      this.visibility.set(id, visible);
    }
  }

  destroy(): void {
    this.map.remove();
  }
}
