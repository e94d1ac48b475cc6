/** The link format's vocabulary and limits, shared by the encoder and the decoder. */
import type { ChoroplethSpec, ClassMethod, Lang, SortKey, ViewState } from '../view.ts';
import { MAX_CLASSES } from '../view.ts';

export const URL_VERSION = 1;

/** Valid values the link can refer to; a missing set accepts any well-formed token. */
export interface KnownValues {
  ids?: ReadonlySet<string>;
  industries?: ReadonlySet<string>;
  fields?: ReadonlySet<string>;
  /** Ids and field keys the data once had, to the ones it has now (old links keep working). */
  renamed?: { ids?: ReadonlyMap<string, string>; fields?: ReadonlyMap<string, string> };
}

/** What was wrong with a part of a link, for a notice in the page's language. */
export type LinkProblem =
  | 'newer-version'
  | 'unknown-key'
  | 'repeated-key'
  | 'unknown-feature'
  | 'unknown-industry'
  | 'unknown-field'
  | 'unknown-value'
  | 'repeated-value'
  | 'bad-value'
  | 'changed'
  | 'too-many'
  | 'too-long'
  | 'not-aggregated'
  | 'unreadable'
  | 'more';

/**
 * One part of a link that could not be used as it was: its key (`''` for the link as a whole),
 * the problem, the value (shortened), what it became (`changed`: the value used instead, `too-many`
 * and `too-long`: the limit) and the developer's English sentence.
 */
export interface DroppedPart {
  key: string;
  problem: LinkProblem;
  value: string;
  to: string;
  detail: string;
}

export interface DecodedView {
  view: ViewState;
  /** The link asks for the embedded layout. */
  embed: boolean;
  /** What was ignored, for a notice: at most {@link MAX_DROPPED} items, then "…and N more". */
  dropped: DroppedPart[];
}

export interface EncodeOptions {
  embed?: boolean;
}

/**
 * MapLibre's Web Mercator limit (85.051129°) rounded up to the 5 decimals a link keeps, so a
 * camera at the limit survives the round trip. MapLibre clamps the last metre itself.
 */
export const MAX_LATITUDE = 85.05113;
export const MAX_ZOOM = 24;
export const MAX_PITCH = 85;
/** Manual breaks beyond this are ignored by the classifier (MAX_CLASSES - 1 thresholds). */
export const MAX_BREAKS = MAX_CLASSES - 1;
export const MAX_DROPPED = 10;
/** Longer hashes are cut: no real link comes close, and junk should cost little to read. */
export const MAX_HASH_LENGTH = 16_384;
/** With `cby=districts` the choropleth can count features per district (see districtFields). */
export const DISTRICT_COUNT_FIELD = 'count';

export const METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'jenks', 'manual'];
export const SORTS: readonly SortKey[] = ['name', 'value'];
export const LANGS: readonly Lang[] = ['zh', 'en'];
export const BYS: readonly ChoroplethSpec['by'][] = ['features', 'districts'];
export const SCOPES: readonly ChoroplethSpec['scope'][] = ['all', 'visible'];
const KEYS = [
  'map',
  'v',
  'sel',
  'ind',
  'lyr',
  'ch',
  'cby',
  'csc',
  'cm',
  'cn',
  'cb',
  'cs',
  'sort',
  'lang',
  'bm',
  'yr',
  'doc',
  'q',
  'cmp',
  'route',
  'nb',
  'ss',
  'embed',
] as const;
export type Key = (typeof KEYS)[number];
export const isKey = (k: string): k is Key => (KEYS as readonly string[]).includes(k);
