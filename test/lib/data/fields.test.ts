/**
 * The choropleth's fields from the committed data: only measures that compare, each labelled with
 * whose figure it is, grouped by what they measure (data/README.md, "Figures").
 */
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../../scripts/check-data.ts';
import { fieldGroup, numericFields } from '../../../src/lib/data/dataset.ts';
import { ZoneCollectionSchema, type ParkFeature } from '../../../src/lib/data/schema.ts';
import { districtFields } from '../../../src/lib/scales/choropleth.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const { input } = readDataset(root);
const features: ParkFeature[] = input.zoneFiles.flatMap((zf) => {
  const r = v.safeParse(ZoneCollectionSchema, zf.data);
  return r.success ? r.output.features : [];
});
const fields = numericFields(features);

describe('choropleth fields of the committed data', () => {
  it('offers no storey height, per-storey area or mixed count', () => {
    const keys = fields.map((f) => f.key);
    for (const k of ['storey_height', 'floor_area_per_storey', 'count'])
      expect(keys).not.toContain(k);
  });

  it('names what grows in every growth field, and no two fields share a label', () => {
    const growth = fields.filter((f) => fieldGroup(f) === 'growth');
    expect(growth.length).toBeGreaterThanOrEqual(4);
    for (const f of growth) expect(f.label_zh).toMatch(/^.+增长$/);
    const labels = fields.map((f) => f.label_zh);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('keeps the profit of 菏泽 of industrial firms apart from its GDP, labelled as such', () => {
    const profit = fields.find((f) => f.key === 'industrial_enterprise_profit');
    expect(profit).toMatchObject({ label_zh: '规模以上工业企业利润' });
    expect(fields.find((f) => f.key === 'profit')).toBeUndefined();
  });

  it('groups like with like, and sums no rate over districts', () => {
    expect(fieldGroup({ key: 'gdp', unit: '亿元' })).toBe('money');
    expect(fieldGroup({ key: 'gdp_growth', unit: '%' })).toBe('growth');
    expect(fieldGroup({ key: 'tax_share', unit: '%' })).toBe('share');
    expect(fieldGroup({ key: 'floor_area', unit: '平方米' })).toBe('area');
    expect(districtFields(fields).some((f) => f.unit === '%')).toBe(false);
  });
});
