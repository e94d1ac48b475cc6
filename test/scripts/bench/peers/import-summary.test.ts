import { describe, expect, it } from 'vitest';
import {
  importRatio,
  importTable,
  summarizeImports,
  type ImportLoad,
  type ImportTool,
} from '../../../../scripts/bench/peers/import-summary.ts';

const load = (
  tool: ImportTool,
  totalMs: number,
  longestTaskMs: number,
  phases: Record<string, number> = {},
): ImportLoad => ({
  tool,
  rep: 0,
  error: null,
  totalMs,
  longestTaskMs,
  heapMainMB: 40,
  heapWorkersMB: 10,
  phases,
  count: 100,
  longTasks: [],
});

describe('summarizeImports', () => {
  it('takes medians per tool over the loads that finished, phases included', () => {
    const rows = summarizeImports([
      load('app-import', 10_000, 60, { parse: 1000, drawn: 10_000 }),
      load('app-import', 14_000, 80, { parse: 3000, drawn: 14_000 }),
      load('kepler', 20_000, 4000, { parsed: 9000 }),
      { ...load('kepler', 0, 0), error: 'did not finish in 180 s', totalMs: null },
    ]);
    expect(rows.map((r) => r.tool)).toEqual(['app-import', 'kepler']);
    const [app, kepler] = rows;
    expect(app).toMatchObject({ loads: 2, totalMs: 12_000, longestTaskMs: 70, heapMB: 50 });
    expect(app?.phases).toEqual({ parse: 2000, drawn: 12_000 });
    expect(kepler).toMatchObject({
      loads: 1,
      totalMs: 20_000,
      errors: ['did not finish in 180 s'],
    });
    expect(importRatio(rows, 'totalMs')).toBeCloseTo(0.6);
    expect(importRatio(rows, 'longestTaskMs')).toBeCloseTo(70 / 4000);
  });

  it('reports a tool that never finished as failed, and no ratio', () => {
    const rows = summarizeImports([
      load('app-import', 10_000, 60),
      { ...load('kepler', 0, 0), error: 'did not finish in 180 s', totalMs: null },
    ]);
    expect(rows[1]).toMatchObject({ loads: 0, totalMs: null });
    expect(importRatio(rows, 'totalMs')).toBeNull();
    const text = importTable(rows, { mb: 50, rows: 592_000 });
    expect(text).toContain('FAILED: did not finish in 180 s');
    expect(text).toContain('total ≤ 1.0× kepler.gl: — (no kepler.gl figure)');
    expect(text).toContain('no main-thread task over 100 ms: 60.0 ms, met');
  });
});
