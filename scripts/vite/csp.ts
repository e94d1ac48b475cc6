/**
 * The Content-Security-Policy: scripts only from this origin (no inline script, no eval), no
 * plugins, data from this origin only (the app makes no request elsewhere). Styles may be
 * inline: Svelte and MapLibre set them. `blob:` for the export downloads and the import worker's
 * files. Sent as a header by the dev and preview servers and written into the built page, so a
 * static host without headers still applies it. No frame-ancestors: `embed=1` is for iframes.
 *
 * Online basemap tiles (issue 13, point 4) come only from the origins the operator lists in
 * PARK_ATLAS_TILE_ORIGINS (space-separated, read when the server starts or the app is built):
 * added to img-src and connect-src; none by default. The app reads the same list
 * (`virtual:tile-origins`) to say which origins it may not use, instead of failing silently.
 *
 * Data on another site (`?data=https://…`, issue 12) is fetched only after the user confirms it
 * in the page, and only from the origins listed in PARK_ATLAS_DATA_ORIGINS: added to connect-src
 * only (`virtual:data-origins` tells the page). None by default.
 */
import type { Plugin } from 'vite';

/** The listed origins, normalised (`https://t0.tianditu.gov.cn`); anything else is an error. */
export function tileOrigins(value: string | undefined = process.env.PARK_ATLAS_TILE_ORIGINS) {
  return originList(value, 'PARK_ATLAS_TILE_ORIGINS');
}

/** The origins `?data=` may name after the user confirms, as `tileOrigins` reads its list. */
export function dataOrigins(value: string | undefined = process.env.PARK_ATLAS_DATA_ORIGINS) {
  return originList(value, 'PARK_ATLAS_DATA_ORIGINS');
}

function originList(value: string | undefined, variable: string): string[] {
  const origins: string[] = [];
  for (const item of (value ?? '').split(/\s+/).filter(Boolean)) {
    let origin: string;
    try {
      origin = new URL(item).origin;
    } catch {
      origin = 'null';
    }
    // A path or a typo would widen or break the policy: refuse it loudly at start.
    if (!/^https?:\/\//.test(origin) || origin !== item.replace(/\/$/, '')) {
      throw new Error(`${variable}: ${JSON.stringify(item)} is not an http(s) origin`);
    }
    if (!origins.includes(origin)) origins.push(origin);
  }
  return origins;
}

export function csp(
  origins: readonly string[] = tileOrigins(),
  data: readonly string[] = dataOrigins(),
): string {
  const tiles = origins.map((o) => ` ${o}`).join('');
  const connect = [...origins, ...data.filter((o) => !origins.includes(o))]
    .map((o) => ` ${o}`)
    .join('');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles}`,
    "font-src 'self' data:",
    `connect-src 'self' data: blob:${connect}`,
    "worker-src 'self' blob:",
  ].join('; ');
}

/** The policy for this process's environment. */
export const CSP = csp();

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

/**
 * `import origins from 'virtual:tile-origins'` (or `virtual:data-origins`): the allowed origins,
 * as the CSP has them.
 */
export function tileOriginsPlugin(): Plugin {
  const lists: Record<string, () => string[]> = {
    'virtual:tile-origins': tileOrigins,
    'virtual:data-origins': dataOrigins,
  };
  return {
    name: 'park-atlas-tile-origins',
    resolveId: (id) => (id in lists ? `\0${id}` : null),
    load: (id) => {
      const list = id.startsWith('\0') ? lists[id.slice(1)] : undefined;
      return list ? `export default ${JSON.stringify(list())};` : null;
    },
  };
}
