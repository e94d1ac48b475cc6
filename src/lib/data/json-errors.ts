/**
 * Where and why JSON text is invalid, in words a person can act on. Its own module, loaded by
 * json.ts's parseJson only when JSON.parse has failed.
 */
import type { ParseError } from 'jsonc-parser';

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
