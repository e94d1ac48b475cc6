// @ts-check
/**
 * The layering of src/: what each part may import from the others. The one definition, read by
 * eslint.config.js (no-restricted-imports, as you type) and test/architecture.test.ts (the
 * resolved import graph, and that it has no cycle). docs/ARCHITECTURE.md draws it.
 *
 * Keys are folders of src/ (`lib/map`) or single modules (`lib/names`, `lib/source/types`).
 */

const base = ['lib/names', 'lib/geo', 'lib/state'];
const model = [...base, 'lib/i18n', 'lib/data'];
const derived = [...model, 'lib/format', 'lib/scales', 'lib/list', 'lib/search'];

/** @type {Record<string, string[]>} */
export const layers = {
  'lib/names': [],
  'lib/geo': ['lib/names'],
  // Plain data: the view and its link codec.
  'lib/state': ['lib/names'],
  'lib/i18n': ['lib/state'],
  // Data knows no renderer and no source.
  'lib/data': base,
  'lib/format': ['lib/state', 'lib/i18n', 'lib/data'],
  'lib/scales': ['lib/state', 'lib/data'],
  'lib/list': ['lib/names', 'lib/state', 'lib/i18n', 'lib/data'],
  'lib/search': ['lib/data'],
  // Taking features and reports out again (CSV that Excel opens, GeoJSON).
  'lib/export': [...base, 'lib/data'],
  // Reading users' files, and holding them (in a worker): bytes in, checked layers out.
  'lib/import': [...base, 'lib/i18n', 'lib/data', 'lib/export', 'lib/scales'],
  // Pure tools for investment promotion (#17): distances, nearby, routes, comparison, directions.
  'lib/toolkit': [...model, 'lib/format'],
  'lib/source/types': derived,
  'lib/source': [...derived, 'lib/source/types'],
  // The renderer reads data and the source's point description, never a source itself.
  'lib/map': [...derived, 'lib/toolkit', 'lib/source/types'],
  app: [
    ...derived,
    'lib/toolkit',
    'lib/source',
    'lib/source/types',
    'lib/map',
    'lib/export',
    'lib/import',
  ],
  // The UI never asks where data came from: the source's types only.
  components: [
    ...derived,
    'lib/toolkit',
    'lib/source/types',
    'lib/map',
    'app',
    'lib/export',
    'lib/import',
  ],
  root: [
    ...derived,
    'lib/toolkit',
    'lib/source/types',
    'lib/map',
    'app',
    'components',
    'lib/import',
  ],
};

/**
 * The layer of a file under src/ (a path relative to src/, without `./`): a single-module key
 * when there is one, else its folder; `root` for src/App.svelte and src/main.ts.
 * @param {string} path
 */
export function layerOf(path) {
  const noExt = path.replace(/\.(svelte\.ts|ts|svelte|js)$/, '');
  if (noExt in layers) return noExt;
  const parts = noExt.split('/');
  if (parts[0] === 'lib' && parts.length >= 2) return `lib/${parts[1]}`;
  return parts.length === 1 ? 'root' : /** @type {string} */ (parts[0]);
}
