/**
 * Pure part of bench:peers `--import <MB>` (import-file.ts): the loads of one CSV by the app's
 * file picker and by kepler.gl's loader → medians per tool, app ÷ kepler.gl, and the phases.
 */
import { formatNumber, formatTable, median } from '../stats.ts';

export const IMPORT_TOOLS = ['app-import', 'kepler'] as const;
export type ImportTool = (typeof IMPORT_TOOLS)[number];

/** One load of the CSV by one tool, in a fresh Chromium. */
export interface ImportLoad {
  tool: ImportTool;
  rep: number;
  /** Why the load has no figures (a timeout, a crash): itself a result. */
  error: string | null;
  /** Choosing the file → its points drawn. */
  totalMs: number | null;
  /** Longest main-thread task (≥ 50 ms) from choosing on; 0 = none. */
  longestTaskMs: number | null;
  heapMainMB: number | null;
  heapWorkersMB: number | null;
  /** ms after choosing that each phase the tool shows was first seen (see import-file.ts). */
  phases: Record<string, number>;
  /** Points the tool holds after (null: not known). */
  count: number | null;
  /** Main-thread tasks over 100 ms: [start after choosing, duration] in ms, for the profile. */
  longTasks: [number, number][];
}

export type ImportMetric = 'totalMs' | 'longestTaskMs' | 'heapMB';

export interface ImportSummary {
  tool: ImportTool;
  loads: number;
  errors: string[];
  /** Median over the loads that finished; null if none did. */
  totalMs: number | null;
  longestTaskMs: number | null;
  heapMB: number | null;
  /** Median ms after choosing, per phase. */
  phases: Record<string, number>;
}

const med = (xs: readonly (number | null)[]): number | null => {
  const v = xs.filter((x): x is number => x !== null && Number.isFinite(x));
  return v.length ? median(v) : null;
};

export function summarizeImports(loads: readonly ImportLoad[]): ImportSummary[] {
  return IMPORT_TOOLS.filter((t) => loads.some((l) => l.tool === t)).map((tool) => {
    const all = loads.filter((l) => l.tool === tool);
    const ok = all.filter((l) => l.error === null);
    const names = [...new Set(ok.flatMap((l) => Object.keys(l.phases)))];
    const phases = Object.fromEntries(
      names.flatMap((k) => {
        const m = med(ok.map((l) => l.phases[k] ?? null));
        return m === null ? [] : [[k, m] as const];
      }),
    );
    return {
      tool,
      loads: ok.length,
      errors: all.flatMap((l) => (l.error === null ? [] : [l.error])),
      totalMs: med(ok.map((l) => l.totalMs)),
      longestTaskMs: med(ok.map((l) => l.longestTaskMs)),
      heapMB: med(
        ok.map((l) => (l.heapMainMB === null ? null : l.heapMainMB + (l.heapWorkersMB ?? 0))),
      ),
      phases,
    };
  });
}

/** app ÷ kepler.gl for a metric; null when either has no figure (kepler's 0 ms task: none). */
export function importRatio(rows: readonly ImportSummary[], metric: ImportMetric): number | null {
  const app = rows.find((r) => r.tool === 'app-import')?.[metric] ?? null;
  const kepler = rows.find((r) => r.tool === 'kepler')?.[metric] ?? null;
  return app === null || kepler === null || kepler === 0 ? null : app / kepler;
}

const LABELS: Record<ImportTool, string> = {
  'app-import': 'Park Atlas (file picker)',
  kepler: 'kepler.gl (loadFiles)',
};
const METRICS: readonly [ImportMetric, string, string][] = [
  ['totalMs', 'choose → points drawn', 'ms'],
  ['longestTaskMs', 'longest main-thread task', 'ms'],
  ['heapMB', 'JS heap, main + workers, after GC', 'MB'],
];

/** The figure table (tools × metrics, app ÷ kepler.gl, goals of #16) and each tool's phases. */
export function importTable(
  rows: readonly ImportSummary[],
  file: { mb: number; rows: number },
): string {
  const cell = (r: ImportSummary, m: ImportMetric, unit: string) => {
    if (r.loads === 0) return `FAILED: ${r.errors[0] ?? '?'}`;
    const v = r[m];
    return v === null ? '—' : `${formatNumber(v)} ${unit}`;
  };
  const ratio = (m: ImportMetric) => {
    const r = importRatio(rows, m);
    return r === null ? '—' : `${formatNumber(r)}×`;
  };
  const table = formatTable(
    [
      `${formatNumber(file.mb)} MB CSV, ${formatNumber(file.rows)} rows`,
      ...rows.map((r) => LABELS[r.tool]),
      'app ÷ kepler.gl',
    ],
    METRICS.map(([m, label, unit]) => [label, ...rows.map((r) => cell(r, m, unit)), ratio(m)]),
  );
  const app = rows.find((r) => r.tool === 'app-import');
  const total = importRatio(rows, 'totalMs');
  const goals = [
    `goal (#16) no main-thread task over 100 ms: ${app?.longestTaskMs == null ? '—' : `${formatNumber(app.longestTaskMs)} ms, ${app.longestTaskMs <= 100 ? 'met' : 'not met'}`}`,
    `goal (#16) total ≤ 1.0× kepler.gl: ${total === null ? '— (no kepler.gl figure)' : `${formatNumber(total)}×, ${total <= 1 ? 'met' : 'not met'}`}`,
  ];
  const phases = rows.map(
    (r) =>
      `${LABELS[r.tool]} phases, ms after choosing: ${
        Object.entries(r.phases)
          .sort((a, b) => a[1] - b[1])
          .map(([k, v]) => `${k} ${formatNumber(v)}`)
          .join(', ') || '—'
      }`,
  );
  return [table, ...goals, ...phases].join('\n');
}
