/**
 * Where focus was before a panel opened, so closing it puts the keyboard back where the user was
 * (WAI-ARIA dialog practice), not at the top of the page — and the page scrolled back to where
 * it was (on a phone, opening details scrolls the map into view).
 */
export class FocusReturn {
  private target: HTMLElement | null = null;
  private scrolled: { el: Element; top: number } | null = null;

  /** Remembers the focused element, unless it is the page itself, and `scroller`'s position. */
  remember(doc: Document = document, scroller?: Element | null): void {
    const active = doc.activeElement;
    this.target =
      active && 'focus' in active && active !== doc.body ? (active as HTMLElement) : null;
    this.scrolled = scroller ? { el: scroller, top: scroller.scrollTop } : null;
  }

  /** Focuses what was remembered, after the current task (the panel is gone by then). */
  restore(): void {
    const [target, scrolled] = [this.target, this.scrolled];
    this.target = null;
    this.scrolled = null;
    queueMicrotask(() => {
      target?.focus();
      if (scrolled) scrolled.el.scrollTop = scrolled.top;
    });
  }
}
