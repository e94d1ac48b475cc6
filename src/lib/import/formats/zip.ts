/**
 * Reading a zip's entries with but-unzip, the unzipper shpjs itself depends on. shpjs's own zip
 * path is not used: it reprojects with the .prj (the pipeline converts, once, in crs.ts) and
 * fails the whole archive on a .prj proj4 cannot parse.
 */
import { iter } from 'but-unzip';

/** "PK\x05\x06", the end-of-central-directory record every zip finishes with. */
const EOCD = [0x50, 0x4b, 0x05, 0x06];

/**
 * Whether the bytes end like a zip. Checked before but-unzip sees them: its backward search for
 * this record never ends on a file that starts with "PK" but lacks it (a truncated download).
 */
export function hasEndRecord(bytes: Uint8Array): boolean {
  // The record is 22 bytes plus a comment of at most 65 535.
  const stop = Math.max(0, bytes.length - 22 - 65535);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (EOCD.every((b, k) => bytes[i + k] === b)) return true;
  }
  return false;
}

export class ZipError extends Error {}

/**
 * The entries whose names pass `keep`, read, and every entry's name (to say what a zip holds
 * when it holds nothing useful); throws ZipError when the archive is damaged.
 */
export async function readZip(
  buffer: ArrayBuffer,
  keep: (name: string) => boolean,
): Promise<{ entries: Map<string, Uint8Array>; names: string[] }> {
  const bytes = new Uint8Array(buffer);
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ZipError('it is not a zip archive');
  if (!hasEndRecord(bytes)) throw new ZipError('the archive is incomplete (cut off?)');
  const entries = new Map<string, Uint8Array>();
  const names: string[] = [];
  try {
    for (const entry of iter(bytes)) {
      names.push(entry.filename);
      if (keep(entry.filename)) entries.set(entry.filename, await entry.read());
    }
  } catch (e) {
    throw new ZipError(`the archive is damaged (${e instanceof Error ? e.message : String(e)})`);
  }
  return { entries, names };
}
