import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification as Expression,
  LngLatBoundsLike,
  MapGeoJSONFeature,
  StyleSpecification,
} from 'maplibre-gl';
import type { Geometry } from 'geojson';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { LAYER, SOURCE } from './ids.ts';
import { HIGHLIGHT, STATE, type HighlightKey } from './style/expressions.ts';
import { AreaPaint } from './area-paint.ts';
import { layerGroups } from './layer-groups.ts';
import { markerImage } from './markers.ts';
import { Credits } from './attribution.ts';
import { StackBadges } from './stack-badges.ts';
import type { Stack } from './stacks.ts';
import { trackHover } from './hover.ts';
import { flyToGeometry, type Covered } from './fly.ts';
import type { Camera, Lang, LayerKey } from '../state/view.ts';
import type { FeatureTable } from '../data/table.ts';
import type { FeatureColoring } from './style/paint.ts';
import type { Theme } from './style/theme.ts';
import type { PointColor, PointRenderer } from './points/types.ts';
import type { UserHit, UserLayers } from './user-layers.ts';

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
  /** Draws the points (symbols, the GPU layer or tiles); the style was built for its drawing. */
  points: PointRenderer;
  /** The features: zone colours are computed from its columns. */
  table: FeatureTable;
  /** The style's theme: colours computed outside the style (GPU points, zone fills) use it. */
  theme: Theme;
  /** The basemap's credits in both languages: shown in the page's language (attribution.ts). */
  credits?: string;
  /** Schematic points sharing a position: a count on each at low zoom (stacks.ts). */
  stacks?: readonly Stack[];
}

/**
 * The one object that owns the MapLibre map. Everything else talks to the map through it, so
 * MapLibre stays behind this folder and the rest of the app is testable without WebGL.
 */
export class MapController {
  readonly map: MapLibreMap;
  /** Resolves once the style and its sources have loaded, and the points are attached. */
  readonly loaded: Promise<void>;
  /** The layers users imported, drawn above the dataset; its code loads with the first one. */
  private userLayers: Promise<UserLayers> | null = null;
  private userLayersReady: UserLayers | null = null;
  private readonly points: PointRenderer;
  private visibility = new Map<string, boolean>();
  private highlighted: Record<HighlightKey, string | null> = { selected: null, hovered: null };
  private readonly areas: AreaPaint;
  private readonly credits: Credits;
  private stackBadges: StackBadges | null = null;
  /** The drawn points may have changed since onPointsRendered last reported them. */
  private pointsDirty = true;

