import { DataError } from './errors.ts';

/** JSON.parse that says where the text broke (line and column) instead of a bare SyntaxError. */
export async function parseJson(text: string, source: string): Promise<unknown> {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Where it broke is worked out by code loaded only then: valid files never pay for it.
    const { jsonSyntaxError } = await import('./json-errors.ts');
    throw new DataError([{ source, path: '', message: await jsonSyntaxError(text) }]);
  }
}

export interface FetchJsonOptions {
  /** Refuse anything larger, before parsing it (default 64 MB). */
  maxBytes?: number;
  fetchImpl?: typeof fetch;
}

/** Fetches and parses JSON, turning every failure (HTTP, size, syntax) into a located DataError. */
export async function fetchJson(url: string, options: FetchJsonOptions = {}): Promise<unknown> {
  const { maxBytes = 64 * 1024 * 1024, fetchImpl = fetch } = options;
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (e) {
    throw new DataError([{ source: url, path: '', message: `could not be loaded: ${String(e)}` }]);
  }
  if (!response.ok) {
    throw new DataError([
      { source: url, path: '', message: `HTTP ${response.status} ${response.statusText}`.trim() },
    ]);
  }
  const length = Number(response.headers.get('content-length') ?? NaN);
  if (length > maxBytes) {
    throw new DataError([{ source: url, path: '', message: tooLarge(length, maxBytes) }]);
  }
  const text = await response.text();
  if (text.length > maxBytes) {
    throw new DataError([{ source: url, path: '', message: tooLarge(text.length, maxBytes) }]);
  }
  return parseJson(text, url);
}

export function tooLarge(bytes: number, maxBytes: number): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `is ${mb(bytes)}, larger than the ${mb(maxBytes)} this app accepts`;
}
