/**
 * The layering of src/ as scripts/layers.js states it, checked on the real import graph: every
 * relative import is resolved to the file it names, and the layers it joins must be allowed.
 * ESLint reports the same as you type; this test is what CI cannot skip.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { layerOf, layers } from '../scripts/layers.js';

const src = fileURLToPath(new URL('../src/', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

/** Every relative import (static or dynamic) of a file, resolved to a path relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"?]+)/g)];
  return specifiers
    .map((m) => relative(src, normalize(join(dirname(file), m[1] as string))))
    .filter((p) => !p.startsWith('..'));
}

const graph = filesUnder(src).map((file) => ({
  file: relative(src, file),
  imports: importsOf(file),
}));

describe('the layers of src/', () => {
  it('finds the files and their imports (the test reads what is there)', () => {
    expect(graph.length).toBeGreaterThan(60);
    const atlas = graph.find((g) => g.file === 'app/atlas.ts');
    expect(atlas?.imports).toContain('lib/source/open.ts');
  });

  it('every import goes where scripts/layers.js allows', () => {
    const wrong = graph.flatMap(({ file, imports }) => {
      const from = layerOf(file);
      return imports
        .map((target) => ({ target, to: layerOf(target) }))
        .filter(({ to }) => to !== from && !(layers[from] ?? []).includes(to))
        .filter(({ to }) => !(from === 'lib/source' && to === 'lib/source/types'))
        .map(({ target, to }) => `${file} (${from}) → ${target} (${to})`);
    });
    expect(wrong).toEqual([]);
  });

  it('layers import each other in one direction only: no cycle', () => {
    const edges = new Map<string, Set<string>>();
    for (const { file, imports } of graph) {
      const from = layerOf(file);
      for (const target of imports) {
        const to = layerOf(target);
        // A folder and its own single-module key are one layer seen from outside.
        if (to !== from && !to.startsWith(`${from}/`) && !from.startsWith(`${to}/`))
          (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
      }
    }
    const cycles: string[] = [];
    const walk = (node: string, path: string[]) => {
      if (path.includes(node)) return void cycles.push([...path, node].join(' → '));
      for (const next of edges.get(node) ?? []) walk(next, [...path, node]);
    };
    for (const node of edges.keys()) walk(node, []);
    expect(cycles).toEqual([]);
  });

  it('only src/lib/map/ runs MapLibre code (others may name its types)', () => {
    const runs = graph
      .filter(({ file }) => !file.startsWith('lib/map/'))
      .filter(({ file }) =>
        /^import (?!type)[^;]*from 'maplibre-gl'/m.test(readFileSync(join(src, file), 'utf8')),
      )
      .map(({ file }) => file);
    expect(runs).toEqual([]);
  });
});
