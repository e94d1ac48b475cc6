/**
 * The page side of `npm run bench:designs` (served by Vite with designs.html): one map per page,
 * showing synthetic points in one of four designs of the industry filter, and the hooks the
 * runner drives through `window.__designs`:
 *
 *   A  GeoJSON source + circle layer, filter on ['global-state', 'industries'] (as the app does)
 *   B  the same source, map.setFilter with the selected codes spelled out
 *   C  the same source, circle opacity from feature-state `hidden`, set per flipped feature
 *   D  a WebGL2 custom layer: gl.POINTS with a uvec4 industry bitmask, the selection a uniform
 *
 * No network: no basemap, no glyphs, only a background layer.
 */
import {
  Map as MapLibreMap,
  MercatorCoordinate,
  setWorkerUrl,
  type CustomLayerInterface,
  type CustomRenderMethodInput,
  type ExpressionSpecification,
  type FilterSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Feature, FeatureCollection, Point } from 'geojson';
import {
  codeIndex,
  countMatches,
  MASK_WORDS,
  matchesMask,
  packMask,
  unpackMask,
} from '../../src/lib/map/gpu/mask.ts';
import { compile } from '../../src/lib/map/gpu/program.ts';

setWorkerUrl(workerUrl);

export type Design = 'A' | 'B' | 'C' | 'D';

export interface DesignData {
  design: Design;
  codes: string[];
  kinds: string[];
  lng: number[];
  lat: number[];
  /** Index into kinds, per point. */
  kind: number[];
  /** MASK_WORDS words per point. */
  masks: number[];
  bbox: [number, number, number, number];
  /** Selection applied before the first idle. */
  initial: string[];
}

export interface ToggleTiming {
  t0: number;
  /** Change → map `idle`. */
  idle: number;
  /** … → the next animation frame after it: the frame is on screen. */
  frame: number;
}

export interface DesignsHooks {
  setup(data: DesignData): Promise<{ loadMs: number; count: number }>;
  toggle(selection: string[]): Promise<ToggleTiming>;
  /** Points shown now, as the design itself says (rendered features, states or the mask). */
  count(): Promise<number>;
  longestTaskSince(t0: number): number;
}

declare global {
  interface Window {
    __designs?: DesignsHooks;
  }
}

const SOURCE = 'pts';
const LAYER = 'pts';
const KIND_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];
const prop = (code: string): string => `ind_${code}`;

const longtasks: { start: number; duration: number }[] = [];
let observer: PerformanceObserver | undefined;
try {
  observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longtasks.push({ start: e.startTime, duration: e.duration });
  });
  observer.observe({ type: 'longtask', buffered: true });
} catch {
  // No Long Tasks API: the figure stays 0.
}

const nextFrame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

let map: MapLibreMap;
let data: DesignData;
let masks: Uint32Array;
let index: Map<string, number>;
/** Design C: which points are hidden now. */
let hidden: Uint8Array;
/** Design D: the layer's uniform, read on every draw. */
let uniformMask: Uint32Array = new Uint32Array(MASK_WORDS);
let apply: (codes: string[]) => void = () => {};

function collection(): FeatureCollection<Point> {
  const features: Feature<Point>[] = new Array(data.lng.length);
  for (let i = 0; i < data.lng.length; i++) {
    const properties: Record<string, unknown> = { kind: data.kinds[data.kind[i] ?? 0] };
    for (const code of unpackMask(masks, i * MASK_WORDS, data.codes)) properties[prop(code)] = true;
    features[i] = {
      type: 'Feature',
      id: i,
      geometry: { type: 'Point', coordinates: [data.lng[i] ?? 0, data.lat[i] ?? 0] },
      properties,
    };
  }
  return { type: 'FeatureCollection', features };
}

const kindColor = (): ExpressionSpecification =>
  [
    'match',
    ['get', 'kind'],
    ...data.kinds.flatMap((k, i) => [k, KIND_COLORS[i % KIND_COLORS.length] ?? '#000']),
    '#000',
  ] as unknown as ExpressionSpecification;

