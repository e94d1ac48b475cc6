/**
 * The only values from a file that become links: absolute http and https URLs. `javascript:`,
 * `data:` and everything else stay text, however they are spelled.
 */
export function safeHref(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (!/^https?:\/\//i.test(s)) return null;
  try {
    const url = new URL(s);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
