/**
 * Many points as the import worker hands them to the map: positions in Web Mercator relative to
 * an origin (float32 keeps ~1 cm near it), and one byte per point saying its class. Typed arrays,
 * so half a million points cross from the worker by transfer, with nothing for the page to parse.
 */

/** The point's value is missing or not a number: drawn in the no-data colour. */
export const CLASS_NO_DATA = 254;
/** The point is filtered out: not drawn. */
export const CLASS_HIDDEN = 255;

export interface ClassedPoints {
  kind: 'points';
  /** Mercator [x, y] the positions are relative to. */
  origin: [number, number];
  /** Mercator x, y per point, minus the origin. */
  positions: Float32Array;
  /** Per point: its class (an index into the colours), CLASS_NO_DATA or CLASS_HIDDEN. */
  classes: Uint8Array;
}
