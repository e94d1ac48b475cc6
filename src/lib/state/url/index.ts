/**
 * Shareable links: a {@link ViewState} as the URL hash and back. Pure functions only; the browser
 * wiring (history, throttling, effects) lives elsewhere and calls these.
 *
 * ## Link format, version 1
 *
 * The hash is `application/x-www-form-urlencoded` (what `URLSearchParams` reads and writes), with
 * `,` and `/` left unescaped so links stay readable. Example:
 *
 * ```
 * #map=8.5/35.25/115.48&v=1&sel=heze-graphene-park&ind=biomedicine,new-materials
 *  &lyr=-enterprises,-labels&ch=fixed_asset_investment&cm=manual&cn=5&cb=10,50,100&cs=Blues
 *  &sort=value&lang=en
 * ```
 *
 * | Key    | Value                                   | Default (key omitted) | Example                      |
 * |--------|-----------------------------------------|-----------------------|------------------------------|
 * | `map`  | camera `zoom/lat/lng[/bearing[/pitch]]` | the app fits Shandong | `map=8.5/35.25/115.48/30/45` |
 * | `v`    | format version, always written          | `1`                   | `v=1`                        |
 * | `sel`  | id of the selected feature              | nothing selected      | `sel=heze-graphene-park`     |
 * | `ind`  | industry codes to show, comma-separated | no industry filter    | `ind=biomedicine,graphene`   |
 * | `lyr`  | layers that differ from the default:    | all layers shown      | `lyr=-enterprises,-labels`   |
 * |        | `-key` hidden, `key` shown              |                       |                              |
 * | `ch`   | choropleth field                        | no choropleth         | `ch=fixed_asset_investment`  |
 * | `cby`  | colour `features` or `districts`        | `features`            | `cby=districts`              |
 * | `csc`  | classes from `all` data or `visible`    | `all`                 | `csc=visible`                |
 * | `cm`   | `quantile`, `equal`, `jenks`, `manual`  | `quantile`            | `cm=jenks`                   |
 * | `cn`   | number of classes, 3–9                  | `5`                   | `cn=7`                       |
 * | `cb`   | manual breaks, ascending, at most 8     | none                  | `cb=10,50,100`               |
 * | `cs`   | colour scheme (ColorBrewer name)        | `Blues`               | `cs=YlOrRd`                  |
 * | `sort` | list order: `name` or `value`           | `name`                | `sort=value`                 |
 * | `lang` | `zh` or `en`                            | `zh`                  | `lang=en`                    |
 * | `bm`   | online basemap XYZ template; never one  | your own setting      | `bm=https://t.example/{z}/…` |
 * |        | with a key (`tk=`, `key=`, `token=` …)  | (offline by default)  |                              |
 * | `yr`   | the map as of a year, 2015–2021         | undated: everything   | `yr=2017`                    |
 * | `doc`  | a source document open in the reader    | no reader             | `doc=000_3dd22fdc9e0e8f3b.txt`|
 * | `q`    | with `doc`: the passage shown, as       | the document's top    | `q=1240-1268`                |
 * |        | `start-end` offsets into its text       |                       |                              |
 * | `cmp`  | ids compared side by side (≤ 4)         | no comparison         | `cmp=heze-hitech,jining-hitech` |
 * | `route`| a visit route's stops, in order (≤ 20)  | no route              | `route=a,b,c`                |
 * |        | `cmp`, `route`: an imported place as    |                       | `route=a,35.25/115.41/Depot` |
 * |        | `lat/lng/name` (name's `%` `,` `/` as   |                       |                              |
 * |        | %25 %2C %2F: state/place.ts)            |                       |                              |
 * | `nb`   | nearby: radius km (1–50), then a        | no nearby             | `nb=10/heze-hitech`          |
 * |        | feature's id, a point's `lat/lng`, or   |                       | `nb=5/35.2/115.4`            |
 * |        | an imported place's `lat/lng/name`      |                       | `nb=5/35.2/115.4/仓库`        |
 * | `ss`   | site search criteria, `/`-separated     | no site search        | `ss=i,biomedicine/k,park`    |
 * |        | parts (url/site-search.ts); empty =     |                       | `/n,20,heze-hitech`          |
 * |        | the panel open without criteria         |                       |                              |
 * | `embed`| `1`: the embedded layout                | not embedded          | `embed=1`                    |
 *
 * Camera as in MapLibre's own hash (`hash: 'map'`): zoom with 2 decimals, latitude and longitude
 * with 5 (about 1 m), bearing and pitch with 1, written only when not zero (pitch needs the
 * bearing before it, so a pitched north-up view ends in `/0/45`). A bare MapLibre hash without
 * keys, `#8.5/35.25/115.48`, is read as the camera.
 *
 * Reading is total: any string gives a valid view. Whatever cannot be used falls back to its
 * default and is reported in `dropped` as data (key, kind of problem, value, and a developer's
 * English sentence), which the notice words in the page's language (src/lib/i18n/link-notice.ts).
 * A `v` newer than {@link URL_VERSION} is read as this version and reported as `newer-version`.
 * What is dropped:
 * - camera: zoom outside 0–24, |latitude| > 85.05113 (Web Mercator's limit) or a part that is
 *   not a finite number drops the whole camera; longitude is wrapped into [-180, 180], bearing into (-180, 180]; a pitch
 *   outside 0–85 is clamped; an unreadable bearing or pitch becomes 0.
 * - `sel`, `ind`, `ch`: values not in the known ids / industries / fields are dropped (only the
 *   unknown industries, the rest are kept). `ch=count` is valid with `cby=districts`.
 * - `cn`: a whole number outside 3–9 is clamped; anything else is dropped.
 * - `yr`: a year outside 2015–2021 is dropped; `doc`: a name that is not a plain `.txt` file name
 *   is dropped (an unknown document opens the reader on a "not found" message); `q`: dropped
 *   unless `start-end` with start < end, or without `doc`.
 * - `cb`: dropped whole unless it is up to 8 finite numbers in strictly ascending order.
 * - unknown keys and values are dropped; a repeated key keeps its first value.
 * - bad percent-escapes (`%E0%A4%A`, a lone `%`) never throw; they read as U+FFFD or literally.
 *
 * Compatibility: links that people have sent must keep opening the same view
 * (test/lib/state/links.fixtures.ts). Adding a key with a default does not change the version;
 * changing what an existing key means does, and the reader must then keep reading `v=1`.
 *
 * This module is the codec's public face; the parts are next to it: format.ts (keys, limits),
 * camera.ts, values.ts (lenient readers of single values), encode.ts and decode.ts.
 */
export { roundCamera } from './camera.ts';
export { decodeView } from './decode.ts';
export { encodeView, linkToFeature } from './encode.ts';
export {
  DISTRICT_COUNT_FIELD,
  MAX_BREAKS,
  MAX_DROPPED,
  MAX_HASH_LENGTH,
  MAX_LATITUDE,
  MAX_PITCH,
  MAX_ZOOM,
  URL_VERSION,
  type DecodedView,
  type DroppedPart,
  type LinkProblem,
  type EncodeOptions,
  type KnownValues,
} from './format.ts';
