/** Source and layer ids in one place, so style builders, the controller and tests agree. */
export const SOURCE = {
  districts: 'basemap-districts',
  countyLines: 'basemap-county-lines',
  prefectureLines: 'basemap-prefecture-lines',
  context: 'basemap-context',
  zones: 'zones',
  zoneLabels: 'zone-labels',
  points: 'points',
} as const;

export const LAYER = {
  background: 'background',
  land: 'basemap-land',
  water: 'basemap-water',
  riverLabel: 'basemap-river-label',
  cityLabel: 'basemap-city-label',
  districtFill: 'basemap-district-fill',
  countyLine: 'basemap-county-line',
  prefectureLine: 'basemap-prefecture-line',
  districtLabel: 'basemap-district-label',
  zoneFill: 'zone-fill',
  zoneLine: 'zone-line',
  zoneLabel: 'zone-label',
  pointLabel: 'point-label',
} as const;

/** Kinds of point feature, drawn as one symbol layer each (zones are polygons). */
export const POINT_KINDS = ['park', 'platform', 'project', 'enterprise'] as const;
export type PointKind = (typeof POINT_KINDS)[number];

export const pointLayerId = (kind: PointKind): string => `points-${kind}`;
export const markerImageId = (kind: PointKind): string => `marker-${kind}`;
export const schematicMarkerId = (kind: PointKind): string => `marker-${kind}-schematic`;
