import type {
  FontFacesSpecification,
  GeoJSONSourceSpecification,
  StyleSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { SOURCE } from '../ids.ts';
import { basemapStyleLayers } from './basemap.ts';
import { dataStyleLayers } from './data-layers.ts';
import type { Theme } from './theme.ts';
import { STATE } from './expressions.ts';
import type { PointDrawing } from '../points/types.ts';

/**
 * The basemap's credits in the map's first language: in English without the Chinese words the
 * basemap file writes before their English ("行政区划 Boundaries: …" → "Boundaries: …").
 */
export function creditsIn(credits: string, lang: Lang): string {
  if (lang === 'zh') return credits;
  return credits.replace(/(^|· )[\p{Script=Han}]+(?: \/)? /gu, '$1');
}

export type Lang = 'zh' | 'en';

export interface StyleData {
  districts: FeatureCollection;
  countyLines: FeatureCollection;
  prefectureLines: FeatureCollection;
  /** Neighbouring land, water, prefecture and county seats (src/lib/geo/basemap.ts `context`). */
  context: FeatureCollection;
  /** The basemap's credits, from the basemap file itself. */
  attribution: string;
  zones: FeatureCollection;
  zoneLabels: FeatureCollection;
  points: FeatureCollection;
}

function geojson(data: FeatureCollection, extra: Partial<GeoJSONSourceSpecification> = {}) {
  return { type: 'geojson', data, ...extra } satisfies GeoJSONSourceSpecification;
}

/**
 * The whole map style as a pure function of data, theme and fonts: no `glyphs`, no `sprite`,
 * nothing outside our origin (labels come from `font-faces`, markers are added as SDF images).
 */
export interface StyleOptions {
  theme: Theme;
  fonts: FontFacesSpecification;
  lang: Lang;
  /** Industries selected when the map opens (none = no filter). */
  industries: readonly string[];
  /**
   * How points are drawn (map/points/): by default symbols, or none when `data.points` is empty;
   * with `tiles` always circles on the archive's tiles.
   */
  points?: PointDrawing;
  /** Label zones only when zoomed in (many zones); see BULK_ZONES. */
  manyZones?: boolean;
  /**
   * Read points from a PMTiles archive at this absolute URL (`?tiles=`), registered with the
   * `pmtiles://` protocol (src/lib/map/pmtiles-protocol.ts); `data.points` is then unused.
   */
  tiles?: { url: string } | null;
}

export function buildStyle(data: StyleData, options: StyleOptions): StyleSpecification {
  const { theme, fonts, lang, industries, tiles = null, manyZones = false } = options;
  const points: PointDrawing = tiles
    ? 'tiles'
    : (options.points ?? (data.points.features.length === 0 ? 'none' : 'symbols'));
  return {
    version: 8,
    name: 'Park Atlas',
    'font-faces': fonts,
    state: {
      [STATE.lang]: { default: lang },
    },
    sources: {
      [SOURCE.districts]: geojson(data.districts, {
        attribution: creditsIn(data.attribution, lang),
      }),
      [SOURCE.countyLines]: geojson(data.countyLines),
      [SOURCE.prefectureLines]: geojson(data.prefectureLines),
      [SOURCE.context]: geojson(data.context),
      [SOURCE.zones]: geojson(data.zones, { promoteId: 'id' }),
      [SOURCE.zoneLabels]: geojson(data.zoneLabels, { promoteId: 'id' }),
      [SOURCE.points]: tiles
        ? ({
            type: 'vector',
            url: `pmtiles://${tiles.url}`,
            promoteId: 'id',
          } satisfies VectorSourceSpecification)
        : geojson(data.points, { promoteId: 'id' }),
    },
    layers: [
      ...basemapStyleLayers(theme),
      ...dataStyleLayers(theme, industries, { points, manyZones }),
    ],
  };
}
