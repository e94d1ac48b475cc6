/**
 * Site search over imported layers (#17 point 3), in the worker that holds them. A user's file
 * knows nothing of the dataset's kinds, statuses or figures; what it can be asked is whether a
 * feature's text names an industry asked for (a column 产业 saying 生物医药, a name 新材料产业园)
 * and how far it lies from the search's place. Scored as the dataset's site search scores: met
 * 1, partly (only a broader industry named, or up to twice the radius away) between 0 and 1.
 */
import type { Position } from 'geojson';
import { distanceToGeometryKm } from '../geo/distance.ts';
import { labelPoint } from '../geo/labels.ts';
import type { ImportedFeature, ImportedLayer } from './layer.ts';
import { nameOf } from './style.ts';

export interface ImportedSiteAsk {
  /**
   * The industry criterion as words: `met` the industries asked for and their narrower ones,
   * `broader` those above them (partial credit); null when no industry is asked for.
   */
  words: { met: string[]; broader: string[] } | null;
  near: { at: Position; radiusKm: number } | null;
  limit: number;
}

export interface ImportedSiteHit {
  layer: string;
  title: string;
  id: string;
  name: string;
  /** [lng, lat] the feature is measured and compared at (its label point). */
  at: [number, number];
  /** The word found and the property it was found in; null fields when none was. */
  industry: { credit: number; word: string | null; field: string | null } | null;
  near: { credit: number; km: number } | null;
  met: number;
  score: number;
}

export interface ImportedSite {
  hits: ImportedSiteHit[];
  /** How many features meet something, in all. */
  total: number;
}

/** Partial credit, as the dataset's site search gives it. */
const BROADER_CREDIT = 0.5;

/** Within the radius: 1; up to twice the radius: falling to 0 (site-search.ts's rule). */
export const nearCredit = (km: number, radius: number): number =>
  km <= radius ? 1 : km < 2 * radius ? Math.max(0, 2 - km / radius) * 0.5 : 0;

interface Word {
  word: string;
  /** Lower case: Latin words match in any case. */
  key: string;
}

/** Each word once, longest first (the most specific is the one reported). */
function prepared(words: readonly string[], except: readonly Word[] = []): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const word = w.trim();
    const key = word.toLowerCase();
    if (key && !out.some((x) => x.key === key) && !except.some((x) => x.key === key))
      out.push({ word, key });
  }
  return out.sort((a, b) => b.key.length - a.key.length);
}

/** Latin letters: only text holding some is lowered for the words that need it. */
const LATIN = /[A-Za-z\u00c0-\u024f]/;

/** The first word a feature's text holds, and where: its string properties in file order. */
function findWord(
  f: ImportedFeature,
  words: readonly Word[],
): { word: string; field: string } | null {
  if (words.length === 0) return null;
  const props = f.properties;
  for (const field in props) {
    const v = props[field];
    if (typeof v !== 'string' || v === '') continue;
    // Most cells are Chinese or numbers: no lowered copy of each is made.
    const lower = LATIN.test(v) ? v.toLowerCase() : v;
    for (const { word, key } of words) if (lower.includes(key)) return { word, field };
  }
  return null;
}

type Scored = Omit<ImportedSiteHit, 'layer' | 'title' | 'name' | 'id' | 'at'> & {
  l: number;
  row: number;
};

const better = (a: Scored, b: Scored) =>
  b.met - a.met || b.score - a.score || (a.near?.km ?? Infinity) - (b.near?.km ?? Infinity);

function score(
  f: ImportedFeature,
  ask: ImportedSiteAsk,
  met: readonly Word[],
  broader: readonly Word[],
): Omit<Scored, 'l' | 'row'> | null {
  let industry: ImportedSiteHit['industry'] = null;
  if (ask.words) {
    const full = findWord(f, met);
    const part = full ? null : findWord(f, broader);
    const found = full ?? part;
    const credit = full ? 1 : part ? BROADER_CREDIT : 0;
    if (credit === 0 && !ask.near) return null;
    industry = { credit, word: found?.word ?? null, field: found?.field ?? null };
  }
  let near: ImportedSiteHit['near'] = null;
  if (ask.near) {
    const km = distanceToGeometryKm(ask.near.at, f.geometry);
    near = { credit: nearCredit(km, ask.near.radiusKm), km };
  }
  const checks = [industry, near].filter((c) => c !== null);
  const total = checks.reduce((s, c) => s + c.credit, 0);
  if (total === 0) return null;
  return { industry, near, met: checks.filter((c) => c.credit === 1).length, score: total };
}

/**
 * The best `limit` features of the layers (the shown ones) for the criteria, best first: most
 * criteria met, then most credit, then nearest, then in layer and file order. Features meeting
 * nothing are left out; nothing is asked when neither criterion is.
 */
export function siteImported(layers: readonly ImportedLayer[], ask: ImportedSiteAsk): ImportedSite {
  if (!ask.words && !ask.near) return { hits: [], total: 0 };
  const met = prepared(ask.words?.met ?? []);
  const broader = prepared(ask.words?.broader ?? [], met);
  const cap = Math.max(0, Math.min(500, Math.floor(ask.limit)));
  const best: Scored[] = [];
  let total = 0;
  layers.forEach((layer, l) => {
    layer.features.forEach((f, row) => {
      const s = score(f, ask, met, broader);
      if (!s) return;
      total++;
      const hit = { ...s, l, row };
      if (best.length === cap && !(better(hit, best[cap - 1] as Scored) < 0)) return;
      let i = best.length;
      while (i > 0 && better(hit, best[i - 1] as Scored) < 0) i--;
      best.splice(i, 0, hit);
      if (best.length > cap) best.pop();
    });
  });
  const hits = best.map(({ l, row, ...s }): ImportedSiteHit => {
    const layer = layers[l] as ImportedLayer;
    const f = layer.features[row] as ImportedFeature;
    const [lng = 0, lat = 0] = labelPoint(f.geometry) ?? [];
    const at: [number, number] = [lng, lat];
    return { ...s, layer: layer.id, title: layer.title, id: f.id, name: nameOf(layer, f), at };
  });
  return { hits, total };
}
