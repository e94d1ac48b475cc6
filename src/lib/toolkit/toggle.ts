/**
 * Choosing features for the comparison or the route. Apart from route.ts so the list (main
 * chunk) can take it without the distance code.
 */
/** Adds an id at the end, or removes it when it is there. */
export function toggle(list: readonly string[], id: string, max = Infinity): string[] {
  if (list.includes(id)) return list.filter((x) => x !== id);
  return list.length >= max ? [...list] : [...list, id];
}
