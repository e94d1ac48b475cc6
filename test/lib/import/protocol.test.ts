import { describe, expect, it } from 'vitest';
import { drawingFits, drawnFields, PLAIN_STYLE } from '../../../src/lib/import/protocol.ts';

describe('whether a style needs a new drawing from the worker', () => {
  const byLevel = (values: string[]) => ({ colorBy: '投资', filter: { field: '级别', values } });
  const drawn = drawnFields(byLevel(['省级']));

  it('draws other categories of the same field from the drawing the map has', () => {
    expect(drawn).toEqual({ colorBy: '投资', category: '级别' });
    expect(drawingFits(drawn, byLevel([]))).toBe(true);
    expect(drawingFits(drawn, byLevel(['省级', '市级']))).toBe(true);
    // Filtering switched off: every feature shown, whatever category it carries.
    expect(drawingFits(drawn, { colorBy: '投资', filter: null })).toBe(true);
  });

  it('asks for one when the colours or the filter’s field change', () => {
    expect(drawingFits(drawn, { ...byLevel(['省级']), colorBy: null })).toBe(false);
    expect(drawingFits(drawn, { colorBy: '投资', filter: { field: '类型', values: [] } })).toBe(
      false,
    );
    // A plain drawing carries no categories: the first filter needs them.
    expect(
      drawingFits(drawnFields(PLAIN_STYLE), { colorBy: null, filter: byLevel([]).filter }),
    ).toBe(false);
    expect(drawingFits(drawnFields(PLAIN_STYLE), PLAIN_STYLE)).toBe(true);
  });
});
