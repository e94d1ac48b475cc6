import type {
  CustomLayerInterface,
  CustomRenderMethodInput,
  Map as MapLibreMap,
} from 'maplibre-gl';
import { MASK_WORDS } from './mask.ts';
import type { PointTable, PointVisibility } from './point-table.ts';
import { POINT_KINDS, type PointKind } from '../ids.ts';

/**
 * Large point sets drawn by one WebGL2 draw call. Each point carries its industries as a bitmask
 * attribute and the industry selection is a uniform, so a filter change is a redraw, not a
 * re-tiling: at 100k points 91 ms toggle → frame against 545 ms for `setFilter` on a GeoJSON
 * source, and 5 MB of worker heap instead of 318 MB (`npm run bench:designs`, docs/BENCHMARKS.md).
 */

/** Circle radius per kind in CSS px at zoom 6 and 12 (as the symbol markers' footprint). */
export const POINT_RADIUS: Record<PointKind, readonly [number, number]> = {
  park: [1.6, 6.4],
  platform: [1.4, 5.6],
  project: [1.4, 5.6],
  enterprise: [1.2, 4.8],
};

/** Radius in CSS px of a kind at a zoom: linear between zoom 6 and 12, constant outside. */
export function pointRadius(kind: PointKind, zoom: number): number {
  const [r6, r12] = POINT_RADIUS[kind];
  const t = Math.min(1, Math.max(0, (zoom - 6) / 6));
  return r6 + (r12 - r6) * t;
}

/** Outline widths in CSS px: a thin white ring, a dark thick one when highlighted. */
export const STROKE = { normal: 0.6, highlighted: 2.5 } as const;

const VERTEX = `#version 300 es
uniform mat4 u_matrix;
uniform uvec4 u_selection;
uniform uint u_kinds;
uniform bool u_none;
uniform float u_radius[${POINT_KINDS.length}];
uniform float u_pixel_ratio;
uniform float u_stroke;
in vec2 a_pos;
in uvec4 a_industries;
in uint a_kind;
in vec4 a_color;
in uint a_hidden;
out vec4 v_color;
out float v_radius;
out float v_size;
void main() {
  bool kind_on = (u_kinds & (1u << a_kind)) != 0u;
  bool any_selected = any(notEqual(u_selection, uvec4(0u)));
  bool industry_on = !any_selected || any(notEqual(a_industries & u_selection, uvec4(0u)));
  if (u_none || !kind_on || !industry_on || a_hidden != 0u) {
    // Filtered out: placed outside the clip volume, so the point is never rasterised.
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  float r = u_radius[a_kind];
  v_radius = r * u_pixel_ratio;
  v_size = (r + u_stroke) * 2.0 * u_pixel_ratio;
  gl_PointSize = v_size + 1.0;
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
  v_color = a_color;
}`;

const FRAGMENT = `#version 300 es
precision mediump float;
uniform vec3 u_stroke_color;
in vec4 v_color;
in float v_radius;
in float v_size;
out vec4 frag;
void main() {
  // Distance from the centre in device pixels; the point sprite is v_size + 1 wide.
  float d = length(gl_PointCoord - 0.5) * (v_size + 1.0);
  float outer = v_size * 0.5;
  float alpha = clamp(outer - d + 0.5, 0.0, 1.0);
  if (alpha <= 0.0) discard;
  float fill = clamp(v_radius - d + 0.5, 0.0, 1.0);
  vec3 rgb = mix(u_stroke_color, v_color.rgb, fill);
  frag = vec4(rgb * alpha, alpha);
}`;

/** Compiles one shader; a compile error is thrown with the driver's log. */
export function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('GPU points: createShader failed');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS))
    throw new Error(`GPU points: shader did not compile: ${gl.getShaderInfoLog(shader) ?? ''}`);
  return shader;
}

type Uniforms = Record<
  'matrix' | 'selection' | 'kinds' | 'none' | 'radius' | 'pixelRatio' | 'stroke' | 'strokeColor',
  WebGLUniformLocation | null
>;

export type HighlightRows = { selected: number; hovered: number };

/**
 * What the layer draws: the point table's columns. Imported points have no industries: without
 * `masks` every point's mask is zero, a constant attribute rather than megabytes of zeros.
 */
export type GpuPointRows = Pick<PointTable, 'length' | 'origin' | 'positions' | 'kinds'> & {
  masks?: Uint32Array;
};

/**
 * The MapLibre custom layer. Holds no state of its own beyond GPU buffers: what to show comes
 * from `visibility`, colours from `setColors`, highlighted rows from `highlight`.
 */
export class GpuPointsLayer implements CustomLayerInterface {
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  private map: MapLibreMap | null = null;
  private gl: WebGL2RenderingContext | null = null;
  private program: WebGLProgram | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private colorBuffer: WebGLBuffer | null = null;
  private hiddenBuffer: WebGLBuffer | null = null;
  /** The hidden rows last uploaded (`visibility.hidden` is uploaded when it is another array). */
  private uploadedHidden: Uint8Array | null = null;
  private uniforms: Uniforms | null = null;
  private pendingColors: Uint8Array;
  private readonly matrix = new Float32Array(16);

  constructor(
    readonly id: string,
    private readonly table: GpuPointRows,
    private visibility: PointVisibility,
    colors: Uint8Array,
    private highlight: HighlightRows = { selected: -1, hovered: -1 },
  ) {
    this.pendingColors = colors;
  }

  setVisibility(v: PointVisibility): void {
    this.visibility = v;
    this.map?.triggerRepaint();
  }

  setColors(colors: Uint8Array): void {
    this.pendingColors = colors;
    this.map?.triggerRepaint();
  }

