/**
 * Copies the Noto Sans SC (weight 400) woff2 unicode-range chunks from @fontsource into
 * public/fonts/ and writes the chunk index the map style's `font-faces` needs, so labels in
 * Chinese and Latin render with no request to any other host (TECH-NOTES: "Labels with no
 * network"). MapLibre fetches only the chunks that the visible labels use.
 *
 * Run: npm run data:fonts (output is committed; re-run after upgrading @fontsource/noto-sans-sc).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fontFaceCss, parseFontsourceCss } from '../src/lib/map/font-index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'node_modules/@fontsource/noto-sans-sc');
const outDir = join(root, 'public/fonts/noto-sans-sc');

const chunks = parseFontsourceCss(readFileSync(join(pkg, '400.css'), 'utf8'));
mkdirSync(outDir, { recursive: true });
for (const chunk of chunks) copyFileSync(join(pkg, 'files', chunk.file), join(outDir, chunk.file));
const version = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string })
  .version;
// Fetched at start-up rather than bundled: the range list is ~100 KB and JS size has a budget.
writeFileSync(
  join(outDir, 'index.json'),
  JSON.stringify({
    family: 'Noto Sans SC',
    source: `@fontsource/noto-sans-sc@${version} (OFL-1.1)`,
    chunks,
  }) + '\n',
);
// The page's own text (panels, buttons) uses the same files: no system CJK font is assumed.
writeFileSync(join(outDir, 'font.css'), fontFaceCss('Noto Sans SC', chunks));
copyFileSync(join(pkg, 'LICENSE'), join(outDir, 'LICENSE'));
console.log(`${chunks.length} font chunks written to ${outDir}`);
