/**
 * Serves the peer pages on loopback: the pages, the libraries they load and the data files,
 * each URL prefix mapped to one directory and nothing outside them. It logs what it served, so
 * the benchmark can count the JavaScript each page really loaded.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface Served {
  path: string;
  /** The file on disk, for a 200. */
  file: string | null;
  status: number;
}

export interface StaticServer {
  url: string;
  log: Served[];
  close(): Promise<void>;
}

/** The file a URL path names under `roots` (prefix → directory), or null. */
export function resolvePath(
  roots: Readonly<Record<string, string>>,
  urlPath: string,
): string | null {
  for (const [prefix, dir] of Object.entries(roots)) {
    if (!urlPath.startsWith(prefix)) continue;
    const rest = normalize(urlPath.slice(prefix.length)).replace(/^[/\\]+/, '');
    if (rest.split(sep).includes('..')) return null;
    const file = join(dir, rest);
    return file.startsWith(dir + sep) ? file : null;
  }
  return null;
}

export async function startStaticServer(
  roots: Readonly<Record<string, string>>,
): Promise<StaticServer> {
  const log: Served[] = [];
  const server = createServer((req, res) => {
    let path = '/';
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      // A malformed escape: answered as not found below.
    }
    const file = resolvePath(roots, path);
    let size = -1;
    try {
      if (file && statSync(file).isFile()) size = statSync(file).size;
    } catch {
      size = -1;
    }
    if (!file || size < 0) {
      log.push({ path, file: null, status: 404 });
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    log.push({ path, file, status: 200 });
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
