import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  assetSizes,
  classifyAsset,
  firstVisitScripts,
  DEFAULT_ARGS,
  displayWidth,
  formatNumber,
  formatSummary,
  formatTable,
  gzipSize,
  median,
  parseArgs,
  parseSize,
  ratio,
  sizeLabel,
  summarize,
  MB,
} from '../../../scripts/bench/stats.ts';

describe('median and summarize', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });

  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it('gives n, median, min and max, ignoring non-finite samples', () => {
    expect(summarize([5, 1, 9, NaN, Infinity])).toEqual({ n: 3, median: 5, min: 1, max: 9 });
  });

  it('gives null, not zeros, when nothing was measured', () => {
    expect(summarize([])).toBeNull();
    expect(summarize([NaN])).toBeNull();
  });

  it('divides medians, or gives null when either side is missing or zero', () => {
    const a = summarize([10, 20, 30]);
    const b = summarize([5]);
    expect(ratio(a, b)).toBe(4);
    expect(ratio(a, null)).toBeNull();
    expect(ratio(a, summarize([0]))).toBeNull();
  });
});

describe('gzipSize', () => {
  it('is the length of a level-9 gzip of the content', () => {
    const text = 'maplibre '.repeat(1000);
    const size = gzipSize(text);
    expect(size).toBe(gzipSync(Buffer.from(text), { level: 9 }).length);
    expect(size).toBeLessThan(text.length / 20);
    expect(gzipSize(Buffer.from(text))).toBe(size);
  });

  it('round-trips (it is real gzip)', () => {
    const bytes = Buffer.from('园区 park 123');
    expect(gunzipSync(gzipSync(bytes, { level: 9 })).toString()).toBe('园区 park 123');
  });
});

describe('classifyAsset and assetSizes', () => {
  it('sorts Vite output into main, worker, lazy chunks and CSS', () => {
    expect(classifyAsset('index-Bn85gxox.js')).toBe('main');
    expect(classifyAsset('maplibre-gl-worker-CZtFQQIV.mjs')).toBe('worker');
    expect(classifyAsset('pinyin-BeSEg9Jd.js')).toBe('pinyin');
    expect(classifyAsset('browser-DWe3alaI.js')).toBe('qrcode');
    expect(classifyAsset('index-DuTwQgkn.css')).toBe('css');
    expect(classifyAsset('dist/assets/vendor-123.js')).toBe('other-js');
  });

  it('counts the chunks the page preloads with its entry as main: every visit loads them', () => {
    const html = `<script type="module" crossorigin src="/assets/index-Cf8.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/view-LMv.js">
      <link rel="stylesheet" crossorigin href="/assets/index-P-c.css">
      <link rel="stylesheet" href="/fonts/noto-sans-sc/font.css" />`;
    const first = firstVisitScripts(html);
    expect([...first]).toEqual(['index-Cf8.js', 'view-LMv.js']);
    expect(classifyAsset('view-LMv.js', first)).toBe('main');
    expect(classifyAsset('view-LMv.js')).toBe('other-js');
    const sizes = assetSizes(
      [
        { name: 'index-Cf8.js', raw: 100, gzip: 30 },
        { name: 'view-LMv.js', raw: 10, gzip: 4 },
      ],
      first,
    );
    expect(sizes.main).toEqual({ files: ['index-Cf8.js', 'view-LMv.js'], raw: 110, gzip: 34 });
  });

  it('ignores what is not code: source maps, data, fonts', () => {
    expect(classifyAsset('index-Bn85gxox.js.map')).toBeNull();
    expect(classifyAsset('heze-hitech-V4327e2-.geojson')).toBeNull();
    expect(classifyAsset('industries-6Dkxhz2M.json')).toBeNull();
    expect(classifyAsset('noto-sans-sc-0.woff2')).toBeNull();
  });

  it('adds up raw and gzip bytes per group', () => {
    const sizes = assetSizes([
      { name: 'index-a.js', raw: 100, gzip: 30 },
      { name: 'index-b.css', raw: 50, gzip: 10 },
      { name: 'vendor-x.js', raw: 10, gzip: 5 },
      { name: 'vendor-y.js', raw: 20, gzip: 6 },
      { name: 'index-a.js.map', raw: 999, gzip: 999 },
    ]);
    expect(sizes.main).toEqual({ files: ['index-a.js'], raw: 100, gzip: 30 });
    expect(sizes.css).toEqual({ files: ['index-b.css'], raw: 50, gzip: 10 });
    expect(sizes['other-js']).toEqual({ files: ['vendor-x.js', 'vendor-y.js'], raw: 30, gzip: 11 });
    expect(sizes.worker).toEqual({ files: [], raw: 0, gzip: 0 });
  });
});

