/**
 * The dataset's shape, as valibot schemas, and the TypeScript types inferred from them. This is the
 * data contract (data/README.md) in code: data/zones/*.geojson, data/industries.json and
 * data/divisions.json are checked against it by scripts/check-data.ts and the tests, and the app
 * reads untrusted data (`?data=`, a user's file) with it (./parse.ts), so it must stay free of
 * node imports. The embedded data is read without it (./trusted.ts).
 *
 * Properties and features are strict (unknown keys are errors) because the contract lists exactly
 * which keys exist; a typo such as `locaton_note` would otherwise vanish silently.
 */
import * as v from 'valibot';
import {
  KINDS,
  OUTLINES,
  PLACE_BASES,
  PRECISIONS,
  QUALIFIERS,
  RELATION_TYPES,
  REPORTED,
  STATUSES,
} from './vocabulary.ts';

// Re-exported: scripts and tests name them with the rest of the contract.
export { KINDS, OUTLINES, PLACE_BASES, PRECISIONS, QUALIFIERS, RELATION_TYPES, REPORTED, STATUSES };

import { dateString, docName, kebabId, nonEmpty, SNAKE } from './schema-parts.ts';

export const KindSchema = v.picklist(KINDS);
export const StatusSchema = v.picklist(STATUSES);
export const PrecisionSchema = v.picklist(PRECISIONS);
export const OutlineSchema = v.picklist(OUTLINES);
export const PlaceBasisSchema = v.picklist(PLACE_BASES);

/** A verbatim quote from one source document. */
export const SourceSchema = v.strictObject({
  doc: docName,
  quote: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
});

/**
 * The quote a status is read from, the date it holds for (the document's date unless the text
 * dates it: `2015-11` for 济宁's "1-11月份") and whether the text reports it as done or as a plan.
 */
export const StatusSourceSchema = v.strictObject({
  doc: docName,
  quote: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  as_of: dateString,
  reported: v.picklist(REPORTED),
});

/**
 * What period a figure covers, when not simply its `year`: months the text names
 * (`2015-01/2015-11` for "1-11月份"), `to_date` (截止目前, up to `as_of`), or `since_YYYY`
 * ("2017年以来", from that year up to `as_of`).
 */
const PERIOD = /^(?:\d{4}-\d{2}\/\d{4}-\d{2}|to_date|since_\d{4})$/;

export const FigureSchema = v.strictObject({
  /** snake_case code: total_investment, gdp, fiscal_revenue, floor_area, count, … */
  what: v.pipe(v.string(), v.regex(SNAKE, 'must be snake_case')),
  label_zh: nonEmpty,
  label_en: nonEmpty,
  /** As written in the quote: no unit conversion, so 17000 for "17000余平方米". */
  value: v.pipe(v.number(), v.finite()),
  unit: nonEmpty,
  year: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1949), v.maxValue(2100))),
  /** Explicit period when not a calendar year; see PERIOD. */
  period: v.nullable(
    v.pipe(v.string(), v.regex(PERIOD, 'must be YYYY-MM/YYYY-MM, to_date or since_YYYY')),
  ),
  /** The date a `to_date` or `since_YYYY` figure runs up to: the document's date. */
  as_of: v.optional(dateString),
  /** The word qualifying the number as written (17000余 → 余); absent for a plain number. */
  qualifier: v.optional(v.picklist(QUALIFIERS)),
  /** True for a target or plan, false for an achieved value. */
  target: v.boolean(),
  doc: docName,
  quote: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
});

export const TimelineEntrySchema = v.strictObject({
  date: dateString,
  doc: docName,
  quote: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  note_en: nonEmpty,
  /** The status this dated fact states, read by the same rule as `status_source`. */
  status: v.optional(StatusSchema),
});

/**
 * A typed link to another feature that a text states, with the quote that states it
 * (data/README.md, "Relations"); validate/relations.ts checks the target and the type.
 */
export const RelationSchema = v.strictObject({
  type: v.picklist(RELATION_TYPES),
  /** The other feature's id. */
  target: kebabId,
  doc: docName,
  quote: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
});

/**
 * Feature properties. Keys the contract lets files omit get their empty value on output
 * (`v.optional(…, default)`), so code reading parsed data never has to ask whether they exist.
 */
