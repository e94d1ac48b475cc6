/**
 * Pure helpers of `npm run bench`: summaries of repeated measurements, shipped-asset sizes, the
 * printed table and the command line. No I/O here, so all of it is unit-tested.
 */
import { gzipSync } from 'node:zlib';

/** Median, min and max of repeated measurements, and how many there were. */
export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

/** null for no samples, so "not measured" never looks like a zero. */
export function summarize(xs: readonly number[]): Summary | null {
  const finite = xs.filter(Number.isFinite);
  if (finite.length === 0) return null;
  return {
    n: finite.length,
    median: median(finite),
    min: Math.min(...finite),
    max: Math.max(...finite),
  };
}

/** Median of a over median of b, e.g. how many times slower one way of filtering is. */
export function ratio(a: Summary | null, b: Summary | null): number | null {
  if (!a || !b || b.median === 0) return null;
  return a.median / b.median;
}

// --- Shipped assets -------------------------------------------------------------------------

/** gzip at level 9: what a well-configured server sends. */
export function gzipSize(content: Uint8Array | string): number {
  return gzipSync(typeof content === 'string' ? Buffer.from(content) : content, { level: 9 })
    .length;
}

export const ASSET_GROUPS = ['main', 'worker', 'pinyin', 'qrcode', 'other-js', 'css'] as const;
export type AssetGroup = (typeof ASSET_GROUPS)[number];

/**
 * The scripts the built page loads before anything else: its entry and what it preloads with it
 * (`<link rel="modulepreload">`, the chunks the entry imports statically). All are "main": a
 * chunk split off the entry is still code every visit downloads.
 */
