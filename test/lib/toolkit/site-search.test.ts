import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import type { Industry, ParkFeature } from '../../../src/lib/data/schema.ts';
import { KINDS, STATUSES } from '../../../src/lib/data/vocabulary.ts';
import { industryAncestors } from '../../../src/lib/data/industries.ts';
import { SITE_KINDS, SITE_STATUSES, type SiteCriteria } from '../../../src/lib/state/view.ts';
import { originOf } from '../../../src/lib/toolkit/nearby.ts';
import {
  asksAnything,
  figureFor,
  figureMeasures,
  industryWords,
  siteSearch,
} from '../../../src/lib/toolkit/site-search.ts';

const dir = new URL('../../../data/zones/', import.meta.url);
const features: ParkFeature[] = readdirSync(dir).flatMap(
  (f) =>
    (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { features: ParkFeature[] }).features,
);
const byId = new Map(features.map((f) => [f.id, f]));
const industries = (
  JSON.parse(readFileSync(new URL('../../../data/industries.json', import.meta.url), 'utf8')) as {
    industries: Industry[];
  }
).industries;
const ancestors = industryAncestors(industries);

const none: SiteCriteria = { industries: [], kinds: [], statuses: [], figures: [], near: null };
const run = (c: SiteCriteria, limit?: number) => {
  const from = c.near?.from ? byId.get(c.near.from) : undefined;
  const at = from ? originOf(from) : (c.near?.at ?? null);
  return siteSearch(features, c, at, ancestors, byId, limit);
};

describe('site search', () => {
  it('生物医药 + park + within 20 km of 菏泽高新区: the Heze biomedicine parks first', () => {
    const r = run({
      ...none,
      industries: ['biomedicine'],
      kinds: ['park'],
      near: { radius: 20, from: 'heze-hitech', at: null },
    });
    const top = r.filter((x) => x.met === 3).map((x) => x.id);
    // 生物肽 and 医疗器械 are narrower than 生物医药: a group matches its narrower industries.
    expect(new Set(top)).toEqual(
      new Set([
        'heze-high-end-biomedicine-park',
        'heze-bio-peptide-park',
        'heze-medical-device-park',
      ]),
    );
    expect(
      r
        .slice(0, 3)
        .map((x) => x.id)
        .sort(),
    ).toEqual([...top].sort());
    expect(r.some((x) => x.id === 'heze-hitech')).toBe(false);
    const peptide = r.find((x) => x.id === 'heze-bio-peptide-park')!;
    expect(peptide.checks[0]).toMatchObject({
      on: 'industries',
      credit: 1,
      matched: ['bio-peptides'],
    });
    // Next: Heze parks that miss the industry, or biomedicine far away, each saying what it misses.
    const fourth = r[3]!;
    expect(fourth.met).toBe(2);
    expect(fourth.checks.some((x) => x.credit < 1)).toBe(true);
    // Ranked by criteria met, then by credit.
    for (let i = 1; i < r.length; i++)
      expect(r[i - 1]!.met > r[i]!.met || r[i - 1]!.score >= r[i]!.score).toBe(true);
  });

  it('a narrower industry asked for gives partial credit to a feature with only the group', () => {
    const r = run({ ...none, industries: ['modern-tcm'] }, 200);
    const tcm = r.find((x) => x.id === 'heze-buchang-tcm-modernisation')!;
    expect(tcm.checks[0]).toMatchObject({ credit: 1 });
    const group = r.find((x) => x.id === 'heze-high-end-biomedicine-park')!;
    expect(group.checks[0]).toMatchObject({ credit: 0.5, broader: ['biomedicine'] });
    expect(group.met).toBe(0);
    expect(r.indexOf(tcm)).toBeLessThan(r.indexOf(group));
  });

  it('figures above or below a value: judged by the latest achieved figure; unreported misses', () => {
    const zone = byId.get('heze-hitech')!;
    const fig = figureFor(zone, 'fixed_asset_investment');
    expect(fig).not.toBeNull();
    const above = run({
      ...none,
      figures: [{ what: 'fixed_asset_investment', op: 'gt', value: 0 }],
    });
    expect(above.map((x) => x.id)).toContain('heze-hitech');
    const below = run({
      ...none,
      kinds: ['zone'],
      figures: [{ what: 'fixed_asset_investment', op: 'lt', value: 0 }],
    });
    const z = below.find((x) => x.id === 'heze-hitech')!;
    expect(z.checks[1]).toMatchObject({ on: 'figure', credit: 0 });
    const jiaozhou = below.find((x) => x.id === 'jiaozhou');
    if (jiaozhou && !figureFor(byId.get('jiaozhou')!, 'fixed_asset_investment'))
      expect(jiaozhou.checks[1]).toMatchObject({ figure: null, credit: 0 });
  });

  it('near a point: partial credit up to twice the radius, none beyond', () => {
    const at: [number, number] = [115.37879, 35.23006];
    const r = run({ ...none, near: { radius: 5, from: null, at } }, 500);
    for (const x of r) {
      const c = x.checks[0]!;
      expect(c.on).toBe('near');
      if (c.on === 'near') expect(c.km).toBeLessThan(10);
      if (c.on === 'near' && c.km > 5) expect(c.credit).toBeLessThan(1);
    }
  });

  it('no criteria: nothing; statuses and kinds as asked', () => {
    expect(asksAnything(none)).toBe(false);
    expect(run(none)).toEqual([]);
    const r = run({ ...none, statuses: ['under_construction'], kinds: ['park'] }, 500);
    expect(r[0]?.met).toBe(2);
    expect(byId.get(r[0]!.id)!.properties.status).toBe('under_construction');
    expect(run({ ...none, industries: ['no-such'] })).toEqual([]);
  });

  it("the link's kinds and statuses are the data's", () => {
    expect([...SITE_KINDS]).toEqual([...KINDS]);
    expect([...SITE_STATUSES]).toEqual([...STATUSES]);
  });
});