export const ParkPropertiesSchema = v.strictObject({
  id: kebabId,
  kind: KindSchema,
  name_zh: nonEmpty,
  name_en: nonEmpty,
  /** Other names the texts use for the same thing (天衢新区 for 德州经济技术开发区); searchable. */
  aliases: v.optional(v.array(nonEmpty), []),
  zone: kebabId,
  parent: v.optional(v.nullable(kebabId), null),
  /** Zone features only: basemap districts the zone lies in. */
  districts: v.optional(v.array(nonEmpty)),
  /** Zone features only: whether the outline is an official boundary or approximate. */
  outline: v.optional(OutlineSchema),
  /** Zone features only: how the outline was obtained, in words (data/README.md). */
  outline_basis: v.optional(nonEmpty),
  /** The data/places/towns.json record of the town the text names; its seat is the point's source. */
  place: v.optional(v.nullable(kebabId), null),
  industries: v.optional(v.array(kebabId), []),
  status: StatusSchema,
  status_source: v.optional(v.nullable(StatusSourceSchema), null),
  precision: PrecisionSchema,
  location_note: v.optional(v.nullable(nonEmpty), null),
  figures: v.optional(v.array(FigureSchema), []),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'at least one source is required')),
  timeline: v.optional(v.array(TimelineEntrySchema), []),
  relations: v.optional(v.array(RelationSchema), []),
});

const lon = v.pipe(v.number(), v.finite(), v.minValue(-180), v.maxValue(180));
const lat = v.pipe(v.number(), v.finite(), v.minValue(-90), v.maxValue(90));
/** [lon, lat]; no altitude. */
const PositionSchema = v.strictTuple([lon, lat]);

export const PointSchema = v.strictObject({
  type: v.literal('Point'),
  coordinates: PositionSchema,
});

export const PolygonSchema = v.strictObject({
  type: v.literal('Polygon'),
  coordinates: v.pipe(
    v.array(v.pipe(v.array(PositionSchema), v.minLength(4, 'a ring needs at least 4 positions'))),
    v.minLength(1, 'a polygon needs an outer ring'),
  ),
});

export const ParkFeatureSchema = v.strictObject({
  type: v.literal('Feature'),
  id: kebabId,
  geometry: v.variant('type', [PointSchema, PolygonSchema]),
  properties: ParkPropertiesSchema,
});

/** One zone file: the zone polygon first, then its points (order is checked by validate()). */
export const ZoneCollectionSchema = v.object({
  type: v.literal('FeatureCollection'),
  features: v.array(ParkFeatureSchema),
});

export const IndustrySchema = v.strictObject({
  code: kebabId,
  zh: nonEmpty,
  en: nonEmpty,
  /** The broader industry it is a kind of (现代中药 → 生物医药); absent for a top-level group. */
  parent: v.optional(kebabId),
});

export const IndustriesFileSchema = v.strictObject({
  industries: v.pipe(v.array(IndustrySchema), v.minLength(1)),
});

export const DivisionsFileSchema = v.strictObject({
  source: nonEmpty,
  zones: v.record(
    kebabId,
    v.strictObject({
      code: v.pipe(v.string(), v.regex(/^\d{6}$/, 'must be a 6-digit division code')),
      name: nonEmpty,
      streets: v.array(
        v.strictObject({
          code: v.pipe(v.string(), v.regex(/^\d{9}$/, 'must be a 9-digit street code')),
          name: nonEmpty,
        }),
      ),
      note: nonEmpty,
    }),
  ),
});

/** A web page a place's position comes from, with its words verbatim. */
export const PlaceSourceSchema = v.strictObject({
  url: v.pipe(v.string(), v.regex(/^https?:\/\/\S+$/, 'must be an http(s) address')),
  title: nonEmpty,
  quote: nonEmpty,
});

/** A position computed from a stated distance and direction from another place of the file. */
export const PlaceDerivationSchema = v.strictObject({
  /** Id of the place measured from; it must itself be cited. */
  from: kebabId,
  distance_km: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(200)),
  /** Compass bearing in degrees: 0 north, 90 east, 225 south-west, 270 west. */
  bearing_deg: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(360)),
  /** How the page's words became the distance and the bearing. */
  note: nonEmpty,
});

