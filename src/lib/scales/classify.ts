import { scaleQuantile, scaleThreshold } from 'd3-scale';
// d3-scale-chromatic's palettes, resolved at build time (scripts/vite/color-schemes.ts).
import colorSchemes from 'virtual:color-schemes';
import { ckmeans } from 'simple-statistics';
import type { ExpressionSpecification } from 'maplibre-gl';
import { MAX_CLASSES, MIN_CLASSES, type ClassMethod, type SchemeName } from '../state/view.ts';

// The class range and scheme names belong to the view (a link carries them); re-exported for the
// code that reads them next to the palettes.
export { MAX_CLASSES, MIN_CLASSES, type SchemeName };

/** Palettes by number of classes (3–9; lower indices are empty, as in d3). */
type Palettes = readonly (readonly string[])[];

/**
 * Sequential, colour-blind-safe ColorBrewer schemes (one hue, or yellow→blue/red), 3–9 classes.
 * Typed by the view's scheme names, so a name without palettes does not compile.
 */
export const SCHEMES: Readonly<Record<SchemeName, Palettes>> = colorSchemes;
export const NO_DATA_COLOR = '#d9d9d9';

export interface Classification {
  method: ClassMethod;
  /**
   * Thresholds between classes, ascending: a value v is in class i where i is the number of
   * thresholds ≤ v (MapLibre `step` semantics). There are `classes - 1` of them.
   */
  thresholds: number[];
  colors: string[];
  min: number;
  max: number;
}

export interface LegendEntry {
  color: string;
  /** Lower and upper bound of the values the class can hold (inclusive lower, exclusive upper but for the last). */
  from: number;
  to: number;
  count: number;
}

const clampClasses = (k: number) => Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(k)));

/** Thresholds for one method; fewer distinct values than classes gives fewer classes. */
export function thresholds(
  values: number[],
  method: ClassMethod,
  classes: number,
  manual: number[] = [],
): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const k = clampClasses(classes);
  if (method === 'manual') {
    return [...new Set(manual.filter(Number.isFinite))]
      .sort((a, b) => a - b)
      .slice(0, MAX_CLASSES - 1);
  }
  if (sorted.length === 0) return [];
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  if (min === max) return [];
  // Quantiles and clusters cannot make more classes than there are distinct values.
  const n = method === 'equal' ? k : Math.min(k, new Set(sorted).size);
  switch (method) {
    case 'equal':
      return Array.from({ length: n - 1 }, (_, i) => min + ((i + 1) * (max - min)) / n);
    case 'quantile':
      return dedupe(
        scaleQuantile<number>()
          .domain(sorted)
          .range(Array.from({ length: n }, (_, i) => i))
          .quantiles(),
      );
    case 'jenks':
      // Each threshold is the smallest value of the next cluster, so clusters map onto classes exactly.
      return ckmeans(sorted, n)
        .slice(1)
        .map((cluster) => cluster[0] as number);
  }
}

function dedupe(xs: number[]): number[] {
  return xs.filter((x, i) => i === 0 || x !== xs[i - 1]);
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
  const palette = SCHEMES[scheme][Math.min(MAX_CLASSES, k)] ?? SCHEMES[scheme][MIN_CLASSES] ?? [];
  // With fewer than 3 classes, take the darker end of the 3-class scheme so colours stay distinct.
  const colors = palette.slice(palette.length - (t.length + 1));
  // A loop, not Math.min(...finite): spreading 600,000 values overflows the call stack.
  let [min, max] = [NaN, NaN];
  for (const v of finite) {
    if (!(v >= min)) min = v;
    if (!(v <= max)) max = v;
  }
  return {
    method,
    thresholds: t,
    colors: [...colors],
    min,
    max,
  };
}

/** A function from a value to the index of its class (built once, for many values). */
export function classifier(c: Classification): (value: number) => number {
  return scaleThreshold<number, number>()
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
    if (typeof v !== 'number' || !Number.isFinite(v)) noData++;
    else counts[classOf(v)]!++;
  }
  const bounds = [c.min, ...c.thresholds, c.max];
  const entries = c.colors.map((color, i) => ({
    color,
    from: i === 0 ? Math.min(c.min, c.thresholds[0] ?? c.min) : (bounds[i] as number),
    to:
      i === c.colors.length - 1
        ? Math.max(c.max, c.thresholds.at(-1) ?? c.max)
        : (bounds[i + 1] as number),
    count: counts[i] ?? 0,
  }));
  return { entries, noData };
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
