/**
 * The status rule (src/lib/data/status-rule.ts, data/README.md "Status") applied to every status
 * quote and every dated fact of the committed data: the same wording gives the same status
 * everywhere, and a plan is never stored as an achievement.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../../scripts/check-data.ts';
import { ZoneCollectionSchema, type ParkFeature } from '../../../src/lib/data/schema.ts';
import { STATUS_RULE, statusRowFor } from '../../../src/lib/data/status-rule.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const { input } = readDataset(root);
const features: ParkFeature[] = input.zoneFiles.flatMap((zf) => {
  const r = v.safeParse(ZoneCollectionSchema, zf.data);
  return r.success ? r.output.features : [];
});
const readme = readFileSync(new URL('../../../data/README.md', import.meta.url), 'utf8');

describe('the status rule', () => {
  it('reads the wordings the issue found applied unevenly, one way', () => {
    const row = (quote: string, kind: ParkFeature['properties']['kind'] = 'park') => {
      const r = statusRowFor(quote, kind);
      return r && [r.status, r.reported];
    };
    // 竣工投产 in a list of the year's targets is a target, not construction under way.
    expect(row('全力推动甲等项目开工建设,乙等项目竣工投产')).toEqual(['operating', 'plan']);
    expect(row('全力推动甲等项目开工建设')).toEqual(['under_construction', 'plan']);
    // 加快…建设 is one thing wherever it is written.
    expect(row('加快推进区人才公寓建设')).toEqual(['under_construction', 'plan']);
    expect(row('加快建设特色鲜明的高端生物医药产业园区')).toEqual(['under_construction', 'plan']);
    // Listed on 新三板, 做大做强, a national maker space: a firm or platform at work.
    expect(row('3家公司在新三板成功上市', 'enterprise')).toEqual(['operating', 'done']);
    expect(row('全力推动步长制药等企业做大做强', 'enterprise')).toEqual(['operating', 'done']);
    expect(row('壮大“厚德创客港”等国家级众创空间')).toEqual(['operating', 'done']);
    // Recruiting projects, being listed or approved says nothing about the state.
    expect(row('启迪之星(菏泽)加速器正面向全国发布优秀项目招募计划')).toBeNull();
    expect(row('德智国际医养园列入省重点项目')).toBeNull();
    expect(row('启迪之星(菏泽)加速器位于菏泽高新区医疗器械机电产业园2号楼')).toBeNull();
  });

  it('is applied to every status quote of data/zones', () => {
    const withSource = features.filter((f) => f.properties.status_source !== null);
    expect(withSource.length).toBeGreaterThan(100);
    for (const f of withSource) {
      const p = f.properties;
      const src = p.status_source!;
      const row = statusRowFor(src.quote, p.kind);
      expect(row, `${p.id}: no wording in "${src.quote}"`).not.toBeNull();
      expect([p.status, src.reported], `${p.id}: "${src.quote}"`).toEqual([
        row?.status,
        row?.reported,
      ]);
      expect(src.as_of, p.id).toMatch(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
    }
    for (const f of features.filter((x) => x.properties.status_source === null))
      expect(f.properties.status, f.properties.id).toBe('unknown');
  });

  it('gives every dated fact the status its wording states', () => {
    const entries = features.flatMap((f) => f.properties.timeline.map((t) => ({ f, t })));
    expect(entries.some(({ t }) => t.status !== undefined)).toBe(true);
    for (const { f, t } of entries)
      expect(t.status, `${f.id} ${t.date}`).toBe(statusRowFor(t.quote, f.properties.kind)?.status);
  });

  it('is written down in data/README.md, every row', () => {
    for (const row of STATUS_RULE) expect(readme, row.wording).toContain(row.wording);
  });
});
