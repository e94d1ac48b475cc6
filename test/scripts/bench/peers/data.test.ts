import { describe, expect, it } from 'vitest';
import {
  APP_INDUSTRY,
  BBOX,
  expectedCounts,
  FILTER_SETS,
  generateParks,
  PEER_INDUSTRIES,
  toAppFeatures,
} from '../../../../scripts/bench/peers/data.ts';
import { ParkFeatureSchema } from '../../../../src/lib/data/schema.ts';
import * as v from 'valibot';
import industries from '../../../../data/industries.json' with { type: 'json' };

describe('peer benchmark data', () => {
  it('is the same file for the same size and seed, and another for another seed', () => {
    expect(JSON.stringify(generateParks(200))).toBe(JSON.stringify(generateParks(200)));
    expect(JSON.stringify(generateParks(200, 7))).not.toBe(JSON.stringify(generateParks(200)));
  });

  it('gives the reference harness’s parks: first and last of 1000, seed 42', () => {
    // Printed by ../shared/peers/scripts/gen.mjs: generate(1000, 42).features[0] and [999].
    const fc = generateParks(1000);
    expect(fc.features[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [119.098453, 34.742657] },
      properties: {
        id: 1,
        name: '聊城高新技术产业开发区1号',
        industries: 'ict,equip',
        ind: 'ict',
        investment: 37.73,
      },
    });
    expect(fc.features[999]?.properties).toEqual({
      id: 1000,
      name: '临沂化工产业园1000号',
      industries: 'newmat',
      ind: 'newmat',
      investment: 6.32,
    });
  });

  it('puts every park in the bounding box with 1–3 known industries', () => {
    const fc = generateParks(2000);
    for (const f of fc.features) {
      const [lng = NaN, lat = NaN] = f.geometry.coordinates;
      expect(lng).toBeGreaterThanOrEqual(BBOX[0]);
      expect(lng).toBeLessThanOrEqual(BBOX[2]);
      expect(lat).toBeGreaterThanOrEqual(BBOX[1]);
      expect(lat).toBeLessThanOrEqual(BBOX[3]);
      const list = f.properties.industries.split(',');
      expect(list.length).toBeGreaterThanOrEqual(1);
      expect(list.length).toBeLessThanOrEqual(3);
      for (const code of list) expect(PEER_INDUSTRIES).toContain(code);
    }
    const unknown = fc.features.filter((f) => f.properties.investment === null).length;
    expect(unknown / fc.features.length).toBeGreaterThan(0.05);
    expect(unknown / fc.features.length).toBeLessThan(0.11);
  });

  it('counts what each filter set shows: the two sets split all parks', () => {
    const fc = generateParks(1000);
    const [a = 0, b = 0] = expectedCounts(fc);
    expect(a + b).toBe(1000);
    expect(a).toBeGreaterThan(250);
    expect(FILTER_SETS.flat().sort()).toEqual([...PEER_INDUSTRIES].sort());
  });

  it('converts to the app schema: valid, same points, one taxonomy industry each', () => {
    const fc = generateParks(300);
    const app = toAppFeatures(fc);
    const codes = new Set(industries.industries.map((i) => i.code));
    for (const code of Object.values(APP_INDUSTRY)) expect(codes.has(code)).toBe(true);
    app.forEach((f, i) => {
      expect(() => v.parse(ParkFeatureSchema, f)).not.toThrow();
      const peer = fc.features[i];
      expect(f.geometry.coordinates).toEqual(peer?.geometry.coordinates);
      expect(f.properties.industries).toEqual([APP_INDUSTRY[peer!.properties.ind]]);
    });
    // The app's industry filter on the mapped set shows the peers' count.
    const set = new Set((FILTER_SETS[0] ?? []).map((c) => APP_INDUSTRY[c]));
    const shown = app.filter((f) => (f.properties.industries ?? []).some((c) => set.has(c))).length;
    expect(shown).toBe(expectedCounts(fc)[0]);
  });
});
