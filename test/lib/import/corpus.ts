/** The import corpus (test/fixtures/import/cases.json), shared by the Node and Chromium runs. */
import { readFileSync } from 'node:fs';

export interface CorpusCase {
  files: string[];
  via: 'picker' | 'drop';
  /** Features that load, and rejected ones, when the file opens. */
  loaded?: number;
  rejected?: number;
  /** The issue code when the file cannot open at all. */
  failed?: string;
  /** Words the report must show (Chinese). */
  words: string[];
}

export const corpus: CorpusCase[] = JSON.parse(
  readFileSync(new URL('../../fixtures/import/cases.json', import.meta.url), 'utf8'),
).cases;
