/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { colorSchemesPlugin } from './scripts/vite/color-schemes.ts';
import { CSP, cspPlugin, tileOriginsPlugin } from './scripts/vite/csp.ts';

export default defineConfig({
  plugins: [svelte(), colorSchemesPlugin(), cspPlugin(), tileOriginsPlugin()],
  server: { host: '127.0.0.1', port: 5173, headers: { 'Content-Security-Policy': CSP } },
  // Found late (only the lazy GPU point layer imports it), it would make the dev server re-bundle
  // dependencies and reload the page mid-session; listed, it is pre-bundled at start.
  // The import panel and its worker load late too (idb on the page; the readers in the worker).
  optimizeDeps: {
    include: [
      'kdbush',
      'idb',
      'papaparse',
      'gcoord',
      'proj4',
      'shpjs',
      'but-unzip',
      '@tmcw/togeojson',
      '@xmldom/xmldom',
    ],
  },
  preview: { host: '127.0.0.1', port: 4173, headers: { 'Content-Security-Policy': CSP } },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // Chromium, Firefox 115+ and Safari 17+ preload modules themselves; in older ones the polyfill
    // only fetches the chunks a little earlier, and it costs every visit ~0.35 KB gzip (#16).
    modulePreload: { polyfill: false },
  },
  // ES module workers can split: the import worker loads shpjs or togeojson only for such files.
  // Worker bundles get plugins of their own: the import worker classifies with the schemes too.
  worker: { format: 'es', plugins: () => [colorSchemesPlugin()] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
        },
      },
      {
        // The whole app as users get it: a Vite server and Debian's Chromium via playwright-core.
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores and SwiftShader uses both.
          fileParallelism: false,
          // A lazy chunk's first render can pass vitest's 1 s default when the whole suite runs.
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
});
