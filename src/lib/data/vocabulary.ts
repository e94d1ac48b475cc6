/**
 * The dataset's closed vocabularies, without valibot: the app reads them in every visit's chunk
 * (the table's kinds), while ./schema.ts, which builds its picklists from them, loads only for
 * untrusted data.
 */

/**
 * What a feature is; decides its symbol on the map. `nonplace` is what the texts name in a zone
 * that is not a place (a brand designation, a programme, an online platform, an event): listed
 * with its zone, never drawn as a point.
 */
export const KINDS = ['zone', 'park', 'platform', 'project', 'enterprise', 'nonplace'] as const;
/** Construction state, read from the source's wording (规划 → planned, 在建 → under construction…). */
export const STATUSES = ['planned', 'under_construction', 'operating', 'unknown'] as const;
/**
 * Whether a status is reported as achieved (`done`: 建成投产, 启动了…建设) or as a plan or target
 * (`plan`: 全力推动…竣工投产, 加快…建设, 规划建设 in a plan). data/README.md, "Status".
 */
export const REPORTED = ['done', 'plan'] as const;
/**
 * The words that qualify a figure's number, as the text writes them: 余/多 "over" and 以上 "or
 * more" after it, 超过/突破 "over", 约/左右 "about", 近 "nearly". Stored so that "17000余" is not
 * shown as a flat 17,000.
 */
export const QUALIFIERS = ['余', '多', '以上', '超过', '突破', '约', '左右', '近'] as const;
/**
 * How one feature relates to another, as a text states it (data/README.md, "Relations"), read
 * from the feature that carries it to its `target`: `located_in` (sits or is held in it),
 * `phase_of` (a phase of its works: 雪榕生物二期 → 雪榕生物), `invested_by` (a project an
 * enterprise invests in or builds), `partner_of` (works jointly with it), `operated_by` (run by
 * it).
 */
export const RELATION_TYPES = [
  'located_in',
  'phase_of',
  'invested_by',
  'partner_of',
  'operated_by',
] as const;
/**
 * How well a point is located. `zone` and `town` points are placed by hand inside their area, and
 * the map labels them "approximate location".
 */
export const PRECISIONS = ['address', 'town', 'zone'] as const;
/**
 * How a zone's outline was obtained: `official` is an administrative boundary taken as it is from
 * the basemap (胶州市); `approximate` is derived or drawn (data/README.md, "Zone outlines").
 */
export const OUTLINES = ['official', 'approximate'] as const;
/**
 * How a place's position in data/places/towns.json is known: `cited` (a page gives the
 * coordinates), `derived` (computed from a page's distance and direction, the derivation stored
 * and re-checked), `unlocated` (no page gives enough; no position).
 */
export const PLACE_BASES = ['cited', 'derived', 'unlocated'] as const;
