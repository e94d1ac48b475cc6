import { describe, expect, it } from 'vitest';
import { unitIn, withUnit } from '../../../src/lib/format/figures.ts';

describe('units in one language (#15 point 20)', () => {
  it('names a field in English without its Chinese unit', () => {
    expect(withUnit('Fixed-asset investment', '亿元', 'en')).toBe(
      'Fixed-asset investment (100 million CNY)',
    );
    expect(withUnit('Floor area', '平方米', 'en')).toBe('Floor area (m²)');
    expect(withUnit('固定资产投资', '亿元', 'zh')).toBe('固定资产投资 (亿元)');
  });
  it('drops a Chinese counter in English: the label says what is counted', () => {
    for (const counter of ['家', '类', '个', '件']) expect(unitIn(counter, 'en')).toBe('');
    expect(withUnit('Valid invention patents', '件', 'en')).toBe('Valid invention patents');
    expect(unitIn('家', 'zh')).toBe('家');
    expect(unitIn('%', 'en')).toBe('%');
  });
});