export function firstVisitScripts(indexHtml: string): Set<string> {
  const tags = indexHtml.match(/<(?:script|link)\b[^>]*>/g) ?? [];
  const names = tags
    .filter((tag) => /type="module"|rel="modulepreload"/.test(tag))
    .map((tag) => /(?:src|href)="[^"]*?([^"/]+\.m?js)"/.exec(tag)?.[1])
    .filter((name): name is string => name !== undefined);
  return new Set(names);
}

/**
 * Which part of the app a file in dist/assets is: the entry chunk (and, given the page's
 * `firstVisitScripts`, the chunks it preloads), MapLibre's worker, a lazy chunk (pinyin-pro for
 * search, qrcode for sharing), another chunk, or CSS. Null for what is not code (source maps,
 * data, fonts).
 */
export function classifyAsset(
  file: string,
  firstVisit: ReadonlySet<string> = new Set(),
): AssetGroup | null {
  const name = file.split('/').pop() ?? file;
  if (name.endsWith('.css')) return 'css';
  if (!/\.m?js$/.test(name)) return null;
  if (firstVisit.has(name)) return 'main';
  if (name.startsWith('maplibre-gl-worker')) return 'worker';
  if (name.startsWith('pinyin')) return 'pinyin';
  if (name.startsWith('browser')) return 'qrcode';
  if (name.startsWith('index')) return 'main';
  return 'other-js';
}

export interface AssetSize {
  files: string[];
  raw: number;
  gzip: number;
}

/** Raw and gzip bytes per group, from each file's name and size. */
export function assetSizes(
  files: readonly { name: string; raw: number; gzip: number }[],
  firstVisit: ReadonlySet<string> = new Set(),
): Record<AssetGroup, AssetSize> {
  const out = Object.fromEntries(
    ASSET_GROUPS.map((g): [AssetGroup, AssetSize] => [g, { files: [], raw: 0, gzip: 0 }]),
  ) as Record<AssetGroup, AssetSize>;
  for (const f of files) {
    const group = classifyAsset(f.name, firstVisit);
    if (!group) continue;
    out[group].files.push(f.name);
    out[group].raw += f.raw;
    out[group].gzip += f.gzip;
  }
  return out;
}

// --- Formatting -----------------------------------------------------------------------------

/** Up to 3 significant digits, at most one decimal above 10: 0.42, 3.1, 42.5, 1234. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 100) return String(Math.round(x));
  if (abs >= 10) return x.toFixed(1);
  if (abs >= 1) return x.toFixed(2);
  return x.toPrecision(2);
}

/** `median [min–max] unit`, or just `value unit` for a single sample. */
export function formatSummary(s: Summary | null, unit: string, scale = 1): string {
  if (!s) return '—';
  const m = formatNumber(s.median / scale);
  const lo = formatNumber(s.min / scale);
  const hi = formatNumber(s.max / scale);
  const suffix = unit ? ` ${unit}` : '';
  if (s.n === 1 || lo === hi) return `${m}${suffix}`;
  return `${m} [${lo}–${hi}]${suffix}`;
}

export const KB = 1024;
export const MB = 1024 * 1024;

/** Display width: CJK and fullwidth characters take two columns in a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

const pad = (s: string, width: number): string =>
  s + ' '.repeat(Math.max(0, width - displayWidth(s)));

/**
 * A plain-text table: the first column left-aligned (row names), the others too, since cells
 * hold "median [min–max] unit". Short rows are filled with blanks.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const columns = Math.max(header.length, ...rows.map((r) => r.length));
  const cell = (r: readonly string[], i: number): string => r[i] ?? '';
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(displayWidth(cell(header, i)), ...rows.map((r) => displayWidth(cell(r, i)))),
  );
  const line = (r: readonly string[]): string =>
    widths
      .map((w, i) => pad(cell(r, i), w))
      .join(' │ ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

// --- Command line ---------------------------------------------------------------------------

/** `1k` → 1000, `100k` → 100000, `1m` → 1000000, `2500` → 2500. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`not a size: "${text}" (use e.g. 1k, 10k, 100k, 1m)`);
  const factor = { '': 1, k: 1e3, m: 1e6 }[(m[2] ?? '').toLowerCase() as '' | 'k' | 'm'];
  const n = Math.round(Number(m[1]) * factor);
  if (n < 1) throw new Error(`size must be at least 1: "${text}"`);
  return n;
}

/** 1000 → `1k`, 1000000 → `1m`, 2500 → `2500`: the name used in file names and the table. */
export function sizeLabel(n: number): string {
  if (n >= 1e6 && n % 1e6 === 0) return `${n / 1e6}m`;
  if (n >= 1e3 && n % 1e3 === 0) return `${n / 1e3}k`;
  return String(n);
}

export interface BenchArgs {
  runs: number;
  sizes: number[];
  /** Zones in the polygon dataset; 0 skips it. */
  polygons: number;
  out: string;
  /** Keep dist/bench/*.geojson after the run (they are large). */
  keep: boolean;
  /** Rebuild dist/ even when it looks up to date. */
  build: boolean;
  /** Megabytes of CSV to import through the file picker (#12); 0 skips it. */
  importMb: number;
}

export const DEFAULT_ARGS: BenchArgs = {
  runs: 5,
  // 1M is in the table even though today's app refuses it (a 0.5 GB GeoJSON, over its 64 MB
  // limit): that refusal is the figure until vector tiles carry it (#6).
  sizes: [1e3, 1e4, 1e5, 1e6],
  polygons: 1e4,
  out: 'bench-results/latest.json',
  keep: false,
  build: false,
  importMb: 50,
};

/** `--runs 5 --sizes 1k,10k --polygons 10k --out file.json --keep --build`; `--x=y` also works. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { ...DEFAULT_ARGS, sizes: [...DEFAULT_ARGS.sizes] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new Error(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--runs': {
        const runs = Number(value());
        if (!Number.isInteger(runs) || runs < 1)
          throw new Error('--runs must be a whole number ≥ 1');
        args.runs = runs;
        break;
      }
      case '--sizes':
        args.sizes = value()
          .split(',')
          .filter((s) => s.trim() !== '')
          .map(parseSize);
        break;
      case '--polygons': {
        const v = value();
        args.polygons = v === '0' || v === 'none' ? 0 : parseSize(v);
        break;
      }
      case '--out':
        args.out = value();
        break;
      case '--keep':
        args.keep = true;
        break;
      case '--build':
        args.build = true;
        break;
      case '--import': {
        const mb = Number(value());
        if (!Number.isFinite(mb) || mb < 0) throw new Error('--import must be megabytes ≥ 0');
        args.importMb = mb;
        break;
      }
      default:
        throw new Error(`unknown argument "${arg}"`);
    }
  }
  return args;
}
