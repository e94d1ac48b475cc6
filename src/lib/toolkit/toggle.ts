/**
 * Choosing features for the comparison or the route. Apart from route.ts so the list (main
 * chunk) can take it without the distance code.
 */
import { MAX_COMPARE, MAX_ROUTE } from '../state/view.ts';

/** Adds an id at the end, or removes it when it is there. */
export function toggle(list: readonly string[], id: string, max = Infinity): string[] {
  if (list.includes(id)) return list.filter((x) => x !== id);
  return list.length >= max ? [...list] : [...list, id];
}

export type Tool = 'compare' | 'route';

/** Puts a feature into the comparison or the route, or takes it out (each up to its limit). */
export function toggleIn(
  app: { compare: string[]; route: string[] },
  tool: Tool,
  id: string,
): void {
  if (tool === 'compare') app.compare = toggle(app.compare, id, MAX_COMPARE);
  else app.route = toggle(app.route, id, MAX_ROUTE);
}
