import type {
  CustomLayerInterface,
  CustomRenderMethodInput,
  Map as MapLibreMap,
} from 'maplibre-gl';
import { MASK_WORDS } from './mask.ts';
import type { PointTable, PointVisibility } from './point-table.ts';
import { POINT_KINDS, type PointKind } from '../ids.ts';
import { pointsProgram } from './program.ts';

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
    // Shared by the context's layers; compiled here only when nothing prepared it (program.ts).
    const program = pointsProgram(gl);
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
    // Uploaded: the first frame need not upload them again.
    this.pendingColors = new Uint8Array(0);
    // One byte per point, 1 = hidden by id; zeros until a year hides some.
    const hidden = new Uint8Array(this.table.length);
    this.hiddenBuffer = attribute('a_hidden', hidden, 1, gl.UNSIGNED_BYTE, 'int');
    gl.bindVertexArray(null);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
  }

  onRemove(): void {
    const gl = this.gl;
    // The program stays: other layers of the context share it.
    if (gl) gl.deleteVertexArray(this.vao);
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
