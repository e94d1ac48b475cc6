/**
 * The GPU points' shader program, one per WebGL context, shared by its layers. Compiling and
 * linking block the page until the driver answers (~100 ms with the software renderer, which
 * has no KHR_parallel_shader_compile), so `prepareProgram` does it a step per task: the compile
 * runs in the GPU process while the page is free, and adding a big imported layer is no long
 * task (#16). A layer added with nothing prepared compiles at once (`pointsProgram`).
 */
import { POINT_KINDS } from '../ids.ts';

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

const programs = new WeakMap<WebGL2RenderingContext, WebGLProgram>();
const preparing = new WeakMap<WebGL2RenderingContext, Promise<void>>();

/** A later task, `ms` later: the GPU process compiles meanwhile, while the page is free. */
const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function startCompile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('GPU points: createShader failed');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  return shader;
}

/** Waits for the compile; an error is thrown with the driver's log. */
function compiled(gl: WebGL2RenderingContext, shader: WebGLShader): WebGLShader {
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS))
    throw new Error(`GPU points: shader did not compile: ${gl.getShaderInfoLog(shader) ?? ''}`);
  return shader;
}

/** Compiles one shader now (the bench pages' own programs). */
export const compile = (gl: WebGL2RenderingContext, type: number, source: string) =>
  compiled(gl, startCompile(gl, type, source));

function startLink(gl: WebGL2RenderingContext, vs: WebGLShader, fs: WebGLShader): WebGLProgram {
  const program = gl.createProgram();
  gl.attachShader(program, vs);
  gl.attachShader(program, fs);
  gl.linkProgram(program);
  return program;
}

function linked(gl: WebGL2RenderingContext, program: WebGLProgram): WebGLProgram {
  if (!gl.getProgramParameter(program, gl.LINK_STATUS))
    throw new Error(`GPU points: program did not link: ${gl.getProgramInfoLog(program) ?? ''}`);
  programs.set(gl, program);
  // A lost context's program is made again after (asking isProgram would wait for the driver).
  gl.canvas.addEventListener('webglcontextlost', () => programs.delete(gl), { once: true });
  return program;
}

const kept = (gl: WebGL2RenderingContext) => programs.get(gl) ?? null;

/** The program, compiled now if no layer or `prepareProgram` has. */
export function pointsProgram(gl: WebGL2RenderingContext): WebGLProgram {
  const known = kept(gl);
  if (known) return known;
  const vs = compiled(gl, startCompile(gl, gl.VERTEX_SHADER, VERTEX));
  const fs = compiled(gl, startCompile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
  return linked(gl, startLink(gl, vs, fs));
}

/**
 * Compiles and links the program a step per task, `gapMs` apart; resolves once `pointsProgram`
 * is free. A long gap when there is time (an import just begun): the driver is then done before
 * it is asked, and asking costs nothing.
 */
export function prepareProgram(gl: WebGL2RenderingContext, gapMs = 20): Promise<void> {
  if (kept(gl)) return Promise.resolve();
  const under = preparing.get(gl);
  if (under) return under;
  const steps = async () => {
    const vs = startCompile(gl, gl.VERTEX_SHADER, VERTEX);
    const fs = startCompile(gl, gl.FRAGMENT_SHADER, FRAGMENT);
    gl.flush();
    // Each wait for the driver in a task of its own.
    await later(gapMs);
    compiled(gl, vs);
    await later(gapMs);
    const program = startLink(gl, vs, compiled(gl, fs));
    gl.flush();
    await later(gapMs);
    linked(gl, program);
  };
  const done = steps().finally(() => preparing.delete(gl));
  preparing.set(gl, done);
  return done;
}
