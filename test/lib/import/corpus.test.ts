import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/lib/import/pipeline.ts';
import { corpus } from './corpus.ts';
import { fixtureFile } from './fixture.ts';

describe('the import corpus, through the pipeline the worker runs', () => {
  it.each(corpus.map((c) => [c.files.join(' + '), c] as const))('%s', async (_, c) => {
    const out = await runImport(
      c.files.map((f) => fixtureFile(f)),
      { crs: 'auto', idPrefix: 'c' },
    );
    const said = [
      ...out.failed.map((f) => f.zh),
      ...out.layers.flatMap((l) => [l.crs.zh, ...l.issues.map((i) => i.zh)]),
    ].join('\n');
    if (c.failed) {
      expect(out.layers).toEqual([]);
      expect(out.failed.map((f) => f.code)).toEqual([c.failed]);
    } else {
      expect(out.failed).toEqual([]);
      expect(out.layers[0]?.features.length).toBe(c.loaded);
      expect(out.layers[0]?.rejected).toBe(c.rejected);
    }
    for (const word of c.words) expect(said).toContain(word);
  });
});
