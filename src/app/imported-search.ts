/**
 * Search over imported features, with the page's search engine (pinyin included): the names of
 * layers small enough to send them (NAMES_SENT_UP_TO), indexed again only when the layers change.
 */
import type { SearchEngine, Searcher } from '../lib/search/load.ts';
import type { SearchEntry } from '../lib/search/index.ts';
import type { UserHit } from '../lib/map/user-layers.ts';
import { scanNames, textOfCodes } from '../lib/import/name-text.ts';

/** What search needs of an imported layer (imports.svelte.ts NamedLayer). */
interface NamedLayer {
  summary: { id: string; names: [string, string][] | null; nameText?: Uint16Array | null };
  settings: { visible: boolean; title: string };
}

/** Marks a search option as an imported feature (dataset ids are kebab-case, never this). */
const HIT_PREFIX = 'imported:';
const SEP = '\u0000';

/** The search option that names an imported feature (Imports.chosen opens it). */
export const optionOf = (hit: { layer: string; id: string }) =>
  `${HIT_PREFIX}${hit.layer}${SEP}${hit.id}`;

/** The imported feature a search option names, or null for the dataset's own. */
export function hitOf(option: string): UserHit | null {
  if (!option.startsWith(HIT_PREFIX)) return null;
  const [layer = '', id = ''] = option.slice(HIT_PREFIX.length).split(SEP);
  return { layer, id };
}

interface Hit {
  layer: string;
  id: string;
  name: string;
  /** The layer's title. */
  title: string;
}

export class ImportedSearch {
  private index: {
    entries: readonly NamedLayer[];
    searcher: Searcher;
    byKey: Map<string, Hit>;
  } | null = null;

  private searcherFor(entries: readonly NamedLayer[], engine: SearchEngine) {
    if (this.index?.entries === entries) return this.index;
    const all: SearchEntry[] = [];
    const byKey = new Map<string, Hit>();
    for (const e of entries) {
      if (!e.settings.visible) continue;
      for (const [id, name] of e.summary.names ?? []) {
        const key = optionOf({ layer: e.summary.id, id });
        all.push({ id: key, name_zh: name, name_en: name });
        byKey.set(key, { layer: e.summary.id, id, name, title: e.settings.title });
      }
    }
    this.index = { entries, searcher: engine.index(all), byKey };
    return this.index;
  }

  /** Up to `limit` matches as the search box lists them. */
  options(
    entries: readonly NamedLayer[],
    query: string,
    engine: SearchEngine | null,
    kind: string,
    limit = 5,
  ) {
    if (entries.length === 0) return [];
    const indexed = engine
      ? (() => {
          const { searcher, byKey } = this.searcherFor(entries, engine);
          return searcher.search(query, limit).flatMap((r) => {
            const hit = byKey.get(r.id);
            return hit ? [{ id: r.id, label: hit.name, secondary: hit.title, kind }] : [];
          });
        })()
      : [];
    // Layers too big for the index: their names scanned as text (no pinyin), after the rest.
    const scanned = entries.flatMap((e) => {
      const codes = e.settings.visible ? e.summary.nameText : null;
      if (!codes) return [];
      const { text, folded } = this.textOf(e.summary.id, codes);
      return scanNames(text, folded, query, limit).map(([id, name]) => ({
        id: optionOf({ layer: e.summary.id, id }),
        label: name,
        secondary: e.settings.title,
        kind,
      }));
    });
    return [...indexed, ...scanned].slice(0, limit);
  }

  /** Each big layer's names decoded and lower-cased once (on its first search), not per keystroke. */
  private texts = new Map<string, { codes: Uint16Array; text: string; folded: string }>();
  private textOf(layer: string, codes: Uint16Array): { text: string; folded: string } {
    const known = this.texts.get(layer);
    if (known?.codes === codes) return known;
    const text = textOfCodes(codes);
    const decoded = { codes, text, folded: text.toLowerCase() };
    this.texts.set(layer, decoded);
    return decoded;
  }
}
