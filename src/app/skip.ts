/**
 * Skip links: from the top of the page straight to the map or the list. Not `href="#id"`
 * jumps: the hash is the page's link state, so a jump would rewrite the view's link.
 */

/** Where each skip link goes: the map's region (its canvas takes keys) and the park list. */
export const SKIP_TARGETS = { map: 'atlas-map', list: 'park-list' } as const;

/**
 * Moves focus to the element with `id`, or to the map canvas inside it (the canvas pans and
 * zooms with the arrow keys). Returns whether focus landed there (a hidden list cannot take it).
 */
export function skipTo(doc: Document, id: string): boolean {
  const target = doc.getElementById(id);
  if (!target) return false;
  const el = target.querySelector<HTMLElement>('canvas[tabindex]') ?? target;
  el.focus();
  return doc.activeElement === el;
}