function addCircles(
  filter: FilterSpecification | undefined,
  opacity?: ExpressionSpecification,
): void {
  map.addSource(SOURCE, { type: 'geojson', data: collection() });
  map.addLayer({
    id: LAYER,
    type: 'circle',
    source: SOURCE,
    ...(filter ? { filter } : {}),
    paint: {
      'circle-radius': 3,
      'circle-color': kindColor(),
      'circle-stroke-width': 0.5,
      'circle-stroke-color': '#fff',
      ...(opacity ? { 'circle-opacity': opacity, 'circle-stroke-opacity': opacity } : {}),
    },
  });
}

/** A: one filter for all codes, switched by global state (what the app does). */
function designA(): void {
  const selected: ExpressionSpecification = ['global-state', 'industries'];
  const filter: FilterSpecification = [
    'any',
    ['==', ['length', selected], 0],
    ...data.codes.map((code): ExpressionSpecification => [
      'all',
      ['in', code, selected],
      ['has', prop(code)],
    ]),
  ];
  map.setGlobalStateProperty('industries', data.initial);
  addCircles(filter);
  apply = (codes) => map.setGlobalStateProperty('industries', codes);
}

/** B: a new filter spelling out the selected codes. */
function filterFor(codes: string[]): FilterSpecification | null {
  if (codes.length === 0) return null;
  return ['any', ...codes.map((c): ExpressionSpecification => ['has', prop(c)])];
}
function designB(): void {
  addCircles(filterFor(data.initial) ?? undefined);
  apply = (codes) => map.setFilter(LAYER, filterFor(codes));
}

/** C: every feature drawn, hidden ones at opacity 0 through feature-state. */
function designC(): void {
  const opacity: ExpressionSpecification = [
    'case',
    ['boolean', ['feature-state', 'hidden'], false],
    0,
    1,
  ];
  hidden = new Uint8Array(data.lng.length);
  addCircles(undefined, opacity);
  apply = (codes) => {
    const sel = packMask(codes, index);
    for (let i = 0; i < hidden.length; i++) {
      const hide = matchesMask(masks, i * MASK_WORDS, sel) ? 0 : 1;
      if (hide !== hidden[i]) {
        hidden[i] = hide;
        map.setFeatureState({ source: SOURCE, id: i }, { hidden: hide === 1 });
      }
    }
  };
  apply(data.initial);
}

const VERTEX = `#version 300 es
uniform mat4 u_matrix;
uniform uvec4 u_mask;
uniform float u_size;
in vec2 a_pos;
in uvec4 a_ind;
in vec3 a_color;
out vec3 v_color;
void main() {
  bool all_shown = all(equal(u_mask, uvec4(0u)));
  if (!all_shown && all(equal(a_ind & u_mask, uvec4(0u)))) {
    // Not selected: outside the clip volume, so the point is culled.
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
  gl_PointSize = u_size;
  v_color = a_color;
}`;

const FRAGMENT = `#version 300 es
precision mediump float;
in vec3 v_color;
out vec4 fragColor;
void main() {
  vec2 d = gl_PointCoord - vec2(0.5);
  if (dot(d, d) > 0.25) discard;
  fragColor = vec4(v_color, 1.0);
}`;

