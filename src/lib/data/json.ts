import type { ParseError } from 'jsonc-parser';
import { DataError } from './errors.ts';

/** 1-based line and column of a character offset, for messages a person can act on. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Where and why JSON text is invalid. JSON.parse's own message varies between engines (Node 20
 * gives no position at all), so the first error is located with jsonc-parser, strictly. The
 * parser is loaded only then: valid files, the common case, never pay for it.
 */
export async function jsonSyntaxError(text: string): Promise<string> {
  if (text.trim() === '') return 'the file is empty';
  const { parseTree, printParseErrorCode } = await import('jsonc-parser');
  const errors: ParseError[] = [];
  try {
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  } catch (e) {
    // The locating parser recurses: 100,000 unclosed brackets exhaust its stack.
    if (e instanceof RangeError)
      return 'not valid JSON: nested too deeply to read (is it cut off?)';
    throw e;
  }
  const first = errors[0];
  if (!first) return 'not valid JSON';
  const { line, column } = lineColumn(text, first.offset);
  const atEnd = first.offset >= text.trimEnd().length;
  const reason = printParseErrorCode(first.error);
  return atEnd
    ? `not valid JSON: ${reason} at the end of the file (is it cut off?)`
    : `not valid JSON at line ${line}, column ${column}: ${reason}`;
}

/** JSON.parse that says where the text broke (line and column) instead of a bare SyntaxError. */
export async function parseJson(text: string, source: string): Promise<unknown> {
  try {
    return JSON.parse(text) as unknown;
  } catch {
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
