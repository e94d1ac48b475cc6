/**
 * `npm run bench:toolkit` — what the toolkit's questions of imported layers cost in the import
 * worker (#17, #16): nearby (1 and 50 km) and site search (an industry's words in the text, a
 * distance, both) over one seeded layer shaped as the 50 MB CSV (import.ts's writer: 592,000
 * rows, columns 名称, 经度, 纬度, two numbers, a category, a note; no industry names in it, so
 * every cell is read). Runs the worker's own functions in Node, one after another; prints
 * median and max per question. It asserts nothing.
 *
 *   tsx scripts/bench/toolkit.ts [--rows 592000] [--runs 7]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Industry } from '../../src/lib/data/schema.ts';
import type { ImportedFeature, ImportedLayer } from '../../src/lib/import/layer.ts';
import { nearbyImported } from '../../src/lib/import/nearby.ts';
import { siteImported, type ImportedSiteAsk } from '../../src/lib/import/site.ts';
import { industryWords } from '../../src/lib/toolkit/site-search.ts';
import { mulberry32, ROOT } from './generate.ts';
import { formatTable, median } from './stats.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
};
const rows = arg('rows', 592_000);
const runs = arg('runs', 7);

/** Rows with import.ts's CSV columns and extent, as the worker holds them, spread by mulberry32. */
function layerOf(n: number): ImportedLayer {
  const rand = mulberry32(7);
  const kinds = ['省级', '国家级', '市级', '县级'];
  const features = Array.from({ length: n }, (_, i): ImportedFeature => {
    const coordinates = [114.8 + rand() * 7.9, 34.4 + rand() * 4];
    const properties = {
      名称: `测试园区${i}`,
      投资_亿元: Math.round(rand() * 20000) / 100,
      面积_公顷: Math.round(rand() * 50000) / 10,
      级别: kinds[i % 4] ?? '',
      备注: `第${i}行的说明文字`,
    };
    return {
      type: 'Feature',
      id: `#${i + 1}`,
      geometry: { type: 'Point', coordinates },
      properties,
    };
  });
  const crs = { code: 'EPSG:4326', en: '', zh: '' };
  return {
    ...{ id: 'bench', title: 'bench.csv', files: ['bench.csv'], format: 'csv', crs },
    ...{ nameField: '名称', idField: null, fields: [], features, rejected: 0, issues: [] },
    bbox: [114.8, 34.4, 122.7, 38.4],
  };
}

const industries = (
  JSON.parse(readFileSync(join(ROOT, 'data/industries.json'), 'utf8')) as {
    industries: Industry[];
  }
).industries;
const at: [number, number] = [115.4, 35.25];
const words = industryWords(industries, ['biomedicine']);
const site = (a: Partial<ImportedSiteAsk>) => () =>
  siteImported([layer], { words: null, near: null, limit: 20, ...a }).total;

const layer = layerOf(rows);
const questions: [string, () => number][] = [
  ['nearby 1 km', () => nearbyImported([layer], at, 1, 50).total],
  ['nearby 50 km', () => nearbyImported([layer], at, 50, 50).total],
  ['site: industry words', site({ words })],
  ['site: within 20 km', site({ near: { at, radiusKm: 20 } })],
  ['site: both', site({ words, near: { at, radiusKm: 20 } })],
];
const table: string[][] = [];
for (const [name, ask] of questions) {
  const ms: number[] = [];
  let found = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    found = ask();
    ms.push(performance.now() - t);
  }
  const max = Math.max(...ms);
  table.push([name, `${median(ms).toFixed(1)} ms`, `${max.toFixed(1)} ms`, `${found}`]);
}
console.log(`${rows.toLocaleString('en')} rows, ${runs} runs each, Node ${process.version}`);
console.log(formatTable(['question', 'median', 'max', 'matches'], table));
