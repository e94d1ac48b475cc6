import { describe, expect, it } from 'vitest';
import { ImportedSiteQuery, importedAsk, tokenOf } from '../../src/app/imported-site.svelte.ts';
import type { Kit } from '../../src/app/toolkit.ts';
import type { ImportedSite, ImportedSiteHit } from '../../src/lib/import/site.ts';
import { placeInfo } from '../../src/lib/state/place-info.ts';
import type { SiteCriteria } from '../../src/lib/state/view.ts';

const industries = [
  { code: 'biomedicine', zh: '生物医药', en: 'Biomedicine' },
  { code: 'modern-tcm', zh: '现代中药', en: 'Modern TCM', parent: 'biomedicine' },
];
const none: SiteCriteria = { industries: [], kinds: [], statuses: [], figures: [], near: null };

/** A kit whose imports answer when told to; `feature` reads a feature's properties. */
function fakeKit(layers = 1) {
  const asked: { type: string; answer: (r: unknown) => void }[] = [];
  const imports = {
    entries: Array.from({ length: layers }, () => ({})),
    ask: (r: { type: string }) =>
      r.type === 'feature'
        ? Promise.resolve({ feature: { properties: { 产业: '生物医药' } }, name: '甲园', row: 0 })
        : new Promise((answer) => asked.push({ type: r.type, answer })),
  };
  const atlas = { source: { industries, feature: () => undefined } };
  const app = { compare: [] as string[], route: [] as string[] };
  return { kit: { atlas, imports, app } as unknown as Kit, asked, app };
}
const settle = () => new Promise((r) => setTimeout(r, 0));
const hit: ImportedSiteHit = {
  layer: 'L',
  title: 'sites.csv',
  id: '#1',
  name: '甲园',
  at: [115.4, 35.25],
  industry: { credit: 1, word: '生物医药', field: '产业' },
  near: null,
  met: 1,
  score: 1,
};

describe('site search over imported layers: what the worker is asked', () => {
  it('an industry as words (narrower ones included), a place as a point and radius', () => {
    const { kit } = fakeKit();
    const { ask } = importedAsk(kit, {
      ...none,
      industries: ['biomedicine'],
      near: { radius: 12, from: null, at: [115.4, 35.25] },
    });
    expect(ask?.words?.met).toEqual(['生物医药', 'Biomedicine', '现代中药', 'Modern TCM']);
    expect(ask?.near).toEqual({ at: [115.4, 35.25], radiusKm: 12 });
  });

  it('kinds, statuses and figures alone: nothing a file can answer, so nothing is asked', async () => {
    const { kit, asked } = fakeKit();
    const c: SiteCriteria = { ...none, kinds: ['park'], statuses: ['operating'] };
    expect(importedAsk(kit, c).ask).toBeNull();
    const query = new ImportedSiteQuery();
    query.ask(kit, c);
    expect(asked).toEqual([]);
    expect(query.view).toMatchObject({ asked: 0, unanswerable: ['kinds', 'statuses'] });
  });

  it('shows the newest answer only, and says which criteria it left out', async () => {
    const { kit, asked } = fakeKit();
    const query = new ImportedSiteQuery();
    query.ask(kit, { ...none, industries: ['biomedicine'], kinds: ['park'] });
    query.ask(kit, { ...none, industries: ['modern-tcm'], kinds: ['park'] });
    const answer = (n: number): ImportedSite => ({ hits: [], total: n });
    asked[1]!.answer(answer(2));
    await settle();
    asked[0]!.answer(answer(1));
    await settle();
    expect(query.view).toEqual({
      result: answer(2),
      asked: 1,
      unanswerable: ['kinds'],
      approx: null,
    });
  });

  it('nothing to show without imported layers', () => {
    const query = new ImportedSiteQuery();
    query.ask(fakeKit(0).kit, { ...none, industries: ['biomedicine'] });
    expect(query.view).toBeNull();
  });

  it('a hit goes to the comparison with its properties, and comes out again', async () => {
    const { kit, app } = fakeKit();
    const query = new ImportedSiteQuery();
    await query.toggle(kit, 'compare', hit);
    expect(app.compare).toEqual([tokenOf(hit)]);
    expect(placeInfo(tokenOf(hit))).toEqual({
      layer: 'sites.csv',
      properties: { 产业: '生物医药' },
    });
    await query.toggle(kit, 'compare', hit);
    expect(app.compare).toEqual([]);
  });
});
