/**
 * How a quote opens its document: set by the details panel for every quote inside it, so the
 * sections (facts, figures, timeline, sources) need not pass it down.
 */
import { getContext, setContext } from 'svelte';
import type { Lang } from '../../lib/state/view.ts';

export interface QuoteLinks {
  lang: () => Lang;
  open: (doc: string, quote: string) => void;
}

const KEY = Symbol('quote-links');

export const provideQuoteLinks = (links: QuoteLinks): void => void setContext(KEY, links);
export const quoteLinks = (): QuoteLinks | undefined => getContext<QuoteLinks | undefined>(KEY);
