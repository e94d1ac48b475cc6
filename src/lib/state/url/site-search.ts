/**
 * `ss=`: the site search's criteria (#17 point 3), compactly. Parts are separated by `/`, the
 * items of a part by `,`, each part starting with its letter:
 *
 * `i,biomedicine,graphene` industries · `k,park,zone` kinds · `s,operating` statuses ·
 * `f,gdp,gt,10` a figure above (`gt`) or below (`lt`) a value, repeatable ·
 * `n,20,heze-hitech` or `n,20,35.2,115.4` within 20 km of a feature or of a point (lat, lng).
 *
 * `ss=` with nothing after it is the panel open with no criteria yet. Read leniently (in
 * read-site-search.ts, with the link reader): a bad part, or a bad item in a list, is dropped and
 * named; the rest is kept.
 */
import type { SiteCriteria } from '../view.ts';

export const emptyCriteria = (): SiteCriteria => ({
  industries: [],
  kinds: [],
  statuses: [],
  figures: [],
  near: null,
});

const r5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** The `ss` value for some criteria (without the key). */
export function formatSiteSearch(c: SiteCriteria): string {
  const parts: string[] = [];
  if (c.industries.length > 0) parts.push(['i', ...c.industries].join(','));
  if (c.kinds.length > 0) parts.push(['k', ...c.kinds].join(','));
  if (c.statuses.length > 0) parts.push(['s', ...c.statuses].join(','));
  for (const f of c.figures) parts.push(`f,${f.what},${f.op},${f.value}`);
  const n = c.near;
  const at = n?.from ?? (n?.at ? `${r5(n.at[1])},${r5(n.at[0])}` : null);
  if (n && at !== null) parts.push(`n,${n.radius},${at}`);
  return parts.join('/');
}
