/** A document's text cut around a passage, for the reader to show it highlighted (as text). */
export interface PassageParts {
  before: string;
  passage: string;
  after: string;
}

/**
 * The text before, inside and after `range` ([start, end) UTF-16 offsets); null when there is no
 * range or it does not lie inside the text (a link from a text that has since changed).
 */
export function splitPassage(
  text: string,
  range: readonly [number, number] | null,
): PassageParts | null {
  if (!range) return null;
  const [start, end] = range;
  if (!(start >= 0 && start < end && end <= text.length)) return null;
  return { before: text.slice(0, start), passage: text.slice(start, end), after: text.slice(end) };
}
