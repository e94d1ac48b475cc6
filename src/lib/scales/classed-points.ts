/**
 * Many points as the import worker hands them to the map: positions in Web Mercator relative to
 * an origin (float32 keeps ~1 cm near it), one byte per point saying its class, and, when the
 * layer is filtered by a field, one byte per point saying its category. Typed arrays, so half a
 * million points cross from the worker by transfer, with nothing for the page to parse.
 */

/** The point's value is missing or not a number: drawn in the no-data colour. */
export const CLASS_NO_DATA = 254;
/** The point has no value in the field filtered by: drawn only while nothing is filtered. */
export const NO_CATEGORY = 255;

/**
 * The same for a layer the map gets as GeoJSON: each feature's category as a property, 1 + its
 * index in the drawing's `categoryValues`, absent when it has none. The map makes it the feature
 * id (promoteId), so one feature-state write per category shows or hides all its features.
 */
export const CATEGORY_PROP = 'k';

export interface ClassedPoints {
  kind: 'points';
  /** Mercator [x, y] the positions are relative to. */
  origin: [number, number];
  /** Mercator x, y per point, minus the origin. */
  positions: Float32Array;
  /** Per point: its class (an index into the colours) or CLASS_NO_DATA. */
  classes: Uint8Array;
  /**
   * Per point: an index into `categoryValues` or NO_CATEGORY, so the page hides points by
   * category without asking the worker (a category field has at most 24 values); null when the
   * drawing is for no filter field.
   */
  categories: Uint8Array | null;
  /** The values of the filter field, as `categories` indexes them. */
  categoryValues: string[];
}
