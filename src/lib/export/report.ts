/** The whole import report as CSV: every issue, not only the 50 the screen lists. */
import { toCsv } from './csv.ts';

/** What an import issue says (src/lib/import/types.ts ImportIssue), as the report needs it. */
export interface ReportedIssue {
  file: string;
  where: string;
  code: string;
  rejected: boolean;
  en: string;
  zh: string;
}

export function reportCsv(issues: readonly ReportedIssue[]): string {
  return toCsv(
    ['file', 'where', 'code', 'loaded', 'message_zh', 'message_en'],
    issues.map((i) => [i.file, i.where, i.code, i.rejected ? 'no' : 'yes', i.zh, i.en]),
  );
}