describe('formatting', () => {
  it('keeps about three significant digits', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(0.4213)).toBe('0.42');
    expect(formatNumber(3.14159)).toBe('3.14');
    expect(formatNumber(42.46)).toBe('42.5');
    expect(formatNumber(1234.4)).toBe('1234');
  });

  it('writes median [min–max] unit, scaled', () => {
    expect(formatSummary({ n: 5, median: 120, min: 100, max: 180 }, 'ms')).toBe('120 [100–180] ms');
    expect(formatSummary({ n: 3, median: 3 * MB, min: 2 * MB, max: 4 * MB }, 'MB', MB)).toBe(
      '3.00 [2.00–4.00] MB',
    );
    expect(formatSummary({ n: 1, median: 7, min: 7, max: 7 }, 'ms')).toBe('7.00 ms');
    // A range that rounds to one value is shown as that value.
    expect(formatSummary({ n: 2, median: 500.2, min: 500.1, max: 500.3 }, 'ms')).toBe('500 ms');
    expect(formatSummary(null, 'ms')).toBe('—');
  });

  it('counts CJK characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('园区')).toBe(4);
    expect(displayWidth('100k 园区')).toBe(9);
  });

  it('lines up columns, fills short rows and separates the header', () => {
    const table = formatTable(
      ['', 'a', 'bb'],
      [
        ['load', '1 ms', '22 ms'],
        ['园区', '333 ms'],
      ],
    );
    expect(table.split('\n')).toEqual([
      '     │ a      │ bb',
      '─────┼────────┼──────',
      'load │ 1 ms   │ 22 ms',
      '园区 │ 333 ms │',
    ]);
  });
});

describe('command line', () => {
  it('reads sizes with k and m suffixes and names them back', () => {
    expect(parseSize('1k')).toBe(1000);
    expect(parseSize('100K')).toBe(100_000);
    expect(parseSize('1m')).toBe(1_000_000);
    expect(parseSize('2500')).toBe(2500);
    expect(parseSize('1.5k')).toBe(1500);
    expect(() => parseSize('ten')).toThrow(/not a size/);
    expect(() => parseSize('0')).toThrow(/at least 1/);
    expect(sizeLabel(1000)).toBe('1k');
    expect(sizeLabel(100_000)).toBe('100k');
    expect(sizeLabel(1_000_000)).toBe('1m');
    expect(sizeLabel(2500)).toBe('2500');
  });

  it('has defaults: 5 runs of 1k, 10k, 100k and 1M points and 10k polygons', () => {
    expect(parseArgs([])).toEqual(DEFAULT_ARGS);
    expect(DEFAULT_ARGS).toMatchObject({ runs: 5, sizes: [1e3, 1e4, 1e5, 1e6], polygons: 1e4 });
  });

  it('takes --name value and --name=value', () => {
    expect(
      parseArgs(['--runs', '3', '--sizes=1k,1m', '--out', 'x.json', '--polygons', '0', '--keep']),
    ).toEqual({
      ...DEFAULT_ARGS,
      runs: 3,
      sizes: [1e3, 1e6],
      out: 'x.json',
      polygons: 0,
      keep: true,
    });
  });

  it('imports a 50 MB CSV unless told another size, or 0 to skip it', () => {
    expect(DEFAULT_ARGS.importMb).toBe(50);
    expect(parseArgs(['--import', '0']).importMb).toBe(0);
    expect(parseArgs(['--import=5']).importMb).toBe(5);
  });

  it('refuses what it does not know', () => {
    expect(() => parseArgs(['--runs', '0'])).toThrow(/--runs/);
    expect(() => parseArgs(['--runs'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--fast'])).toThrow(/unknown argument/);
    expect(() => parseArgs(['--import', '-1'])).toThrow(/--import/);
  });
});