describe('figure measures (the criteria a site search offers)', () => {
  const f = (id: string, figures: [string, string, string][]): ParkFeature => {
    const base = features[0]!;
    return {
      ...base,
      id,
      properties: {
        ...base.properties,
        figures: figures.map(([what, label_zh, unit]) => ({
          ...base.properties.figures[0]!,
          what,
          label_zh,
          label_en: label_zh,
          unit,
        })),
      },
    };
  };

  it('counts features, not figures, and lists the most reported first', () => {
    const ms = figureMeasures([
      f('a', [
        ['gdp', '生产总值', '亿元'],
        ['gdp', '生产总值', '亿元'],
        ['total_investment', '总投资', '亿元'],
      ]),
      f('b', [['total_investment', '总投资', '万元']]),
      f('c', [['total_investment', '总投资', '亿元']]),
    ]);
    expect(ms.map((m) => [m.key, m.features])).toEqual([
      ['total_investment', 3],
      ['gdp', 1],
    ]);
    // The unit most figures are written in names the criterion's unit.
    expect(ms[0]?.unit).toBe('亿元');
  });

  it('keeps generic counts apart by what they count, as compare rows do', () => {
    const ms = figureMeasures([
      f('a', [
        ['count', '孵化企业', '家'],
        ['count', '在孵项目', '个'],
      ]),
    ]);
    expect(ms.map((m) => m.key).sort()).toEqual(['count:在孵项目', 'count:孵化企业']);
  });

  it('offers 固定资产投资 from the embedded data, reported by two zones', () => {
    const m = figureMeasures(features).find((x) => x.key === 'fixed_asset_investment');
    expect(m).toMatchObject({ unit: '亿元', features: 2 });
  });
});

describe('industry words (site search over imported layers)', () => {
  it('a group brings its narrower industries; a narrower one its group as a broader word', () => {
    const group = industryWords(industries, ['biomedicine']);
    expect(group.met).toEqual(
      expect.arrayContaining(['生物医药', 'Biomedicine', '现代中药', '医疗器械']),
    );
    expect(group.broader).toEqual([]);
    const leaf = industryWords(industries, ['graphene']);
    expect(leaf.met).toContain('石墨烯');
    expect(leaf.met).not.toContain('新材料');
    expect(leaf.broader).toEqual(['新材料', 'New materials']);
  });

  it('an English label with a gloss is matched without it too', () => {
    expect(industryWords(industries, ['big-health']).met).toEqual(
      expect.arrayContaining(['大健康', 'Health industry (big health)', 'Health industry']),
    );
  });
});
