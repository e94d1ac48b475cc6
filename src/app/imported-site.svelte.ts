/**
 * Site search over the user's imported layers (#17 point 3), for the toolkit: the import worker
 * is asked what of the criteria a file can answer — an industry named in its text, the distance
 * from the search's place — whenever they or the layers change; an earlier answer is dropped
 * once a newer question is asked. Kinds, statuses and figures are the dataset's: not asked.
 */
import { untrack } from 'svelte';
import type { Precision } from '../lib/data/schema.ts';
import type { ImportedSite, ImportedSiteAsk, ImportedSiteHit } from '../lib/import/site.ts';
import type { SiteCriteria } from '../lib/state/view.ts';
import { placeToken } from '../lib/state/place.ts';
import { keepPlace } from '../lib/state/place-info.ts';
import { industryWords } from '../lib/toolkit/site-search.ts';
import { toggleIn, type Tool } from '../lib/toolkit/toggle.ts';
import { nearbyOrigin, type Kit } from './toolkit.ts';

/** How many imported features the shortlist lists (the rest are counted). */
export const IMPORTED_SITE_LIMIT = 20;

export interface ImportedSiteView {
  /** The worker's answer; null while it is being asked. */
  result: ImportedSite | null;
  /** How many criteria an imported feature is judged by (industry, distance). */
  asked: number;
  /** Criteria a file cannot answer, left out of its judging. */
  unanswerable: ('kinds' | 'statuses' | 'figures')[];
  /** The search place's approximation: distances to it are approximate too. */
  approx: Precision | 'outline' | null;
}

/**
 * What of some criteria the worker is asked (null when a file can answer none of them), and how
 * approximately the search's place is placed.
 */
export function importedAsk(
  kit: Kit,
  c: SiteCriteria,
): { ask: ImportedSiteAsk | null; approx: ImportedSiteView['approx'] } {
  const words = c.industries.length
    ? industryWords(kit.atlas.source.industries, c.industries)
    : null;
  const origin = c.near ? nearbyOrigin(kit.atlas, c.near) : null;
  const near = c.near && origin ? { at: origin.at, radiusKm: c.near.radius } : null;
  const ask = words || near ? { words, near, limit: IMPORTED_SITE_LIMIT } : null;
  return { ask, approx: origin?.approx ?? null };
}

/** The token an imported hit is compared and routed by (state/place.ts). */
export const tokenOf = (hit: Pick<ImportedSiteHit, 'name' | 'at'>) =>
  placeToken({ name: hit.name, at: hit.at });

export class ImportedSiteQuery {
  /** Null when there is nothing to show: no imported layers, or no site search. */
  view = $state.raw<ImportedSiteView | null>(null);
  private asked = 0;

  /** Asks for some criteria (call it in an effect: it follows the imported layers too). */
  ask(kit: Kit, c: SiteCriteria | null): void {
    const call = ++this.asked;
    const imports = kit.imports;
    if (!imports || !c || imports.entries.length === 0) {
      this.view = null;
      return;
    }
    const unanswerable = (['kinds', 'statuses', 'figures'] as const).filter((k) => c[k].length);
    const { ask, approx } = importedAsk(kit, c);
    const view = { asked: (ask?.words ? 1 : 0) + (ask?.near ? 1 : 0), unanswerable, approx };
    if (!ask) {
      this.view = { ...view, result: { hits: [], total: 0 } };
      return;
    }
    // The previous list stays up until the new one comes.
    this.view = { ...view, result: untrack(() => this.view?.result ?? null) };
    imports.ask({ type: 'site', ...ask }).then(
      (result) => call === this.asked && (this.view = { ...view, result }),
      () => call === this.asked && (this.view = null),
    );
  }

  /**
   * Puts a hit in the comparison or the route, or takes it out. Its properties are read from the
   * worker first, so the comparison shows them as it does for a place added from its details.
   */
  async toggle(kit: Kit, tool: Tool, hit: ImportedSiteHit): Promise<void> {
    const token = tokenOf(hit);
    const there = (tool === 'compare' ? kit.app.compare : kit.app.route).includes(token);
    if (!there) {
      const found = await kit.imports?.ask({ type: 'feature', layer: hit.layer, id: hit.id });
      if (found) keepPlace(token, { layer: hit.title, properties: found.feature.properties });
    }
    toggleIn(kit.app, tool, token);
  }
}