  constructor(options: MapControllerOptions) {
    const { container, style, bounds, camera, preserveDrawingBuffer = false } = options;
    this.points = options.points;
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
      canvasContextAttributes: { antialias: false, preserveDrawingBuffer },
      maxZoom: 16,
      minZoom: 4,
      // Labels appear at once: a 300 ms fade kept every filter change from settling (idle) for
      // that long, and each faded frame is a full redraw on software WebGL.
      fadeDuration: 0,
    });
    this.credits = new Credits(this.map, options.credits ?? '');
    this.map.addControl(new NavigationControl({ visualizePitch: true }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    // Marker shapes are generated, not loaded: added the moment a layer asks for one.
    this.map.setMissingStyleImageResolver((id) => {
      const image = this.map.hasImage(id) ? null : markerImage(id);
      if (image) this.map.addImage(id, image, { sdf: true, pixelRatio: 2 });
    });
    const styleLoaded = new Promise<void>((resolve) => {
      if (this.map.loaded()) resolve();
      else this.map.once('load', () => resolve());
    });
    this.areas = new AreaPaint(this.map, options.table, options.theme);
    this.loaded = styleLoaded.then(() => {
      this.stackBadges = StackBadges.add(this.map, options.stacks ?? [], options.theme.font);
      return this.points.attach(this.map);
    });
  }

  /** The imported layers' drawing (loaded when `load`); null until then. */
  user(load: boolean): Promise<UserLayers> | null {
    if (!this.userLayers && load) {
      this.userLayers = import('./user-layers.ts').then(
        ({ UserLayers }) => (this.userLayersReady = new UserLayers(this.map)),
      );
    }
    return this.userLayers;
  }

  /** How many points the renderer holds itself (the GPU layer), or null when style layers do. */
  bulkPointCount(): number | null {
    return this.points.heldCount();
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

  /** Moves to a camera unless the map is already there (within a link's rounding). */
  jumpTo(c: Camera): void {
    const now = this.camera();
    const same =
      Math.abs(now.zoom - c.zoom) < 0.01 &&
      Math.abs(now.lat - c.lat) < 1e-5 &&
      Math.abs(now.lng - c.lng) < 1e-5 &&
      Math.abs(now.bearing - c.bearing) < 0.1 &&
      Math.abs(now.pitch - c.pitch) < 0.1;
    if (!same)
      this.map.jumpTo({ center: [c.lng, c.lat], zoom: c.zoom, bearing: c.bearing, pitch: c.pitch });
  }

  /** The stacks' counts follow what the filters show (the table's visibility flags). */
  setStackCounts(visible: ArrayLike<number>): void {
    this.stackBadges?.update(visible);
  }

  setLang(lang: Lang): void {
    this.map.setGlobalStateProperty(STATE.lang, lang);
    this.credits.setLang(lang);
  }

  /** Shows or hides layer groups; only layers whose visibility changes are touched. */
  setLayers(layers: Record<LayerKey, boolean>): void {
    this.pointsDirty = true;
    const wanted = new Map<string, boolean>();
    for (const [key, ids] of Object.entries(layerGroups) as [LayerKey, string[]][]) {
      for (const id of ids) wanted.set(id, (wanted.get(id) ?? true) && layers[key]);
    }
    for (const [id, visible] of wanted) {
      if (this.visibility.get(id) === visible || !this.map.getLayer(id)) continue;
      this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
      this.visibility.set(id, visible);
    }
    this.points.setKinds({
      park: layers.parks,
      platform: layers.platforms,
      project: layers.projects,
      enterprise: layers.enterprises,
    });
  }

  /** Filters points and labels by industry, hidden ids and `shown` (tiles as of a year). */
  setIndustries(codes: readonly string[], hidden?: readonly string[], shown?: Expression): void {
    this.pointsDirty = true;
    this.points.setIndustries(codes, hidden, shown);
  }

  setSelected(id: string | null): void {
    this.setHighlight('selected', id);
  }

  setHovered(id: string | null): void {
    this.setHighlight('hovered', id);
  }

  /** Moves a highlight from one feature to another: two feature-state writes per source. */
  private setHighlight(key: HighlightKey, id: string | null): void {
    const previous = this.highlighted[key];
    if (previous === id) return;
    this.points.setHighlight(key, previous, id);
    if (this.map.getSource(SOURCE.zones)) {
      const source = SOURCE.zones;
      if (previous) this.map.setFeatureState({ source, id: previous }, { [HIGHLIGHT[key]]: false });
      if (id) this.map.setFeatureState({ source, id }, { [HIGHLIGHT[key]]: true });
    }
    this.highlighted[key] = id;
  }

  /**
   * Marker colour per kind (kind colours, industry colours or choropleth classes): `color` for
   * style layers, `coloring` (the same rule as data) for the GPU point layer.
   */
  setPointColors(color: PointColor, coloring: FeatureColoring): void {
    this.points.setColors(color, coloring);
  }

  /** Zone fills: class colours when zones encode a value, the theme's fill otherwise. */
  setZoneColoring(coloring: FeatureColoring, encodesValue: boolean): void {
    this.areas.setZones(coloring, encodesValue);
  }

  setDistrictFill(color: DataDrivenPropertyValueSpecification<string>): void {
    this.areas.setDistricts(color);
  }

  /**
   * Calls back with the point features drawn whenever they may have changed: after a move, a
   * tile loaded, a filter or layer change, once the map is idle (points from tiles: the list is
   * what is in view). Deferred a task past `idle`, so whoever waits for idle is not kept waiting.
   */
  onPointsRendered(callback: (features: MapGeoJSONFeature[]) => void): void {
    const dirty = () => (this.pointsDirty = true);
    this.map.on('moveend', dirty);
    this.map.on('sourcedata', (e) => e.sourceId === SOURCE.points && dirty());
    this.map.on('idle', () => {
      if (!this.pointsDirty) return;
      this.pointsDirty = false;
      setTimeout(() => {
        callback(this.points.rendered());
      });
    });
    this.map.triggerRepaint();
  }

  /** Where point `id` is drawn now, or null when it is not. */
  locate(id: string): [number, number] | null {
    return this.points.locate(id);
  }

  /** [west, south, east, north] of the view. */
  viewBounds(): [number, number, number, number] {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  /**
   * Calls back with the id of the topmost feature clicked (points before zones), or null; an
   * imported feature, drawn above them, goes to `onUser` instead.
   */
  onFeatureClick(callback: (id: string | null) => void, onUser?: (hit: UserHit) => void): void {
    this.map.on('click', (e) => {
      const user = onUser ? (this.userLayersReady?.hitAt(e.point) ?? null) : null;
      if (user && onUser) onUser(user);
      else if (!this.stackBadges?.expandAt(e.point)) callback(this.idAt(e.point));
    });
  }

  /** The feature under the pointer as it changes (and where, for a tooltip): see hover.ts. */
  onFeatureHover(
    callback: (id: string | null) => void,
    onmove?: (id: string | null, at: { x: number; y: number }) => void,
  ): void {
    trackHover(this.map, (p) => this.idAt(p), callback, onmove);
  }

  /** The topmost feature at a screen position: points before zones. */
  private idAt(point: { x: number; y: number }): string | null {
    const pointHit = this.points.idAt(point);
    if (pointHit || !this.map.getLayer(LAYER.zoneFill)) return pointHit;
    const hit = this.map.queryRenderedFeatures([point.x, point.y], { layers: [LAYER.zoneFill] })[0];
    return typeof hit?.properties.id === 'string' ? hit.properties.id : null;
  }

  /** Moves to a feature: points at a close zoom, polygons fitted, beside what `covered` hides. */
  flyTo(geometry: Geometry, options: { animate?: boolean; covered?: Covered } = {}): void {
    flyToGeometry(this.map, geometry, options);
  }

  destroy(): void {
    this.map.remove();
  }
}
