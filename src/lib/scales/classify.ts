// d3-scale and the palettes load with the first colouring by value (scale-lib.ts).
import { scaleLib } from './scale-lib.ts';
import { clusters } from './natural-breaks.ts';
import type { ExpressionSpecification } from 'maplibre-gl';
import { MAX_CLASSES, MIN_CLASSES, type ClassMethod, type SchemeName } from '../state/view.ts';

// The class range and scheme names belong to the view (a link carries them); re-exported for the
// code that reads them next to the palettes.
export { MAX_CLASSES, MIN_CLASSES, type SchemeName };

export const NO_DATA_COLOR = '#d9d9d9';

export interface Classification {
  method: ClassMethod;
  /**
   * Thresholds between classes, ascending: a value v is in class i where i is the number of
   * thresholds ≤ v (MapLibre `step` semantics). There are `classes - 1` of them, each inside
   * (min, max]: a break outside the values would make a class that can hold none of them.
   */
  thresholds: number[];
  colors: string[];
  /** Per class, the smallest and largest of the classified values in it; null for an empty class. */
  extents: ([number, number] | null)[];
  min: number;
  max: number;
}

/**
 * A class as the legend says it: the values v with `from ≤ v ≤ to` — the values the class holds —
 * or, for a class that holds none (equal intervals, manual breaks), the range it would hold,
 * `from ≤ v < to` (`open`). Entries never overlap: each value is in exactly one.
 */
export interface LegendEntry {
  color: string;
  from: number;
  to: number;
  open?: boolean;
  count: number;
}

const clampClasses = (k: number) => Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(k)));

/**
 * Thresholds for one method; fewer distinct values than classes gives fewer classes. Only
 * thresholds inside (min, max] are kept, and for quantiles and natural breaks only those that
 * leave no class empty: a class with nothing in it is a phantom in the legend.
 */
export function thresholds(
  values: number[],
  method: ClassMethod,
  classes: number,
  manual: number[] = [],
): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const k = clampClasses(classes);
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  const inside = (t: number) => t > min && t <= max;
  if (method === 'manual') {
    return [...new Set(manual.filter(Number.isFinite))]
      .sort((a, b) => a - b)
      .filter(inside)
      .slice(0, MAX_CLASSES - 1);
  }
  if (min === max) return [];
  // Quantiles and clusters cannot make more classes than there are distinct values.
  const n = method === 'equal' ? k : Math.min(k, new Set(sorted).size);
  if (method === 'equal') {
    // A range too small for the floats (subnormal) rounds steps onto min or onto each other:
    // those would be classes that hold nothing, so they are dropped.
    const steps = Array.from({ length: n - 1 }, (_, i) => min + ((i + 1) * (max - min)) / n);
    return steps.filter((t, i) => inside(t) && t !== steps[i - 1]);
  }
  const raw =
    method === 'quantile'
      ? scaleLib()
          .scaleQuantile<number>()
          .domain(sorted)
          .range(Array.from({ length: n }, (_, i) => i))
          .quantiles()
      : // Each threshold is the smallest value of the next cluster: clusters map onto classes.
        clusters(sorted, n)
          .slice(1)
          .map((cluster) => cluster[0] as number);
  // Keep a threshold only when some value lies between it and the one kept before.
  const out: number[] = [];
  let i = 0;
  for (const t of raw) {
    if (!inside(t) || t === out.at(-1)) continue;
    let any = false;
    while (i < sorted.length && (sorted[i] as number) < t) [i, any] = [i + 1, true];
    if (any) out.push(t);
  }
  return out;
}

/** Classifies the values and picks the scheme's colours for the resulting number of classes. */
export function classify(
  values: number[],
  method: ClassMethod,
  classes: number,
  scheme: SchemeName = 'Blues',
  manual: number[] = [],
): Classification {
  const finite = values.filter(Number.isFinite);
  const t = thresholds(finite, method, classes, manual);
  const k = Math.max(MIN_CLASSES, t.length + 1);
  const palettes = scaleLib().schemes[scheme];
  const palette = palettes[Math.min(MAX_CLASSES, k)] ?? palettes[MIN_CLASSES] ?? [];
  // With fewer than 3 classes, take the darker end of the 3-class scheme so colours stay distinct.
  // No values, no classes: everything is no data.
  const colors = finite.length ? palette.slice(palette.length - (t.length + 1)) : [];
  const c: Classification = {
    method,
    thresholds: t,
    colors: [...colors],
    extents: [],
    min: NaN,
    max: NaN,
  };
  const classOf = classifier(c);
  const extents: ([number, number] | null)[] = colors.map(() => null);
  // A loop, not Math.min(...finite): spreading 600,000 values overflows the call stack.
  for (const v of finite) {
    if (!(v >= c.min)) c.min = v;
    if (!(v <= c.max)) c.max = v;
    const i = classOf(v);
    const e = extents[i];
    if (!e) extents[i] = [v, v];
    else if (v < e[0]) e[0] = v;
    else if (v > e[1]) e[1] = v;
  }
  c.extents = extents;
  return c;
}

/** A function from a value to the index of its class (built once, for many values). */
export function classifier(
  c: Pick<Classification, 'thresholds' | 'colors'>,
): (value: number) => number {
  return scaleLib()
    .scaleThreshold<number, number>()
    .domain(c.thresholds)
    .range(c.colors.map((_, i) => i));
}

/** The legend: each class's range and how many of the values fall in it, plus the no-data count. */
export function legend(
  c: Classification,
  values: (number | null | undefined)[],
): { entries: LegendEntry[]; noData: number } {
  const counts = c.colors.map(() => 0);
  const classOf = classifier(c);
  let noData = 0;
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v) || counts.length === 0) noData++;
    else counts[classOf(v)]!++;
  }
  const entries = c.colors.map((color, i): LegendEntry => {
    const count = counts[i] ?? 0;
    const extent = c.extents[i];
    if (extent) return { color, from: extent[0], to: extent[1], count };
    // Empty: the first and last classes hold min and max, so both bounds are thresholds.
    const [from, to] = [c.thresholds[i - 1] ?? c.min, c.thresholds[i] ?? c.max];
    return { color, from, to, open: true, count };
  });
  return { entries, noData };
}

/** A legend entry's range as text: "53.5", "10 – 20", or "20 – <30" for an empty class's range. */
export function rangeLabel(e: LegendEntry, fmt: (n: number) => string): string {
  const [a, b] = [fmt(e.from), fmt(e.to)];
  return e.open ? `${a} – <${b}` : a === b ? a : `${a} – ${b}`;
}

/**
 * The MapLibre colour expression for a classification: a `step` on the value, and the no-data
 * colour where the value is missing. `value` reads the number (e.g. ['get', 'fixed_asset_investment']).
 */
export function colorExpression(
  c: Classification,
  value: ExpressionSpecification,
): ExpressionSpecification {
  const [first, ...rest] = c.colors;
  const step: unknown[] = ['step', ['to-number', value], first ?? NO_DATA_COLOR];
  rest.forEach((color, i) => step.push(c.thresholds[i], color));
  const colored = (
    c.thresholds.length === 0 ? (first ?? NO_DATA_COLOR) : step
  ) as ExpressionSpecification;
  return ['case', ['==', ['typeof', value], 'number'], colored, NO_DATA_COLOR];
}
