/**
 * Names a zone goes by besides its own: its county-level division's name today, from
 * data/divisions.json (德州经济技术开发区 is now 德州天衢新区, so 天衢新区 finds it). Loaded with
 * the search code, never on the first page load.
 */
import { zones } from '../../../data/divisions.json';
import type { SearchEntry } from './build.ts';

/** Zone id → its division's name. */
export const divisionNames: ReadonlyMap<string, string> = new Map(
  Object.entries(zones).map(([id, z]) => [id, z.name]),
);

/** The entries with their other names as aliases (`extra`), when they have any. */
export function withAliases(
  entries: readonly SearchEntry[],
  names: ReadonlyMap<string, string> = divisionNames,
): readonly SearchEntry[] {
  if (!entries.some((e) => names.has(e.id))) return entries;
  return entries.map((e) => {
    const name = names.get(e.id);
    if (name === undefined || name === e.name_zh || e.extra?.includes(name)) return e;
    return { ...e, extra: [...(e.extra ?? []), name] };
  });
}