export const PlaceSchema = v.strictObject({
  id: kebabId,
  /** `city`: a prefecture or county-level city's government seat ("city centre"); `town`: a 镇 or 街道 seat. */
  kind: v.picklist(['city', 'town']),
  name_zh: nonEmpty,
  /** Towns: the zone administering it (divisions.json); cities: the zone it is the centre for. */
  zone: kebabId,
  /** Towns: the 9-digit code in divisions.json; cities: the 6-digit code of the city. */
  code: v.pipe(v.string(), v.regex(/^\d{6}(?:\d{3})?$/, 'must be a 6- or 9-digit division code')),
  /** The basemap district the seat lies in, as the pages say; null when no page says. */
  district: v.nullable(nonEmpty),
  basis: PlaceBasisSchema,
  /** [lon, lat], WGS-84 as far as the pages say, rounded to 5 decimals; null when unlocated. */
  position: v.nullable(PositionSchema),
  derivation: v.optional(v.nullable(PlaceDerivationSchema), null),
  /** What the pages say, also when it is not enough to locate the place (may be empty only when unlocated). */
  sources: v.array(PlaceSourceSchema),
  note: v.optional(v.nullable(nonEmpty), null),
});

export const PlacesFileSchema = v.strictObject({
  about: nonEmpty,
  places: v.array(PlaceSchema),
});

/** What a source document is: a news report, a zone's work report, or a plan (or its interpretation). */
export const DOC_KINDS = ['news', 'work_report', 'plan'] as const;

/**
 * One source document of data/sources/ (data/sources/documents.json): its title and publisher as
 * its text gives them, its publication date with the words that give it. validate/documents.ts
 * checks each against the text.
 */
export const DocumentSchema = v.strictObject({
  file: docName,
  title: nonEmpty,
  title_en: nonEmpty,
  /** As the text names it; null when it names none (000 says 来源:未知). */
  publisher: v.nullable(nonEmpty),
  publisher_en: v.nullable(nonEmpty),
  date: dateString,
  /** The document's own words the date is read from, verbatim. */
  date_quote: nonEmpty,
  /** How the date follows from `date_quote` when the quote does not spell the year. */
  date_note: v.nullable(nonEmpty),
  kind: v.picklist(DOC_KINDS),
  zone: kebabId,
});

export const DocumentsFileSchema = v.strictObject({
  about: nonEmpty,
  documents: v.pipe(v.array(DocumentSchema), v.minLength(1)),
});

export type Kind = v.InferOutput<typeof KindSchema>;
export type Status = v.InferOutput<typeof StatusSchema>;
export type Precision = v.InferOutput<typeof PrecisionSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type StatusSource = v.InferOutput<typeof StatusSourceSchema>;
export type Reported = v.InferOutput<typeof StatusSourceSchema>['reported'];
export type Qualifier = (typeof QUALIFIERS)[number];
export type Figure = v.InferOutput<typeof FigureSchema>;
export type TimelineEntry = v.InferOutput<typeof TimelineEntrySchema>;
export type Relation = v.InferOutput<typeof RelationSchema>;
export type RelationType = Relation['type'];
export type ParkProperties = v.InferOutput<typeof ParkPropertiesSchema>;
export type PointGeometry = v.InferOutput<typeof PointSchema>;
export type PolygonGeometry = v.InferOutput<typeof PolygonSchema>;
export type ParkFeature = v.InferOutput<typeof ParkFeatureSchema>;
export type ZoneCollection = v.InferOutput<typeof ZoneCollectionSchema>;
export type Industry = v.InferOutput<typeof IndustrySchema>;
export type IndustriesFile = v.InferOutput<typeof IndustriesFileSchema>;
export type DivisionsFile = v.InferOutput<typeof DivisionsFileSchema>;
export type Outline = v.InferOutput<typeof OutlineSchema>;
export type Place = v.InferOutput<typeof PlaceSchema>;
export type PlacesFile = v.InferOutput<typeof PlacesFileSchema>;
/** A parsed file as written, before defaults fill omitted keys. */
export type ParkFeatureInput = v.InferInput<typeof ParkFeatureSchema>;
export type SourceDocument = v.InferOutput<typeof DocumentSchema>;
export type DocKind = SourceDocument['kind'];
