/** The whole import report as CSV: every issue, not only the 50 the screen lists. */
import type { ImportIssue } from '../import/types.ts';
import { toCsv } from './csv.ts';

export function reportCsv(issues: readonly ImportIssue[]): string {
  return toCsv(
    ['file', 'where', 'code', 'loaded', 'message_zh', 'message_en'],
    issues.map((i) => [i.file, i.where, i.code, i.rejected ? 'no' : 'yes', i.zh, i.en]),
  );
}
