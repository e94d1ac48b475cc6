/**
 * Pure part of `npm run bench:peers`: per-load records → summaries per tool, the app ÷ best peer
 * ratios, the goals (#16) and the agreement of our peer figures with the reference
 * harness's (../shared/peers/results/results.json). No I/O, so all of it is unit-tested.
 */
import { formatNumber, formatTable, median } from '../stats.ts';

export const PEER_TOOLS = ['maplibre', 'leaflet', 'kepler'] as const;
export type PeerTool = (typeof PEER_TOOLS)[number];
/** `app`: the points as the app's own dataset; `app-import`: the same file through its importer. */
export type AppTool = 'app' | 'app-import';
export type Tool = AppTool | PeerTool;

/** How each tool filters: the peers as the reference harness does, the app its own way. */
export const METHODS: Record<Tool, readonly string[]> = {
  app: ['industry filter'],
  'app-import': ['layer filter'],
  maplibre: ['setFilter', 'setData'],
  leaflet: ['rebuild'],
  kepler: ['setFilter'],
};

/** One page load of one tool. */
export interface LoadRecord {
  tool: Tool;
  n: number;
  rep: number;
  error: string | null;
  /** Navigation start → the points drawn. */
  firstDrawMs: number | null;
  heapMainMB: number | null;
  heapWorkersMB: number | null;
  /** Per filter method: the timed toggles (the warm-up toggle left out). */
  filters: Record<string, number[]>;
  /** Per method: every toggle drew the expected number of points (null: not checked). */
  countsOk: Record<string, boolean | null>;
  /** JavaScript the page loaded, gzip -9 bytes. */
  jsGzip: number | null;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface ToolSummary {
  tool: Tool;
  method: string;
  n: number;
  loads: number;
  errors: string[];
  firstDraw: Spread | null;
  /** Median of each load's median toggle; min and max over all toggles (as the reference). */
  filter: Spread | null;
  heapTotalMB: Spread | null;
  countsOk: boolean | null;
  jsGzip: number | null;
}

function spread(xs: readonly (number | null)[]): Spread | null {
  const v = xs.filter((x): x is number => x !== null && Number.isFinite(x));
  return v.length ? { median: median(v), min: Math.min(...v), max: Math.max(...v) } : null;
}

export function summarizeLoads(records: readonly LoadRecord[]): ToolSummary[] {
  const out: ToolSummary[] = [];
  const keys = [...new Set(records.map((r) => `${r.tool}\t${r.n}`))];
  for (const key of keys) {
    const [tool, nText] = key.split('\t') as [Tool, string];
    const n = Number(nText);
    const all = records.filter((r) => r.tool === tool && r.n === n);
    const ok = all.filter((r) => r.error === null);
    for (const method of METHODS[tool]) {
      const times = ok.map((r) => r.filters[method] ?? []).filter((t) => t.length > 0);
      const checks = ok.map((r) => r.countsOk[method]).filter((c) => c !== undefined);
      out.push({
        tool,
        method,
        n,
        loads: ok.length,
        errors: all.flatMap((r) => (r.error === null ? [] : [r.error])),
        firstDraw: spread(ok.map((r) => r.firstDrawMs)),
        filter: times.length
          ? {
              median: median(times.map((t) => median(t))),
              min: Math.min(...times.flat()),
              max: Math.max(...times.flat()),
            }
          : null,
        heapTotalMB: spread(
          ok.map((r) => (r.heapMainMB === null ? null : r.heapMainMB + (r.heapWorkersMB ?? 0))),
        ),
        countsOk: checks.includes(false) ? false : checks.includes(true) ? true : null,
        jsGzip: spread(ok.map((r) => r.jsGzip))?.median ?? null,
      });
    }
  }
  return out;
}

export type Metric = 'firstDraw' | 'filter' | 'heapTotalMB';

const value = (s: ToolSummary | undefined, metric: Metric): number | null =>
  s?.[metric]?.median ?? null;

/** The fastest (or smallest) peer for a metric at n, over every method each peer has. */
export function bestPeer(
  rows: readonly ToolSummary[],
  metric: Metric,
  n: number,
): { row: ToolSummary; value: number } | null {
  let best: { row: ToolSummary; value: number } | null = null;
  for (const row of rows) {
    if (row.n !== n || !(PEER_TOOLS as readonly string[]).includes(row.tool)) continue;
    const v = value(row, metric);
    if (v !== null && (best === null || v < best.value)) best = { row, value: v };
  }
  return best;
}

/** A goal of #16: the app's figure over one peer's, at most `max`. */
export interface Goal {
  metric: Metric;
  n: number;
  peer: PeerTool;
  method: string;
  max: number;
}

export const GOALS: readonly Goal[] = [
  ...[1000, 10000, 100000].map((n): Goal => ({
    metric: 'filter',
    n,
    peer: 'kepler',
    method: 'setFilter',
    max: 1,
  })),
  { metric: 'firstDraw', n: 1000, peer: 'maplibre', method: 'setFilter', max: 1 },
  { metric: 'firstDraw', n: 10000, peer: 'maplibre', method: 'setFilter', max: 1 },
  { metric: 'firstDraw', n: 100000, peer: 'kepler', method: 'setFilter', max: 1 },
  { metric: 'heapTotalMB', n: 100000, peer: 'kepler', method: 'setFilter', max: 1 },
];

export interface GoalResult extends Goal {
  app: AppTool;
  appValue: number | null;
  peerValue: number | null;
  ratio: number | null;
  met: boolean | null;
}

export function checkGoals(rows: readonly ToolSummary[], app: AppTool): GoalResult[] {
  const find = (tool: Tool, method: string, n: number) =>
    rows.find((r) => r.tool === tool && r.method === method && r.n === n);
  return GOALS.filter((g) => rows.some((r) => r.n === g.n)).map((g) => {
    const appValue = value(find(app, METHODS[app][0] ?? '', g.n), g.metric);
    const peerValue = value(find(g.peer, g.method, g.n), g.metric);
    const ratio = appValue !== null && peerValue ? appValue / peerValue : null;
    return { ...g, app, appValue, peerValue, ratio, met: ratio === null ? null : ratio <= g.max };
  });
}

// --- Agreement with the reference harness ---------------------------------------------------

/** What we read of the reference's results.json: its runs, as it wrote them. */
export interface ReferenceRun {
  tool: string;
  n: number;
  error: string | null;
  firstDrawMs?: number;
  heap?: { mainMB: number; workersMB: number };
  filters?: Record<string, { medianMs: number; minMs: number; maxMs: number }>;
}

/**
 * How far outside the reference's own range (over its runs) a figure may fall and still count as
 * the same: 3 runs under-sample a spread, and the two runs are hours apart on a shared machine.
 */
export const NOISE_FACTOR = 1.25;

export interface Agreement {
  tool: PeerTool;
  method: string;
  n: number;
  metric: Metric;
  ours: number;
  reference: Spread;
  /** ours ÷ reference median. */
  ratio: number;
  agrees: boolean;
}

function referenceSpread(
  runs: readonly ReferenceRun[],
  metric: Metric,
  method: string,
): Spread | null {
  if (metric === 'filter') {
    const f = runs.flatMap((r) => (r.filters?.[method] ? [r.filters[method]] : []));
    if (f.length === 0) return null;
    return {
      median: median(f.map((x) => x.medianMs)),
      min: Math.min(...f.map((x) => x.minMs)),
      max: Math.max(...f.map((x) => x.maxMs)),
    };
  }
  return spread(
    runs.map((r) =>
      metric === 'firstDraw'
        ? (r.firstDrawMs ?? null)
        : r.heap
          ? r.heap.mainMB + r.heap.workersMB
          : null,
    ),
  );
}

export function agreement(
  rows: readonly ToolSummary[],
  reference: readonly ReferenceRun[],
): Agreement[] {
  const out: Agreement[] = [];
  for (const row of rows) {
    if (!(PEER_TOOLS as readonly string[]).includes(row.tool)) continue;
    const runs = reference.filter((r) => r.tool === row.tool && r.n === row.n && !r.error);
    for (const metric of ['firstDraw', 'filter', 'heapTotalMB'] as const) {
      const ours = value(row, metric);
      const ref = referenceSpread(runs, metric, row.method);
      if (ours === null || ref === null || ref.median === 0) continue;
      out.push({
        tool: row.tool as PeerTool,
        method: row.method,
        n: row.n,
        metric,
        ours,
        reference: ref,
        ratio: ours / ref.median,
        agrees: ours >= ref.min / NOISE_FACTOR && ours <= ref.max * NOISE_FACTOR,
      });
    }
  }
  return out;
}

// --- Report ---------------------------------------------------------------------------------

const UNITS: Record<Metric, string> = { firstDraw: 'ms', filter: 'ms', heapTotalMB: 'MB' };
export const METRIC_LABELS: Record<Metric, string> = {
  firstDraw: 'navigation → points drawn',
  filter: 'filter toggle → drawn',
  heapTotalMB: 'JS heap, main + workers, after GC',
};

const fmt = (v: number | null, unit: string): string =>
  v === null ? '—' : `${formatNumber(v)} ${unit}`;
const times = (r: number | null): string => (r === null ? '—' : `${formatNumber(r)}×`);

const TOOL_LABELS: Record<Tool, string> = {
  app: 'Park Atlas (dataset)',
  'app-import': 'Park Atlas (import)',
  maplibre: 'maplibre',
  leaflet: 'Leaflet',
  kepler: 'kepler.gl',
};

/** One table per metric: every tool's median at each size, the best peer, app ÷ best peer. */
export function metricTable(rows: readonly ToolSummary[], metric: Metric): string {
  const ns = [...new Set(rows.map((r) => r.n))].sort((a, b) => a - b);
  const columns = rows.filter((r) => r.n === ns[0]);
  const label = (r: ToolSummary) =>
    METHODS[r.tool].length > 1 ? `${TOOL_LABELS[r.tool]} ${r.method}` : TOOL_LABELS[r.tool];
  const apps = (['app', 'app-import'] as const).filter((t) => rows.some((r) => r.tool === t));
  const header = [
    METRIC_LABELS[metric],
    ...columns.map(label),
    'best peer',
    ...apps.map((a) => `${TOOL_LABELS[a]} ÷ best`),
  ];
  const body = ns.map((n) => {
    const best = bestPeer(rows, metric, n);
    const cells = columns.map((c) => {
      const r = rows.find((x) => x.tool === c.tool && x.method === c.method && x.n === n);
      const v = value(r, metric);
      const flag = metric === 'filter' && r?.countsOk === false ? ' ⚠count' : '';
      return r && r.loads === 0 ? 'FAILED' : `${fmt(v, UNITS[metric])}${flag}`;
    });
    const ratios = apps.map((a) => {
      const v = value(
        rows.find((r) => r.tool === a && r.n === n),
        metric,
      );
      return times(v !== null && best ? v / best.value : null);
    });
    return [
      `${formatNumber(n)} points`,
      ...cells,
      best ? `${label(best.row)} ${fmt(best.value, UNITS[metric])}` : '—',
      ...ratios,
    ];
  });
  return formatTable(header, body);
}

export function goalTable(goals: readonly GoalResult[]): string {
  return formatTable(
    ['goal (#16)', 'app', 'peer', 'ratio', 'met'],
    goals.map((g) => [
      `${METRIC_LABELS[g.metric]} at ${formatNumber(g.n)}: ${TOOL_LABELS[g.app]} ≤ ${g.max}× ${TOOL_LABELS[g.peer]}`,
      fmt(g.appValue, UNITS[g.metric]),
      fmt(g.peerValue, UNITS[g.metric]),
      times(g.ratio),
      g.met === null ? '—' : g.met ? 'yes' : 'no',
    ]),
  );
}

export function agreementTable(rows: readonly Agreement[]): string {
  return formatTable(
    ['peer figure', 'this run', 'reference median [min–max]', 'this ÷ reference', 'agrees'],
    rows.map((a) => [
      `${TOOL_LABELS[a.tool]} ${a.method}, ${METRIC_LABELS[a.metric]}, ${formatNumber(a.n)}`,
      fmt(a.ours, UNITS[a.metric]),
      `${formatNumber(a.reference.median)} [${formatNumber(a.reference.min)}–${formatNumber(a.reference.max)}] ${UNITS[a.metric]}`,
      times(a.ratio),
      a.agrees ? 'yes' : 'NO',
    ]),
  );
}
