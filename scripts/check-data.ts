/**
 * `npm run data:check`: validates everything in data/ (see data/README.md) and prints one line per
 * problem, then feature counts per zone and kind. Exits 1 when anything is wrong.
 *
 * A thin wrapper: it reads files; the checks are in src/lib/data/validate/.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import {
  formatError,
  formatSummary,
  summarize,
  validate,
  type BasemapDistricts,
  type ValidateInput,
  type ZoneFileInput,
} from '../src/lib/data/validate/index.ts';

export const BASEMAP_FILE = 'data/basemap/shandong.topo.json';
export const PLACES_FILE = 'data/places/towns.json';

export interface Dataset {
  input: ValidateInput;
  /** Why a check was skipped, e.g. the basemap has not been built yet. */
  warnings: string[];
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** Reads data/ under `root` into validate()'s input; file names in messages are relative to root. */
export function readDataset(root: string): Dataset {
  const rel = (p: string): string => relative(root, p).split('\\').join('/');
  const warnings: string[] = [];
  const zonesDir = join(root, 'data/zones');
  const zoneFiles: ZoneFileInput[] = readdirSync(zonesDir)
    .filter((name) => name.endsWith('.geojson'))
    .sort()
    .map((name) => {
      const path = join(zonesDir, name);
      try {
        return { file: rel(path), data: readJson(path) };
      } catch (e) {
        // Invalid JSON still gets reported by validate(), with the parser's message.
        warnings.push(`${rel(path)}: ${(e as Error).message}`);
        return { file: rel(path), data: null };
      }
    });

  const sourcesDir = join(root, 'data/sources');
  const sources: Record<string, string> = {};
  for (const name of readdirSync(sourcesDir).filter((n) => n.endsWith('.txt'))) {
    sources[name] = readFileSync(join(sourcesDir, name), 'utf8');
  }

  const basemapPath = join(root, BASEMAP_FILE);
  let basemap: BasemapDistricts | undefined;
  if (existsSync(basemapPath)) {
    const topo = readJson(basemapPath) as Topology<{ districts: GeometryCollection }>;
    basemap = feature(topo, topo.objects.districts) as BasemapDistricts;
  } else {
    warnings.push(
      `${BASEMAP_FILE} not found (run npm run data:basemap): skipped the check that each zone lies inside its districts`,
    );
  }

  const divisionsPath = join(root, 'data/divisions.json');
  const documentsPath = join(sourcesDir, 'documents.json');
  const placesPath = join(root, PLACES_FILE);
  return {
    input: {
      zoneFiles,
      sources,
      industries: readJson(join(root, 'data/industries.json')),
      divisions: existsSync(divisionsPath) ? readJson(divisionsPath) : undefined,
      places: existsSync(placesPath) ? readJson(placesPath) : undefined,
      documents: existsSync(documentsPath) ? readJson(documentsPath) : undefined,
      basemap,
    },
    warnings,
  };
}

function main(): number {
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
  const { input, warnings } = readDataset(root);
  for (const w of warnings) console.warn(`warning: ${w}`);
  const errors = validate(input);
  for (const e of errors) console.error(formatError(e));
  console.log(formatSummary(summarize(input.zoneFiles)));
  console.log(errors.length === 0 ? 'data: OK' : `data: ${errors.length} error(s)`);
  return errors.length === 0 ? 0 : 1;
}

// Run only as a script, so tests can import readDataset().
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main();
}
