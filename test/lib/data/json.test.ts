import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/lib/data/errors.ts';
import { fetchJson, parseJson } from '../../../src/lib/data/json.ts';
import { lineColumn } from '../../../src/lib/data/json-errors.ts';

async function issueOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof DataError) return e.message;
    throw e;
  }
  throw new Error('did not throw');
}

describe('parseJson', () => {
  it('parses valid JSON', async () => {
    expect(await parseJson('{"a":[1,2]}', 'x.json')).toEqual({ a: [1, 2] });
  });

  it('names the file, line and column of a syntax error', async () => {
    const msg = await issueOf(() => parseJson('{\n  "a": 1,\n  "b": ]\n}', 'parks.geojson'));
    expect(msg).toMatch(/^parks\.geojson: not valid JSON at line 3, column 8/);
  });

  it('says when a file is cut off or empty', async () => {
    expect(await issueOf(() => parseJson('{"type": "Feature', 'cut.json'))).toMatch(
      /cut\.json: not valid JSON/,
    );
    expect(await issueOf(() => parseJson('   ', 'empty.json'))).toMatch(/empty/);
  });
});

describe('parseJson on hostile input', () => {
  it('says 100,000 unclosed brackets are too deep instead of overflowing the stack', async () => {
    const message = await issueOf(() => parseJson('['.repeat(100_000), 'deep.json'));
    expect(message).toContain('deep.json');
    expect(message).not.toContain('RangeError');
    expect(message).toMatch(/cut off|nested too deeply/);
  });
});

describe('lineColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('fetchJson', () => {
  const respond = (body: string, init?: ResponseInit): typeof fetch =>
    (() => Promise.resolve(new Response(body, init))) as typeof fetch;

  it('reports HTTP errors with the URL', async () => {
    await expect(
      fetchJson('/data/x.json', { fetchImpl: respond('', { status: 404 }) }),
    ).rejects.toThrow(/\/data\/x\.json: HTTP 404/);
  });

  it('refuses a file larger than the limit before parsing it', async () => {
    const big = respond('[' + '0,'.repeat(600) + '0]');
    await expect(fetchJson('big.json', { fetchImpl: big, maxBytes: 1000 })).rejects.toThrow(
      /larger than/,
    );
  });

  it('reports a network failure instead of throwing a bare TypeError', async () => {
    const down = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    await expect(fetchJson('x.json', { fetchImpl: down })).rejects.toBeInstanceOf(DataError);
  });
});
