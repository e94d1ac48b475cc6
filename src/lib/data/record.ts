/** A plain object (not null, not an array): what JSON objects are checked with before reading keys. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
