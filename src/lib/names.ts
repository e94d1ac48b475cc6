/**
 * Names that the app (src/) and its tools (scripts/) must agree on, each defined once: the
 * points archive's layout, the flat property names filters and colours read, Shandong's box.
 * Changing one here changes the tiler, the loader and the style together.
 */

/** The layer inside each vector tile of a points archive. */
export const POINTS_SOURCE_LAYER = 'points';

/** The tile property holding a point's full properties as JSON (the archive's last zoom only). */
export const TILE_DETAIL_PROP = 'detail';

/** The key of the app's own summary in a points archive's JSON metadata. */
export const TILES_METADATA_KEY = 'park_atlas';

/** Prefix of the flat property that is `true` when a feature belongs to an industry. */
export const INDUSTRY_PROP_PREFIX = 'ind_';
/** Prefix of the flat property holding a feature's value of a numeric field. */
export const FIELD_PROP_PREFIX = 'fig_';

export const industryProp = (code: string): string => `${INDUSTRY_PROP_PREFIX}${code}`;
export const fieldProp = (key: string): string => `${FIELD_PROP_PREFIX}${key}`;

/** [west, south, east, north] around Shandong's land and islands, in degrees. */
export const SHANDONG_BOUNDS = [114.7, 34.3, 122.8, 38.5] as const;