function hexColor(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

/** D: a custom layer; the selection is a uniform, so a change is one redraw. */
function designD(): void {
  const n = data.lng.length;
  let program: WebGLProgram | null = null;
  let vao: WebGLVertexArrayObject | null = null;
  let uMatrix: WebGLUniformLocation | null = null;
  let uMask: WebGLUniformLocation | null = null;
  let uSize: WebGLUniformLocation | null = null;
  const layer: CustomLayerInterface = {
    id: LAYER,
    type: 'custom',
    renderingMode: '2d',
    onAdd(_map, gl) {
      program = gl.createProgram();
      gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
      gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
      gl.linkProgram(program);
      if (!gl.getProgramParameter(program, gl.LINK_STATUS))
        throw new Error(`link: ${gl.getProgramInfoLog(program) ?? '?'}`);
      uMatrix = gl.getUniformLocation(program, 'u_matrix');
      uMask = gl.getUniformLocation(program, 'u_mask');
      uSize = gl.getUniformLocation(program, 'u_size');

      const pos = new Float32Array(n * 2);
      const color = new Float32Array(n * 3);
      const palette = data.kinds.map((_, i) =>
        hexColor(KIND_COLORS[i % KIND_COLORS.length] ?? '#000000'),
      );
      for (let i = 0; i < n; i++) {
        const m = MercatorCoordinate.fromLngLat([data.lng[i] ?? 0, data.lat[i] ?? 0]);
        pos[i * 2] = m.x;
        pos[i * 2 + 1] = m.y;
        color.set(palette[data.kind[i] ?? 0] ?? [0, 0, 0], i * 3);
      }
      vao = gl.createVertexArray();
      gl.bindVertexArray(vao);
      const buffer = (array: ArrayBufferView, name: string, size: number, integer: boolean) => {
        const loc = gl.getAttribLocation(program as WebGLProgram, name);
        const b = gl.createBuffer();
        gl.bindBuffer(gl.ARRAY_BUFFER, b);
        gl.bufferData(gl.ARRAY_BUFFER, array, gl.STATIC_DRAW);
        gl.enableVertexAttribArray(loc);
        if (integer) gl.vertexAttribIPointer(loc, size, gl.UNSIGNED_INT, 0, 0);
        else gl.vertexAttribPointer(loc, size, gl.FLOAT, false, 0, 0);
      };
      buffer(pos, 'a_pos', 2, false);
      buffer(masks, 'a_ind', MASK_WORDS, true);
      buffer(color, 'a_color', 3, false);
      gl.bindVertexArray(null);
      gl.bindBuffer(gl.ARRAY_BUFFER, null);
    },
    render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput) {
      if (!program || !vao) return;
      gl.useProgram(program);
      gl.uniformMatrix4fv(uMatrix, false, options.defaultProjectionData.mainMatrix);
      gl.uniform4uiv(uMask, uniformMask);
      gl.uniform1f(uSize, 6 * window.devicePixelRatio);
      gl.enable(gl.BLEND);
      gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      gl.bindVertexArray(vao);
      gl.drawArrays(gl.POINTS, 0, n);
      gl.bindVertexArray(null);
    },
  };
  apply = (codes) => {
    uniformMask = packMask(codes, index);
    map.triggerRepaint();
  };
  uniformMask = packMask(data.initial, index);
  map.addLayer(layer);
}

async function setup(input: DesignData): Promise<{ loadMs: number; count: number }> {
  const t0 = performance.now();
  data = input;
  masks = Uint32Array.from(input.masks);
  index = codeIndex(input.codes);
  const container = document.getElementById('map');
  if (!container) throw new Error('no #map');
  map = new MapLibreMap({
    container,
    style: {
      version: 8,
      sources: {},
      layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f4f4f0' } }],
    },
    bounds: input.bbox,
    fitBoundsOptions: { padding: 20 },
    attributionControl: false,
    fadeDuration: 0,
  });
  await map.once('load');
  ({ A: designA, B: designB, C: designC, D: designD })[input.design]();
  await map.once('idle');
  return { loadMs: performance.now() - t0, count: await count() };
}

async function toggle(codes: string[]): Promise<ToggleTiming> {
  const idle = map.once('idle');
  const t0 = performance.now();
  apply(codes);
  await idle;
  const tIdle = performance.now();
  await nextFrame();
  return { t0, idle: tIdle - t0, frame: performance.now() - t0 };
}

async function count(): Promise<number> {
  switch (data.design) {
    case 'A':
    case 'B': {
      const ids = new Set<string | number | undefined>();
      for (const f of map.queryRenderedFeatures({ layers: [LAYER] })) ids.add(f.id);
      return ids.size;
    }
    case 'C': {
      let shown = 0;
      for (let i = 0; i < data.lng.length; i++) {
        if (map.getFeatureState({ source: SOURCE, id: i }).hidden !== true) shown++;
      }
      return shown;
    }
    case 'D':
      return countMatches(masks, uniformMask);
  }
}

function longestTaskSince(t0: number): number {
  if (observer)
    for (const e of observer.takeRecords())
      longtasks.push({ start: e.startTime, duration: e.duration });
  return longtasks
    .filter((t) => t.start + t.duration >= t0)
    .reduce((m, t) => Math.max(m, t.duration), 0);
}

window.__designs = { setup, toggle, count, longestTaskSince };
