/**
 * A file's properties as the app keeps them: flat values (text, number, true/false, empty) under
 * the file's own keys. Objects and arrays become their JSON text, so every value can be shown,
 * searched and written to CSV alike. Keys are copied onto an object without a prototype, then
 * onto a plain one with defineProperty: a `__proto__` or `constructor` key is just a key.
 */
export type PropertyValue = string | number | boolean | null;
export type FlatProperties = Record<string, PropertyValue>;

/** JSON deeper than this is not kept (a file built to exhaust the stack, not a real record). */
const MAX_VALUE_DEPTH = 32;

function depthWithin(value: unknown, max: number): boolean {
  // Iterative: a hostile value must not overflow the stack it is measured on.
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (d >= max) return false;
    for (const inner of Object.values(v)) stack.push([inner, d + 1]);
  }
  return true;
}

export interface FlattenResult {
  properties: FlatProperties;
  /** Keys whose values were too deeply nested to keep. */
  dropped: string[];
}

/** The flat value of one property, or `dropped` when it is nested too deeply to keep. */
function flatValue(value: unknown): PropertyValue | typeof DROPPED {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'object')
    return depthWithin(value, MAX_VALUE_DEPTH) ? JSON.stringify(value) : DROPPED;
  return String(value);
}

const DROPPED = Symbol('dropped');

export function flattenProperties(raw: Record<string, unknown> | null | undefined): FlattenResult {
  // Straight onto the plain object (one per feature, not two: #16's 592,000 rows).
  const properties: FlatProperties = {};
  const dropped: string[] = [];
  if (!raw) return { properties, dropped };
  for (const key of Object.keys(raw)) {
    const value = flatValue(raw[key]);
    if (value === DROPPED) dropped.push(key);
    else setFlat(properties, key, value);
  }
  return { properties, dropped };
}

/** Only `__proto__` is a setter on a plain object; any other key assigned is an own property. */
function setFlat(out: FlatProperties, key: string, value: PropertyValue): void {
  if (key === '__proto__')
    Object.defineProperty(out, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else out[key] = value;
}

/** A plain object (structured-clone and JSON friendly) with the same own keys, set safely. */
export function plain(values: FlatProperties): FlatProperties {
  const out: FlatProperties = {};
  for (const key of Object.keys(values)) setFlat(out, key, values[key] ?? null);
  return out;
}
