/**
 * CSV as Excel opens it: UTF-8 with a byte-order mark (without one, Chinese Excel reads the
 * bytes as GBK and shows mojibake), CRLF line ends, every field quoted when it must be. A value
 * starting with = + - @ is prefixed with ' so a spreadsheet shows it instead of running it.
 */
export const BOM = '\uFEFF';

function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines = [header.map(field).join(',')];
  for (const row of rows) lines.push(row.map(field).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
