/**
 * The parts of shpjs 6 the import uses (it ships no types). See node_modules/shpjs/lib/index.js:
 * the named exports parse one .shp or .dbf; `prj` is WKT, and when given, shpjs reprojects.
 */
declare module 'shpjs' {
  import type { FeatureCollection, Geometry } from 'geojson';

  type Bytes = ArrayBuffer | ArrayBufferView;

  /** One geometry per record, null for a null shape; throws on shape types it does not know. */
  export function parseShp(shp: Bytes, prj?: string): (Geometry | null)[];
  /** One row per record; `cpg` is a TextDecoder label or a code page number ("936"). */
  export function parseDbf(dbf: Bytes, cpg?: string): Record<string, unknown>[];
  export function combine(
    parts: [(Geometry | null)[], Record<string, unknown>[]?],
  ): FeatureCollection<Geometry | null>;

  interface ShapefileParts {
    shp: Bytes;
    dbf?: Bytes;
    prj?: string | Bytes;
    cpg?: string | Bytes;
  }
  type Parsed = FeatureCollection<Geometry | null> & { fileName?: string };
  /** A URL, a zip's bytes, or the parts; a zip with several layers gives an array. */
  export default function shp(input: string | Bytes | ShapefileParts): Promise<Parsed | Parsed[]>;
}
