/**
 * The Content-Security-Policy: scripts only from this origin (no inline script, no eval), no
 * plugins, data from this origin only (the app makes no request elsewhere). Styles may be
 * inline: Svelte and MapLibre set them. `blob:` for the export downloads and the import worker's
 * files. Sent as a header by the dev and preview servers and written into the built page, so a
 * static host without headers still applies it. No frame-ancestors: `embed=1` is for iframes.
 */
import type { Plugin } from 'vite';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
].join('; ');

export function cspPlugin(): Plugin {
  return {
    name: 'park-atlas-csp',
    // Build only: in dev, the header applies and Vite's own client needs no meta.
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}
