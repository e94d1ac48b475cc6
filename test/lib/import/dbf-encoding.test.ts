import { describe, expect, it } from 'vitest';
import { dbfEncoding } from '../../../src/lib/import/formats/dbf-encoding.ts';

/** A .dbf header of 33 bytes with a language-driver byte, then `records`. */
function dbf(languageDriver: number, records: Uint8Array): Uint8Array {
  const header = new Uint8Array(33);
  header[8] = 33;
  header[29] = languageDriver;
  return new Uint8Array([...header, ...records]);
}

describe('dbfEncoding', () => {
  const utf8 = new TextEncoder().encode(' 济南');
  const gbk = new Uint8Array([0x20, 0xbc, 0xc3, 0xc4, 0xcf]); // " 济南" in GBK

  it('follows the .cpg, code page numbers included', () => {
    expect(dbfEncoding(dbf(0, gbk), '936')).toEqual({ label: 'gbk', from: 'cpg' });
    expect(dbfEncoding(dbf(0, gbk), 'ANSI 936\n')).toEqual({ label: 'gbk', from: 'cpg' });
    expect(dbfEncoding(dbf(0, utf8), 'UTF-8')).toEqual({ label: 'utf-8', from: 'cpg' });
  });
  it('then the language driver, then tries UTF-8 before falling back to GBK', () => {
    expect(dbfEncoding(dbf(0x4d, gbk))).toEqual({ label: 'gbk', from: 'language driver' });
    expect(dbfEncoding(dbf(0, utf8))).toEqual({ label: 'utf-8', from: 'guess' });
    expect(dbfEncoding(dbf(0, gbk))).toEqual({ label: 'gbk', from: 'guess' });
  });
  it('ignores a .cpg no decoder knows', () => {
    expect(dbfEncoding(dbf(0, utf8), 'klingon').from).toBe('guess');
  });
});
