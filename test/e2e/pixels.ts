/**
 * What the map put on the screen: the map canvas as composited by Chromium (a screenshot, so the
 * page needs no preserveDrawingBuffer), decoded here, in Node, from PNG.
 */
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8Array;
}

export type Rgb = [number, number, number];

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are). */
export function decodePng(png: Buffer): Pixels {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6))
        throw new Error(
          `unsupported PNG: depth ${depth}, colour ${colour}, interlace ${interlace}`,
        );
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? (rows[out + i - channels] as number) : 0;
      const b = y > 0 ? (rows[out - stride + i] as number) : 0;
      const c = y > 0 && i >= channels ? (rows[out - stride + i - channels] as number) : 0;
      const x = line[i] as number;
      let v: number;
      if (filter === 0) v = x;
      else if (filter === 1) v = x + a;
      else if (filter === 2) v = x + b;
      else if (filter === 3) v = x + ((a + b) >> 1);
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      } else throw new Error(`bad PNG filter ${filter}`);
      rows[out + i] = v & 255;
    }
  }
  if (channels === 4) return { width, height, data: rows };
  const data = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    data.set(rows.subarray(p * 3, p * 3 + 3), p * 4);
    data[p * 4 + 3] = 255;
  }
  return { width, height, data };
}

/** The map canvas as on screen now: CSS pixels, the same as `map.project` gives. */
export async function mapPixels(page: Page): Promise<Pixels> {
  return decodePng(await page.locator('.maplibregl-canvas').screenshot());
}

export function rgbAt(img: Pixels, x: number, y: number): Rgb {
  const i = (Math.round(y) * img.width + Math.round(x)) * 4;
  return [img.data[i] ?? 0, img.data[i + 1] ?? 0, img.data[i + 2] ?? 0];
}

export const hex = (h: string): Rgb => [1, 3, 5].map((k) => parseInt(h.slice(k, k + 2), 16)) as Rgb;

/** Colours match when every channel is within `tolerance` levels (antialiasing, blending). */
export const near = (a: readonly number[], b: readonly number[], tolerance = 12): boolean =>
  a.every((x, k) => Math.abs(x - (b[k] ?? 0)) <= tolerance);

export interface Box {
  x: number;
  y: number;
  /** Half the side of the square around (x, y). */
  r: number;
}

/** The pixels of a square around a point, in the image. */
function* boxPixels(img: Pixels, { x, y, r }: Box): Generator<[number, number]> {
  for (let py = Math.max(0, Math.round(y - r)); py <= Math.min(img.height - 1, y + r); py++)
    for (let px = Math.max(0, Math.round(x - r)); px <= Math.min(img.width - 1, x + r); px++)
      yield [px, py];
}

/** How many pixels of a box differ by more than `tolerance` in some channel between two images. */
export function changedPixels(a: Pixels, b: Pixels, box: Box, tolerance = 24): number {
  let n = 0;
  for (const [x, y] of boxPixels(a, box)) if (!near(rgbAt(a, x, y), rgbAt(b, x, y), tolerance)) n++;
  return n;
}

/** How many pixels of a box are within `tolerance` of a colour. */
export function pixelsNear(img: Pixels, box: Box, colour: Rgb, tolerance = 12): number {
  let n = 0;
  for (const [x, y] of boxPixels(img, box)) if (near(rgbAt(img, x, y), colour, tolerance)) n++;
  return n;
}

/** The number of distinct colours in the image, sampling every `step`th pixel. */
export function distinctColours(img: Pixels, step = 3): number {
  const seen = new Set<number>();
  for (let p = 0; p < img.width * img.height; p += step) {
    const i = p * 4;
    seen.add(((img.data[i] ?? 0) << 16) | ((img.data[i + 1] ?? 0) << 8) | (img.data[i + 2] ?? 0));
  }
  return seen.size;
}

/** Where a longitude/latitude is on the map canvas, in CSS pixels. */
export function project(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const p = window.parkAtlas!.controller.map.project(ll);
    return { x: p.x, y: p.y };
  }, lngLat);
}

type LngLat = [number, number];
type Rings = LngLat[][];

/** The rings of a Polygon or MultiPolygon, for even-odd tests (holes included). */
export function ringsOf(geometry: { type: string; coordinates: unknown }): Rings {
  const c = geometry.coordinates as LngLat[][] | LngLat[][][];
  return (geometry.type === 'MultiPolygon' ? (c as LngLat[][][]).flat() : c) as Rings;
}

/**
 * Canvas pixels (every `step`th) inside `area`, `margin` px from its edges, outside the `avoid`
 * polygons and `gap` px from every one of `points`: where only the area's own fill is drawn.
 */
export function plainPixels(
  page: Page,
  area: Rings,
  options: {
    avoid?: Rings[];
    points?: LngLat[];
    gap?: number;
    step?: number;
    margin?: number;
  } = {},
): Promise<{ x: number; y: number }[]> {
  const { avoid = [], points = [], gap = 14, step = 2, margin = 4 } = options;
  return page.evaluate(
    ([area, avoid, points, gap, step, margin]) => {
      const map = window.parkAtlas!.controller.map;
      const inside = (rings: [number, number][][], [x, y]: [number, number]) => {
        let odd = false;
        for (const r of rings)
          for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
            const [xi, yi] = r[i]!;
            const [xj, yj] = r[j]!;
            if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
          }
        return odd;
      };
      const lngLat = (x: number, y: number): [number, number] => {
        const p = map.unproject([x, y]);
        return [p.lng, p.lat];
      };
      const markers = points.map((p) => map.project(p));
      const xy = area.flat().map((c) => map.project(c));
      const w = map.getCanvas().clientWidth;
      const h = map.getCanvas().clientHeight;
      const x0 = Math.max(margin, Math.ceil(Math.min(...xy.map((p) => p.x))));
      const x1 = Math.min(w - 1 - margin, Math.max(...xy.map((p) => p.x)));
      const y0 = Math.max(margin, Math.ceil(Math.min(...xy.map((p) => p.y))));
      const y1 = Math.min(h - 1 - margin, Math.max(...xy.map((p) => p.y)));
      const out: { x: number; y: number }[] = [];
      for (let y = y0; y <= y1; y += step)
        for (let x = x0; x <= x1; x += step) {
          const around = [
            [0, 0],
            [margin, 0],
            [-margin, 0],
            [0, margin],
            [0, -margin],
          ].map(([dx, dy]) => lngLat(x + dx!, y + dy!));
          if (!around.every((c) => inside(area, c))) continue;
          if (around.some((c) => avoid.some((rings) => inside(rings, c)))) continue;
          if (markers.some((m) => Math.hypot(m.x - x, m.y - y) < gap)) continue;
          out.push({ x, y });
        }
      return out;
    },
    [area, avoid, points, gap, step, margin] as const,
  );
}
