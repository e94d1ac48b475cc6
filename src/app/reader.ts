/** Opening a quote's document in the reader and closing it, back where the user was. */
import type { AppState } from '../lib/state/app-state.svelte.ts';
import type { ReaderView } from '../lib/state/view.ts';
import { FocusReturn } from './focus.ts';

export class ReaderLinks {
  private readonly focus = new FocusReturn();

  constructor(private readonly app: AppState) {}

  /** The document open now, if any. */
  get current(): ReaderView | null {
    return this.app.reader;
  }

  /** Opens a quote's document, scrolled to the quote (its offsets go in the link). */
  async open(doc: string, quote: string): Promise<void> {
    this.focus.remember();
    const { passageOf } = await import('./documents.ts');
    this.app.reader = { doc, range: await passageOf(doc, quote) };
  }

  close(): void {
    this.app.reader = null;
    this.focus.restore();
  }
}