  setHighlight(rows: HighlightRows): void {
    this.highlight = rows;
    this.map?.triggerRepaint();
  }

  onAdd(map: MapLibreMap, gl: WebGL2RenderingContext): void {
    this.map = map;
    this.gl = gl;
    const program = gl.createProgram();
    gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
    gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS))
      throw new Error(`GPU points: program did not link: ${gl.getProgramInfoLog(program) ?? ''}`);
    this.program = program;
    const u = (name: string) => gl.getUniformLocation(program, name);
    this.uniforms = {
      matrix: u('u_matrix'),
      selection: u('u_selection'),
      kinds: u('u_kinds'),
      none: u('u_none'),
      radius: u('u_radius'),
      pixelRatio: u('u_pixel_ratio'),
      stroke: u('u_stroke'),
      strokeColor: u('u_stroke_color'),
    };
    this.vao = gl.createVertexArray();
    gl.bindVertexArray(this.vao);
    const attribute = (
      name: string,
      data: ArrayBufferView,
      size: number,
      type: number,
      as: 'float' | 'int' | 'normalized',
    ): WebGLBuffer => {
      const loc = gl.getAttribLocation(program, name);
      const buffer = gl.createBuffer();
      gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
      gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
      gl.enableVertexAttribArray(loc);
      if (as === 'int') gl.vertexAttribIPointer(loc, size, type, 0, 0);
      else gl.vertexAttribPointer(loc, size, type, as === 'normalized', 0, 0);
      return buffer;
    };
    attribute('a_pos', this.table.positions, 2, gl.FLOAT, 'float');
    if (this.table.masks)
      attribute('a_industries', this.table.masks, MASK_WORDS, gl.UNSIGNED_INT, 'int');
    attribute('a_kind', this.table.kinds, 1, gl.UNSIGNED_BYTE, 'int');
    this.colorBuffer = attribute('a_color', this.pendingColors, 4, gl.UNSIGNED_BYTE, 'normalized');
    // One byte per point, 1 = hidden by id; zeros until a year hides some.
    const hidden = new Uint8Array(this.table.length);
    this.hiddenBuffer = attribute('a_hidden', hidden, 1, gl.UNSIGNED_BYTE, 'int');
    gl.bindVertexArray(null);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
  }

  onRemove(): void {
    const gl = this.gl;
    if (gl) {
      gl.deleteProgram(this.program);
      gl.deleteVertexArray(this.vao);
    }
    this.map = null;
    this.gl = null;
  }

  render(gl: WebGL2RenderingContext | WebGLRenderingContext, options: CustomRenderMethodInput) {
    const u = this.uniforms;
    if (!(gl instanceof WebGL2RenderingContext) || !this.program || !this.vao || !u || !this.map)
      return;
    if (this.pendingColors.length === this.table.length * 4 && this.colorBuffer) {
      gl.bindBuffer(gl.ARRAY_BUFFER, this.colorBuffer);
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, this.pendingColors);
      gl.bindBuffer(gl.ARRAY_BUFFER, null);
      this.pendingColors = new Uint8Array(0);
    }
    const { hidden } = this.visibility;
    if (hidden !== this.uploadedHidden && this.hiddenBuffer) {
      gl.bindBuffer(gl.ARRAY_BUFFER, this.hiddenBuffer);
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, hidden ?? new Uint8Array(this.table.length));
      gl.bindBuffer(gl.ARRAY_BUFFER, null);
      this.uploadedHidden = hidden;
    }
    gl.useProgram(this.program);
    relativeToOrigin(options.defaultProjectionData.mainMatrix, this.table.origin, this.matrix);
    gl.uniformMatrix4fv(u.matrix, false, this.matrix);
    gl.uniform4uiv(u.selection, this.visibility.selection);
    gl.uniform1ui(u.kinds, this.visibility.kinds);
    gl.uniform1i(u.none, this.visibility.none ? 1 : 0);
    const zoom = this.map.getZoom();
    gl.uniform1fv(
      u.radius,
      POINT_KINDS.map((k) => pointRadius(k, zoom)),
    );
    gl.uniform1f(u.pixelRatio, window.devicePixelRatio || 1);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.bindVertexArray(this.vao);
    // A constant attribute is global state, not the VAO's: set it for every draw.
    if (!this.table.masks)
      gl.vertexAttribI4ui(gl.getAttribLocation(this.program, 'a_industries'), 0, 0, 0, 0);
    gl.uniform1f(u.stroke, STROKE.normal);
    gl.uniform3f(u.strokeColor, 1, 1, 1);
    gl.drawArrays(gl.POINTS, 0, this.table.length);
    // Highlighted points again, on top and with a dark ring (hidden ones stay hidden).
    const rows = new Set([this.highlight.hovered, this.highlight.selected]);
    gl.uniform1f(u.stroke, STROKE.highlighted);
    gl.uniform3f(u.strokeColor, 0, 0, 0);
    for (const row of rows)
      if (row >= 0 && row < this.table.length) gl.drawArrays(gl.POINTS, row, 1);
    gl.bindVertexArray(null);
  }
}

/**
 * `matrix × translate(origin)` in float64, then stored as float32: positions are relative to the
 * origin, so the large translation is folded in before precision is lost.
 */
export function relativeToOrigin(
  m: ArrayLike<number>,
  origin: readonly [number, number],
  out: Float32Array = new Float32Array(16),
): Float32Array {
  const [ox, oy] = origin;
  for (let i = 0; i < 12; i++) out[i] = m[i] as number;
  for (let r = 0; r < 4; r++) {
    out[12 + r] = (m[r] as number) * ox + (m[4 + r] as number) * oy + (m[12 + r] as number);
  }
  return out;
}
