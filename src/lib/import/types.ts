/**
 * The import contract: files in, features and a located report out. Everything under
 * src/lib/import runs in a Web Worker (no DOM, no MapLibre), so it is pure and takes bytes (a
 * picked file's Blob is read into them first, in the worker). Each format reader turns its bytes into raw GeoJSON features plus issues; the
 * pipeline then converts coordinates, validates, infers fields and names.
 */
import type { Feature, Geometry } from 'geojson';

/** One file as read from a picker, a drop, a paste or a URL. */
export interface ImportFile {
  name: string;
  bytes: ArrayBuffer;
  /** The Content-Type a server sent, when it came from a URL. */
  contentType?: string;
}

/**
 * A picked or dropped file as the page hands it over: a Blob the worker reads, since reading
 * 50 MB into an ArrayBuffer on the page was a task of over 100 ms there (#16).
 */
export interface PickedFile {
  name: string;
  blob: Blob;
}

/** Coordinate systems a user can say their data is in (or a file can name). */
export type CrsChoice = 'auto' | 'wgs84' | 'cgcs2000' | 'gcj02' | 'bd09';

export type FormatName = 'geojson' | 'topojson' | 'csv' | 'shapefile' | 'kml' | 'gpx';

/** A problem, located and said in both languages. */
export interface ImportIssue {
  /** The file it is in. */
  file: string;
  /**
   * Where in it: `features[12].geometry.coordinates[0][3]`, `row 14` (1-based, the header is
   * row 1), `line 3, column 17`; empty for the file as a whole.
   */
  where: string;
  /** Stable machine code, e.g. `json-syntax`, `no-coordinate-columns`, `ring-not-closed`. */
  code: string;
  en: string;
  zh: string;
  /** True when the feature or row it is about was rejected (false: loaded, with a warning). */
  rejected: boolean;
}

/** What a format reader gives back. */
export interface ReadResult {
  format: FormatName;
  /** Raw features as read: geometry may still be in another CRS and unchecked. */
  features: Feature<Geometry | null, Record<string, unknown>>[];
  /**
   * Where each feature is in the file, as issues name it (`features[12]`, `row 14`); when
   * absent, `features[i]`.
   */
  places?: string[];
  issues: ImportIssue[];
  /** A GeoJSON `crs` member as found (the 2008 spec's), read by the CRS module. */
  crsMember?: unknown;
  /** What the file says its CRS is (a .prj, a `crs` member, a CSV header), if anything. */
  declaredCrs?: DeclaredCrs;
  /** Set when the file could not be read at all: nothing in it loads. */
  fatal?: ImportIssue;
}

/** A coordinate system as a file declares it. */
export interface DeclaredCrs {
  /** EPSG code when known (4326, 4490, 3857, 4491…4554 for CGCS2000 Gauss-Krüger). */
  epsg?: number;
  /** The WKT of a .prj, or the name in a `crs` member, as found. */
  text: string;
  /** Where it was declared, e.g. `parks.prj`, `crs member`. */
  from: string;
}

/** Progress a long import reports: a phase and a fraction of it done. */
export interface ImportProgress {
  phase: 'read' | 'parse' | 'convert' | 'validate' | 'index';
  /** 0…1 */
  done: number;
}

export type Bilingual = Pick<ImportIssue, 'en' | 'zh'>;
