/** Reads manual class breaks typed as "10, 50, 100" (also 、，; or spaces); null unless ascending finite numbers. */
export function parseBreaks(text: string): number[] | null {
  const parts = text
    .split(/[\s,，、;；]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return [];
  const numbers = parts.map(Number);
  if (numbers.some((n) => !Number.isFinite(n))) return null;
  return numbers.every((n, i) => i === 0 || n > (numbers[i - 1] as number)) ? numbers : null;
}
