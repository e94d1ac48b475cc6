import { readFileSync } from 'node:fs';

/** A fixture's bytes as the worker gets them: an ArrayBuffer of exactly the file. */
export function fixtureBytes(name: string): ArrayBuffer {
  const buf = readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url));
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}
