/**
 * Site search (#17 point 3, the "智慧选址" of Tianjin's 生产力地图): every feature scored against an
 * investor's criteria, each criterion met, partly met or missed, with why; ranked by how many are
 * met, then by the credit of the partial ones, then by distance and name.
 */
import type { Position } from 'geojson';
import type { Figure, Industry, ParkFeature, Precision } from '../data/schema.ts';
import { industryAncestors } from '../data/industries.ts';
import type { FigureCriterion, SiteCriteria } from '../state/view.ts';
import { rowKey } from './compare.ts';
import { approximation, distanceToGeometryKm, weakest } from './distance.ts';

/** One criterion's outcome for a feature; `credit` is 1 met, 0 missed, between for partly. */
export type Check =
  | { on: 'industries'; credit: number; matched: string[]; broader: string[] }
  | { on: 'kinds'; credit: number; value: string }
  | { on: 'statuses'; credit: number; value: string }
  | { on: 'figure'; credit: number; criterion: FigureCriterion; figure: Figure | null }
  | { on: 'near'; credit: number; km: number; approx: Precision | 'outline' | null };

export interface SiteResult {
  id: string;
  met: number;
  score: number;
  checks: Check[];
}

/** Partial credit: a feature tagged only with a broader industry (生物医药 for 现代中药). */
const BROADER_CREDIT = 0.5;

/** Whether some criteria ask anything. */
export const asksAnything = (c: SiteCriteria): boolean =>
  c.industries.length + c.kinds.length + c.statuses.length + c.figures.length > 0 ||
  c.near !== null;

/** A measure some features report: what a figure criterion can ask about. */
export interface Measure {
  /** compare.ts's row key, the criterion's `what`. */
  key: string;
  label: { zh: string; en: string };
  /** The unit most of its figures are in (values are compared as written, never converted). */
  unit: string;
  /** How many features report it. */
  features: number;
}

/** Every measure the features report, the most widely reported first, then by name. */
export function figureMeasures(features: readonly ParkFeature[]): Measure[] {
  const found = new Map<string, Measure & { units: Map<string, number> }>();
  for (const f of features) {
    const seen = new Set<string>();
    for (const g of f.properties.figures) {
      const key = rowKey(g);
      let m = found.get(key);
      if (!m) {
        m = {
          key,
          label: { zh: g.label_zh, en: g.label_en },
          unit: g.unit,
          features: 0,
          units: new Map(),
        };
        found.set(key, m);
      }
      m.units.set(g.unit, (m.units.get(g.unit) ?? 0) + 1);
      if (!seen.has(key)) m.features++;
      seen.add(key);
    }
  }
  return [...found.values()]
    .map(({ units, ...m }) => ({
      ...m,
      unit: [...units].reduce((a, b) => (b[1] > a[1] ? b : a))[0],
    }))
    .sort((a, b) => b.features - a.features || a.label.zh.localeCompare(b.label.zh, 'zh-Hans-CN'));
}

/** The figure a criterion is judged by: the latest achieved one, else the latest target. */
export function figureFor(f: ParkFeature, what: string): Figure | null {
  const rows = f.properties.figures.filter((g) => rowKey(g) === what);
  const latest = (xs: Figure[]) =>
    xs.reduce<Figure | null>((a, b) => (a && (a.year ?? 0) >= (b.year ?? 0) ? a : b), null);
  return latest(rows.filter((g) => !g.target)) ?? latest(rows);
}

function industryCheck(
  f: ParkFeature,
  wanted: readonly string[],
  ancestors: ReadonlyMap<string, readonly string[]>,
): Check {
  const own = f.properties.industries;
  // Met: the feature's industry is one asked for, or narrower than one (a group matches its own).
  const matched = own.filter((c) => wanted.some((w) => c === w || ancestors.get(c)?.includes(w)));
  // Partly: the feature says only the broader industry of one asked for.
  const broader = own.filter(
    (c) => !matched.includes(c) && wanted.some((w) => ancestors.get(w)?.includes(c)),
  );
  const credit = matched.length > 0 ? 1 : broader.length > 0 ? BROADER_CREDIT : 0;
  return { on: 'industries', credit, matched, broader };
}

