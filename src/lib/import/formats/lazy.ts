/**
 * The readers with big libraries behind them (shpjs with its zip reader, togeojson with an XML
 * parser, topojson-client), loaded in the worker when a file needs them: a GeoJSON or CSV import
 * never downloads them.
 */
export const READERS = {
  shapefile: async () => (await import('./shapefile.ts')).readShapefile,
  kml: async () => (await import('./xml.ts')).readKml,
  gpx: async () => (await import('./xml.ts')).readGpx,
  topojson: async () => (await import('./topojson.ts')).readTopojson,
};
