/** Ordering of the list view; pure so the collation rules can be tested without a browser. */
import type { Lang, SortKey } from '../state/view.ts';

/** One row of the list view, already in the current language (built by the app). */
export interface ListItem {
  id: string;
  /** Name in the current language: the button's accessible name starts with it. */
  name: string;
  /** Name in the other language, shown smaller. */
  secondaryName: string;
  kind: string;
  kindLabel: string;
  /** The number the value sort uses (e.g. the active choropleth field); null when absent. */
  value: number | null;
  valueLabel: string | null;
}

type Sortable = Pick<ListItem, 'id' | 'name' | 'value'>;

const collators = new Map<Lang, Intl.Collator>();

/**
 * zh-Hans-CN collates Chinese by pinyin (德州 < 菏泽 < 济宁 < 胶州) rather than by code point;
 * `numeric` puts "2号楼" before "10号楼".
 */
export function nameCollator(lang: Lang): Intl.Collator {
  let collator = collators.get(lang);
  if (!collator) {
    collator = new Intl.Collator(lang === 'zh' ? 'zh-Hans-CN' : 'en', { numeric: true });
    collators.set(lang, collator);
  }
  return collator;
}

/** A number worth ranking; NaN and ±Infinity count as missing, like null. */
function rankable(value: number | null): value is number {
  return value !== null && Number.isFinite(value);
}

/**
 * A sorted copy of `items` (the input is not touched).
 * - `name`: by name in the language's collation, ties by id so the order is stable across renders.
 * - `value`: largest first, items without a value last (in name order), ties by name.
 */
export function sortItems<T extends Sortable>(items: readonly T[], sort: SortKey, lang: Lang): T[] {
  const collator = nameCollator(lang);
  const byName = (a: T, b: T): number =>
    collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (sort === 'name') return [...items].sort(byName);
  return [...items].sort((a, b) => {
    const va = rankable(a.value) ? a.value : null;
    const vb = rankable(b.value) ? b.value : null;
    if (va === null && vb === null) return byName(a, b);
    if (va === null) return 1;
    if (vb === null) return -1;
    return vb - va || byName(a, b);
  });
}

/**
 * Indices of `items` in list order (sortItems' rules). The rows themselves are built only for
 * what is shown (firstShown), so 100,000 features keep 400 KB of order, not 100,000 row objects.
 */
export function sortedOrder(items: readonly Sortable[], sort: SortKey, lang: Lang): Uint32Array {
  const keyed = items.map((item, index) => ({
    id: item.id,
    name: item.name,
    value: item.value,
    index,
  }));
  return Uint32Array.from(sortItems(keyed, sort, lang), (k) => k.index);
}

/** The first `limit` indices of `order` whose flag is set. */
export function firstShown(
  order: ArrayLike<number>,
  shown: ArrayLike<number>,
  limit: number,
): number[] {
  const out: number[] = [];
  for (let k = 0; k < order.length && out.length < limit; k++) {
    const i = order[k] as number;
    if (shown[i]) out.push(i);
  }
  return out;
}
