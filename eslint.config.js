import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { layers } from './scripts/layers.js';

/** An import specifier that reaches a layer (`lib/map`, `lib/source/types`, `app` …). */
function layerRegex(key) {
  const path = key.replace(/^lib\//, '(lib/)?');
  if (key === 'lib/source') return `^(\\.{1,2}/)+${path}/(?!types\\.ts$)`;
  if (key === 'lib/names' || key === 'lib/source/types') return `^(\\.{1,2}/)+${path}\\.ts$`;
  return `^(\\.{1,2}/)+${path}/`;
}

/** Files of a layer, as a glob. */
const layerFiles = (key) =>
  key === 'root'
    ? ['src/*.ts', 'src/*.svelte']
    : key === 'lib/names' || key === 'lib/source/types'
      ? [`src/${key}.ts`]
      : [`src/${key}/**/*.ts`, `src/${key}/**/*.svelte`];

/** no-restricted-imports per layer: what scripts/layers.js does not allow it to import. */
const layering = Object.entries(layers).map(([key, allowed]) => ({
  files: layerFiles(key),
  ...(key === 'lib/source' ? { ignores: ['src/lib/source/types.ts'] } : {}),
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: Object.keys(layers)
          .filter((other) => other !== key && !allowed.includes(other))
          // A module of its own folder (source/types from source) is reached by './'.
          .filter((other) => !(key === 'lib/source' && other === 'lib/source/types'))
          .map((other) => ({
            regex: layerRegex(other),
            message: `${key} may not import ${other} (scripts/layers.js, docs/ARCHITECTURE.md).`,
          })),
      },
    ],
  },
}));

export default ts.config(
  {
    ignores: [
      'dist/',
      'dist-bench/',
      'dist-profile/',
      'dist-csp-test/',
      'node_modules/',
      'coverage/',
      '.vitest-attachments/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  ...layering,
  {
    // Files and functions small enough to read whole: a 600-line component is where bugs live.
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // MapLibre is the map folder's alone; elsewhere its types may be named, nothing run.
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/lib/map/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'maplibre-gl',
              allowTypeImports: true,
              message: 'Only src/lib/map/ imports MapLibre.',
            },
          ],
        },
      ],
    },
  },
);
