/**
 * The map as of a year for points from a tiles archive (issue 14, point 6): the archive holds no
 * feature in memory, so each point carries its status at the end of every year as one string
 * property written at tile-build time (scripts/tiles/build.ts), one letter a year from `first`:
 * `-` not yet reported, else its status then (`statusAsOf`, the rule the loaded data follows).
 * The map filters and colours on the letter of the chosen year (lib/map/style/status.ts), as the
 * GPU layer hides by a per-point attribute. The archive's metadata says which years the strings
 * cover and how many points are in each status each year.
 */
import type { Status } from './schema.ts';
import { statusAsOf, type DatedProperties, type DocDates, type StatusAsOf } from './time.ts';

/** The points' property holding the status letters. */
export const YEARS_PROP = 'asof';

/** One letter per status as of a year. */
export const STATUS_LETTER: Readonly<Record<StatusAsOf, string>> = {
  unreported: '-',
  planned: 'p',
  under_construction: 'c',
  operating: 'o',
  unknown: 'u',
};

/** What an archive's metadata says of its dates (`park_atlas.years`). */
export interface TileYears {
  /** The year of the string's first letter; `last` that of its last. */
  first: number;
  last: number;
  /** Points in each status at the end of each year, `first` to `last`. */
  counts: Readonly<Record<StatusAsOf, number>>[];
}

/** A feature's status letters for the years `first` to `last`. */
export function yearLetters(
  p: DatedProperties,
  docs: DocDates,
  first: number,
  last: number,
): string {
  let out = '';
  for (let y = first; y <= last; y++) out += STATUS_LETTER[statusAsOf(p, y, docs)];
  return out;
}

/** Counts per year of the points added, for the metadata. */
export class YearCounter {
  private readonly counts: Record<StatusAsOf, number>[];
  constructor(
    readonly first: number,
    readonly last: number,
  ) {
    this.counts = Array.from({ length: last - first + 1 }, () => ({
      unreported: 0,
      planned: 0,
      under_construction: 0,
      operating: 0,
      unknown: 0,
    }));
  }
  private static readonly byLetter = new Map(
    Object.entries(STATUS_LETTER).map(([s, l]) => [l, s as StatusAsOf]),
  );
  add(letters: string): void {
    this.counts.forEach((c, i) => {
      const s = YearCounter.byLetter.get(letters[i] ?? '');
      if (s) c[s]++;
    });
  }
  years(): TileYears {
    return { first: this.first, last: this.last, counts: this.counts.map((c) => ({ ...c })) };
  }
}

/**
 * The letter's position for `year` in an archive's strings, or null when the archive has no
 * dates or does not cover that year: the year does not apply to its points.
 */
export function yearIndex(years: TileYears | null | undefined, year: number): number | null {
  return years && year >= years.first && year <= years.last ? year - years.first : null;
}

/** The shown points (reported by then) per status, and how many are not yet reported. */
export function yearCounts(
  years: TileYears,
  index: number,
): { counts: Record<Status, number>; unreported: number } {
  const { unreported, ...counts } = years.counts[index] ?? {
    unreported: 0,
    planned: 0,
    under_construction: 0,
    operating: 0,
    unknown: 0,
  };
  return { counts, unreported };
}
