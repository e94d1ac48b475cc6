import { describe, expect, it } from 'vitest';
import {
  agreement,
  bestPeer,
  checkGoals,
  metricTable,
  summarizeLoads,
  type LoadRecord,
  type ReferenceRun,
  type Tool,
} from '../../../../scripts/bench/peers/compare.ts';

const load = (
  tool: Tool,
  n: number,
  firstDrawMs: number,
  filters: Record<string, number[]>,
  heap = 10,
): LoadRecord => ({
  tool,
  n,
  rep: 0,
  error: null,
  firstDrawMs,
  heapMainMB: heap,
  heapWorkersMB: 1,
  filters,
  countsOk: Object.fromEntries(Object.keys(filters).map((m) => [m, true])),
  jsGzip: 1000,
});

const records: LoadRecord[] = [
  load('app', 1000, 1500, { 'industry filter': [100, 200, 300] }),
  load('app', 1000, 1300, { 'industry filter': [50, 60, 70] }),
  load('maplibre', 1000, 800, { setFilter: [50, 55, 60], setData: [30, 40, 50] }),
  load('leaflet', 1000, 330, { rebuild: [25, 30, 35] }),
  load('kepler', 1000, 2800, { setFilter: [15, 17, 20] }, 45),
  { ...load('kepler', 1000, 0, {}), error: 'crashed', firstDrawMs: null },
];

describe('bench:peers summaries', () => {
  const rows = summarizeLoads(records);

  it('takes the median of each load’s median toggle, min and max over all toggles', () => {
    const app = rows.find((r) => r.tool === 'app');
    expect(app?.filter).toEqual({ median: (200 + 60) / 2, min: 50, max: 300 });
    expect(app?.firstDraw?.median).toBe(1400);
    expect(app?.heapTotalMB?.median).toBe(11);
  });

  it('keeps one row per peer method and counts failed loads as errors, not zeros', () => {
    expect(rows.filter((r) => r.tool === 'maplibre').map((r) => r.method)).toEqual([
      'setFilter',
      'setData',
    ]);
    const kepler = rows.find((r) => r.tool === 'kepler');
    expect(kepler?.loads).toBe(1);
    expect(kepler?.errors).toEqual(['crashed']);
    expect(kepler?.firstDraw?.median).toBe(2800);
  });

  it('finds the best peer over every method, never the app', () => {
    expect(bestPeer(rows, 'filter', 1000)?.row.tool).toBe('kepler');
    expect(bestPeer(rows, 'firstDraw', 1000)?.row.tool).toBe('leaflet');
    expect(bestPeer(rows, 'filter', 10000)).toBeNull();
  });

  it('checks the goals against the peer each names, only at sizes measured', () => {
    const goals = checkGoals(rows, 'app');
    expect(goals.map((g) => `${g.metric}@${g.n}`)).toEqual(['filter@1000', 'firstDraw@1000']);
    const [filter, nav] = goals;
    expect(filter?.ratio).toBeCloseTo(130 / 17);
    expect(filter?.met).toBe(false);
    expect(nav?.peerValue).toBe(800);
    expect(nav?.met).toBe(false);
  });

  it('prints app ÷ best peer in the table', () => {
    const table = metricTable(rows, 'filter');
    expect(table).toContain('Park Atlas (dataset) ÷ best');
    expect(table).toContain('kepler.gl 17.0 ms');
    expect(table).toMatch(/7\.6\d?×/);
  });
});

describe('agreement with the reference harness', () => {
  const rows = summarizeLoads(records);
  const reference: ReferenceRun[] = [
    {
      tool: 'leaflet',
      n: 1000,
      error: null,
      firstDrawMs: 328,
      heap: { mainMB: 10, workersMB: 1 },
      filters: { rebuild: { medianMs: 29.7, minMs: 8, maxMs: 61.8 } },
    },
    {
      tool: 'kepler',
      n: 1000,
      error: null,
      firstDrawMs: 1000,
      heap: { mainMB: 45, workersMB: 0.8 },
      filters: { setFilter: { medianMs: 17.4, minMs: 9.3, maxMs: 22.1 } },
    },
  ];
  const found = agreement(rows, reference);

  it('says a figure inside the reference range (widened by the noise factor) agrees', () => {
    const draw = found.find((a) => a.tool === 'leaflet' && a.metric === 'firstDraw');
    expect(draw?.agrees).toBe(true);
    expect(draw?.ratio).toBeCloseTo(330 / 328);
    expect(found.find((a) => a.tool === 'kepler' && a.metric === 'filter')?.agrees).toBe(true);
  });

  it('says one far outside does not', () => {
    // Ours 2800 ms against a reference of 1000 ms.
    expect(found.find((a) => a.tool === 'kepler' && a.metric === 'firstDraw')?.agrees).toBe(false);
  });

  it('compares only peers the reference measured, never the app', () => {
    expect(found.some((a) => a.tool === 'maplibre')).toBe(false);
    expect(found.every((a) => (a.tool as string) !== 'app')).toBe(true);
  });
});
