import { describe, expect, it } from 'vitest';
import { KINDS, STATUSES } from '../../../src/lib/data/schema.ts';
import { kindKey, statusKey } from '../../../src/lib/format/labels.ts';
import { en } from '../../../src/lib/i18n/en.ts';
import { zh } from '../../../src/lib/i18n/zh.ts';

describe('kind and status labels', () => {
  it('gives every kind and status its own translated text', () => {
    const kinds = KINDS.map((k) => en[kindKey(k)]);
    const statuses = STATUSES.map((s) => zh[statusKey(s)]);
    expect(new Set(kinds).size).toBe(KINDS.length);
    expect(new Set(statuses).size).toBe(STATUSES.length);
    expect(en[statusKey('under_construction')]).toBe('Under construction');
  });
});
