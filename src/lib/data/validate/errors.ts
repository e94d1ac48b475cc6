/** Validation problems: their shape, their one-line form, and valibot issues turned into them. */
import type * as v from 'valibot';

/** One problem, located well enough to fix: file, feature id and field path (null when n/a). */
export interface ValidationError {
  file: string;
  id: string | null;
  field: string | null;
  message: string;
}

/** Reports one problem of the feature being checked, at `field` (null for the whole feature). */
export type AddProblem = (field: string | null, message: string) => void;

export function formatError(e: ValidationError): string {
  return [e.file, e.id, e.field, e.message].filter((part) => part !== null).join(': ');
}

export function err(
  file: string,
  id: string | null,
  field: string | null,
  message: string,
): ValidationError {
  return { file, id, field, message };
}

/** valibot issue path → `figures[2].quote`; `properties.` is dropped as nearly every field is one. */
function fieldOf(path: readonly { key: unknown }[] | undefined, prefix = ''): string | null {
  if (!path || path.length === 0) return prefix || null;
  let keys = path.map((p) => p.key);
  if (keys[0] === 'properties') keys = keys.slice(1);
  else if (keys[0] === 'id' || keys[0] === 'type') keys = ['feature', ...keys];
  let out = prefix;
  for (const k of keys) {
    out += typeof k === 'number' ? `[${k}]` : out === '' ? String(k) : `.${String(k)}`;
  }
  return out || null;
}

export function schemaErrors(
  issues: readonly v.BaseIssue<unknown>[],
  file: string,
  id: string | null,
  prefix = '',
): ValidationError[] {
  return issues.map((issue) =>
    err(
      file,
      id,
      fieldOf(issue.path as { key: unknown }[] | undefined, prefix),
      `schema: ${issue.message}`,
    ),
  );
}
