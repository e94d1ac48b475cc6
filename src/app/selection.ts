/**
 * Choosing and closing: a feature selected from the map, the list or search (those fly to it,
 * beside its details panel), a district flown to, and closing that returns focus and scroll.
 */
import type { Geometry } from 'geojson';
import type { MapController } from '../lib/map/controller.ts';
import type { AppState } from '../lib/state/app-state.svelte.ts';
import type { Atlas } from './atlas.ts';
import { flyIntoView } from './covered.ts';
import { FocusReturn } from './focus.ts';
import type { Imports } from './imports.svelte.ts';

export class Selection {
  private readonly focus = new FocusReturn();
  /** The page's scroller (phones) and the map's box, bound by App.svelte. */
  main: HTMLElement | undefined;
  map: HTMLElement | undefined;

  constructor(
    private readonly app: AppState,
    private readonly page: {
      atlas: () => Atlas | null;
      controller: () => MapController | null;
      imports: () => Imports | null;
    },
  ) {}

  /**
   * A feature the page's link selects without a camera (a hand-written `sel=`, no `map=`): flown
   * to beside its details once the map is there, as if chosen from the list.
   */
  reveal: string | null = null;

  /** Flies to `reveal`, once: called when the map is ready. */
  revealOnce(): void {
    const f = this.reveal ? this.page.atlas()?.source.feature(this.reveal) : undefined;
    this.reveal = null;
    if (f) this.flyTo(f.geometry, true);
  }

  /** Selects a feature; `fly` when chosen from the list or search, not when clicked on the map. */
  select(id: string | null, fly = false): void {
    if (id && !this.app.selected) this.focus.remember(document, this.main);
    this.app.selected = id;
    const imports = this.page.imports();
    if (imports?.selected) void imports.pick(null);
    const f = id ? this.page.atlas()?.source.feature(id) : undefined;
    if (f && fly) this.flyTo(f.geometry, true);
  }

  /** A search result: a district is flown to, a feature selected. */
  choose(id: string): void {
    const place = this.page.atlas()?.place(id);
    if (place) this.flyTo(place.geometry, false);
    else this.select(id, true);
  }

  /** Closes the details: focus and the page's scroll go back to where they were. */
  close(): void {
    this.app.selected = null;
    this.focus.restore();
  }

  private flyTo(g: Geometry, details: boolean): void {
    flyIntoView(this.page.controller(), g, { main: this.main, map: this.map }, details);
  }
}
