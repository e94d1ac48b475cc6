/**
 * Which text encoding a .dbf's attributes are in. Chinese shapefiles are often GBK with no .cpg,
 * and read as UTF-8 their park names come out as "ɽ��": so the .cpg is read first, then the
 * dBASE language-driver byte, then the bytes themselves are tried as UTF-8.
 */

/** .cpg contents seen in the wild → a TextDecoder label. */
const CPG: Record<string, string> = {
  '936': 'gbk',
  cp936: 'gbk',
  gbk: 'gbk',
  gb2312: 'gbk',
  gb18030: 'gb18030',
  '54936': 'gb18030',
  '950': 'big5',
  big5: 'big5',
  '65001': 'utf-8',
  utf8: 'utf-8',
  'utf-8': 'utf-8',
};

/** dBASE language-driver ids (byte 29 of the header) that name a Chinese code page. */
const LDID: Record<number, string> = { 0x4d: 'gbk', 0x7a: 'gbk', 0x78: 'big5' };

function decoderExists(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

export interface DbfEncoding {
  label: string;
  /** How it was decided, for a note when it was a guess. */
  from: 'cpg' | 'language driver' | 'guess';
}

/** The encoding of a .dbf, from its .cpg if there is one. */
export function dbfEncoding(dbf: Uint8Array, cpg?: string): DbfEncoding {
  const named = cpg
    ?.trim()
    .toLowerCase()
    .replace(/^ansi\s+/, '');
  if (named) {
    const label = CPG[named] ?? (/^\d+$/.test(named) ? `windows-${named}` : named);
    if (decoderExists(label)) return { label, from: 'cpg' };
  }
  const driver = LDID[dbf[29] ?? 0];
  if (driver && decoderExists(driver)) return { label: driver, from: 'language driver' };
  // The records follow the header; its length is bytes 8–9.
  const start = (dbf[8] ?? 0) | ((dbf[9] ?? 0) << 8);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(start));
    return { label: 'utf-8', from: 'guess' };
  } catch {
    return decoderExists('gbk')
      ? { label: 'gbk', from: 'guess' }
      : { label: 'utf-8', from: 'guess' };
  }
}
