/**
 * The map as of a year (issue 14, point 6), for the loaded features: which were reported by then
 * (the list, counts and choropleth read it as `reported`; the map hides the others by id) and
 * each shown point's status then (the map's status colours). A chunk of its own, loaded when a
 * year is first chosen; the rules are lib/data/time.ts.
 */
import { districtTotals, type DistrictTotals } from '../lib/data/districts.ts';
import type { Status } from '../lib/data/schema.ts';
import type { FeatureTable, FieldValues } from '../lib/data/table.ts';
import { figureValueAsOf, statusAsOf, type StatusAsOf } from '../lib/data/time.ts';
import {
  reportedByLetter,
  statusColor,
  statusColorByLetter,
  type StatusGroups,
} from '../lib/map/style/status.ts';
import { yearCounts, yearIndex } from '../lib/data/tile-years.ts';
import type { DataSource } from '../lib/source/types.ts';
import { docDates } from './documents.ts';

export interface TimeView {
  year: number;
  /** 1 per row reported by the end of the year. */
  reported: Uint8Array;
  /** Each row's status then. */
  statuses: readonly StatusAsOf[];
  /** Ids of the points not reported by then (hidden on the map). */
  hidden: readonly string[];
  /** Ids of the shown points per status. */
  groups: StatusGroups;
  /** The points' colour by their status then (a style expression); null when the year does not apply. */
  color: ReturnType<typeof statusColor> | null;
  /** Points from tiles: the filter the points reported by then pass (by their status letters). */
  shown?: ReturnType<typeof reportedByLetter>;
  /** Points from tiles: how many are not yet reported (hidden), from the archive's metadata. */
  unreported?: number;
  /** Points from tiles whose archive has no dates for the year: it does not apply to them. */
  undated?: boolean;
  /** Shown points per status, for the legend. */
  counts: Readonly<Record<Status, number>>;
  /** Each row's value of a field by the end of the year (the choropleth and the list read it). */
  values: FieldValues;
  /**
   * District totals then: the points reported by then and their figures then; null when the
   * source has no district totals. Computed when first read (a district choropleth).
   */
  readonly districts: DistrictTotals | null;
}

/** The basemap's districts, when the source can have district totals. */
type Districts = Parameters<typeof districtTotals>[0] | null;

const cache = new WeakMap<FeatureTable, Map<number, TimeView>>();

/**
 * A source as of the end of `year`: the loaded features by their dates (`asOf`), or the points
 * of a tiles archive by the status letters written into them (lib/data/tile-years.ts).
 */
export function sourceAsOf(
  source: Pick<DataSource, 'capabilities' | 'table' | 'years'>,
  year: number,
  districts: Districts = null,
): TimeView {
  return source.capabilities.allFeatures
    ? asOf(source.table, year, districts)
    : tilesAsOf(source.years, year);
}

/**
 * Points from tiles as of `year`: filtered and coloured by their letter of that year, counted
 * from the metadata; with no dates for it, `undated` and nothing hidden or recoloured.
 */
export function tilesAsOf(years: DataSource['years'], year: number): TimeView {
  const index = yearIndex(years, year);
  const none = { planned: 0, under_construction: 0, operating: 0, unknown: 0 };
  const base = {
    year,
    reported: new Uint8Array(0),
    statuses: [],
    hidden: [],
    groups: {},
    values: { tag: '', of: () => new Float64Array(0) },
    districts: null,
  };
  if (!years || index === null) return { ...base, color: null, counts: none, undated: true };
  return {
    ...base,
    ...yearCounts(years, index),
    color: statusColorByLetter(index),
    shown: reportedByLetter(index),
  };
}

/**
 * The table as of the end of `year`; computed once per table and year (`districts`, the
 * basemap's, is the same for a table: the atlas holds both).
 */
export function asOf(table: FeatureTable, year: number, districts: Districts = null): TimeView {
  let byYear = cache.get(table);
  if (!byYear) cache.set(table, (byYear = new Map()));
  let view = byYear.get(year);
  if (!view) byYear.set(year, (view = compute(table, year, districts)));
  return view;
}

function compute(table: FeatureTable, year: number, districts: Districts): TimeView {
  const reported = new Uint8Array(table.length);
  const hidden: string[] = [];
  const groups: Record<Status, string[]> = {
    planned: [],
    under_construction: [],
    operating: [],
    unknown: [],
  };
  const statuses = table.features.map((f, row) => {
    const s = statusAsOf(f.properties, year, docDates);
    const zone = table.isZone(row);
    reported[row] = s !== 'unreported' || zone ? 1 : 0;
    if (!zone && s === 'unreported') hidden.push(f.id);
    else if (!zone && s !== 'unreported') groups[s].push(f.id);
    return s;
  });
  const counts = {
    planned: groups.planned.length,
    under_construction: groups.under_construction.length,
    operating: groups.operating.length,
    unknown: groups.unknown.length,
  };
  const tag = `asOf:${year}`;
  const values: FieldValues = {
    tag,
    of: (key) =>
      table.valuesBy(key, tag, (figures, field) =>
        figureValueAsOf(figures, field.key, field.unit, year, docDates),
      ),
  };
  let totals: DistrictTotals | null | undefined;
  return {
    year,
    reported,
    statuses,
    hidden,
    groups,
    color: statusColor(groups),
    counts,
    values,
    get districts() {
      return (totals ??= districts && districtTotals(districts, table, values, reported));
    },
  };
}
