/**
 * The schema's building blocks (ids, names, document names, dates), shared by ./schema.ts and
 * kept apart so that it stays within its length.
 */
import * as v from 'valibot';

/** Stable ASCII kebab-case id: it ends up in URLs, so no spaces, capitals or Chinese. */
export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SNAKE = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

/** Non-blank and not padded; checked rather than trimmed so that what is stored is what is shown. */
export const nonEmpty = v.pipe(
  v.string(),
  v.check((s) => s.trim() !== '', 'must not be empty'),
  v.check((s) => s === s.trim(), 'must not start or end with whitespace'),
);
export const kebabId = v.pipe(v.string(), v.regex(KEBAB, 'must be ASCII kebab-case'));
/** A file name in data/sources/, e.g. `000_3dd22fdc9e0e8f3b.txt`. */
export const docName = v.pipe(v.string(), v.regex(/^[^/\\]+\.txt$/, 'must be a .txt file name'));

/** `2017`, `2021-03` or `2021-03-05`. */
export const dateString = v.pipe(
  v.string(),
  v.regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY[-MM[-DD]]'),
);
