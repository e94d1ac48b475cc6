/** One woff2 file of a font split by unicode-range, as @fontsource ships it. */
export interface FontChunk {
  file: string;
  /** CSS unicode-range items, e.g. ["U+4e00-4e3f", "U+20"]. */
  ranges: string[];
}

/** Reads the @font-face blocks of a @fontsource CSS file: woff2 file name and unicode-range. */
export function parseFontsourceCss(css: string): FontChunk[] {
  const chunks: FontChunk[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    chunks.push({ file, ranges: range.split(',').map((r) => r.trim()) });
  }
  return chunks;
}

/** CSS @font-face rules for the chunks, with URLs relative to the CSS file itself. */
export function fontFaceCss(family: string, chunks: readonly FontChunk[]): string {
  return chunks
    .map(
      (c) =>
        `@font-face{font-family:'${family}';font-style:normal;font-weight:400;font-display:swap;` +
        `src:url(./${c.file}) format('woff2');unicode-range:${c.ranges.join(',')}}`,
    )
    .join('\n');
}