function figureCheck(f: ParkFeature, c: FigureCriterion): Check {
  const figure = figureFor(f, c.what);
  const ok = figure !== null && (c.op === 'gt' ? figure.value > c.value : figure.value < c.value);
  return { on: 'figure', credit: ok ? 1 : 0, criterion: c, figure };
}

/** Within the radius: met; up to twice the radius: credit falling from 1 to 0. */
function nearCheck(
  f: ParkFeature,
  at: Position,
  radius: number,
  fromApprox: Precision | 'outline' | null,
  byId: ReadonlyMap<string, ParkFeature>,
): Check {
  const km = distanceToGeometryKm(at, f.geometry);
  const credit = km <= radius ? 1 : km < 2 * radius ? Math.max(0, 2 - km / radius) * 0.5 : 0;
  return { on: 'near', credit, km, approx: weakest(fromApprox, approximation(f, byId)) };
}

/**
 * Scores and ranks features. `at` is where `near` measures from (a feature's label point or the
 * point), null when there is no place. Features meeting nothing at all (no credit) are left out,
 * and so is the place measured from itself.
 */
export function siteSearch(
  features: readonly ParkFeature[],
  c: SiteCriteria,
  at: Position | null,
  ancestors: ReadonlyMap<string, readonly string[]>,
  byId: ReadonlyMap<string, ParkFeature>,
  limit = 20,
): SiteResult[] {
  if (!asksAnything(c)) return [];
  const from = c.near?.from ? byId.get(c.near.from) : undefined;
  const fromApprox = from ? approximation(from, byId) : null;
  const out: (SiteResult & { km: number; name: string })[] = [];
  for (const f of features) {
    if (from && f.id === from.id) continue;
    const checks: Check[] = [];
    if (c.industries.length > 0) checks.push(industryCheck(f, c.industries, ancestors));
    if (c.kinds.length > 0) {
      const value = f.properties.kind;
      checks.push({ on: 'kinds', credit: c.kinds.includes(value) ? 1 : 0, value });
    }
    if (c.statuses.length > 0) {
      const value = f.properties.status;
      checks.push({ on: 'statuses', credit: c.statuses.includes(value) ? 1 : 0, value });
    }
    for (const fc of c.figures) checks.push(figureCheck(f, fc));
    if (c.near && at) checks.push(nearCheck(f, at, c.near.radius, fromApprox, byId));
    const score = checks.reduce((s, x) => s + x.credit, 0);
    if (score === 0) continue;
    const near = checks.find((x) => x.on === 'near');
    out.push({
      id: f.id,
      met: checks.filter((x) => x.credit === 1).length,
      score,
      checks,
      km: near?.on === 'near' ? near.km : Infinity,
      name: f.properties.name_zh,
    });
  }
  out.sort(
    (a, b) =>
      b.met - a.met ||
      b.score - a.score ||
      a.km - b.km ||
      a.name.localeCompare(b.name, 'zh-Hans-CN'),
  );
  return out.slice(0, limit).map(({ id, met, score, checks }) => ({ id, met, score, checks }));
}

/**
 * The words an imported file's text would use for the industries asked (#17 site search over
 * imported layers): `met` the industries and every narrower one, `broader` the ones above them,
 * each in Chinese and English (an English label's gloss in parentheses dropped as well).
 */
export function industryWords(
  industries: readonly Pick<Industry, 'code' | 'parent' | 'zh' | 'en'>[],
  asked: readonly string[],
): { met: string[]; broader: string[] } {
  const ancestors = industryAncestors(industries);
  const words = (i: Pick<Industry, 'zh' | 'en'>) => {
    const bare = i.en.replace(/\s*\(.*\)\s*$/, '');
    return bare && bare !== i.en ? [i.zh, i.en, bare] : [i.zh, i.en];
  };
  const within = industries.filter((i) =>
    asked.some((a) => i.code === a || ancestors.get(i.code)?.includes(a)),
  );
  const above = new Set(asked.flatMap((a) => ancestors.get(a) ?? []));
  return {
    met: within.flatMap(words),
    broader: industries.filter((i) => above.has(i.code)).flatMap(words),
  };
}
