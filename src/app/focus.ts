/**
 * Where focus was before a panel opened, so closing it puts the keyboard back where the user was
 * (WAI-ARIA dialog practice), not at the top of the page.
 */
export class FocusReturn {
  private target: HTMLElement | null = null;

  /** Remembers the focused element, unless it is the page itself. */
  remember(doc: Document = document): void {
    const active = doc.activeElement;
    this.target =
      active && 'focus' in active && active !== doc.body ? (active as HTMLElement) : null;
  }

  /** Focuses what was remembered, after the current task (the panel is gone by then). */
  restore(): void {
    const target = this.target;
    this.target = null;
    queueMicrotask(() => target?.focus());
  }
}
