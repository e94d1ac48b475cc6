import { encodeView, type DecodedView, type DroppedPart, type KnownValues } from './url/index.ts';
import { defaultView, type Camera, type ViewState } from './view.ts';

/** Reads a hash into a view: `decodeView` (url/decode.ts), or the blank reader. */
export type LinkReader = (hash: string, known: KnownValues) => DecodedView;

/** A hash with nothing in it to read: its view is the default one. */
export const isBlankHash = (hash: string): boolean => hash === '' || hash === '#';

const blankReader: LinkReader = () => ({ view: defaultView(), embed: false, dropped: [] });

let fullReader: Promise<LinkReader> | null = null;

/**
 * The reader for this hash. The full one (every key's parser, ~2.5 KB gzip) is a chunk of its
 * own: a visit without a link never runs it, so it is fetched only when a hash holds something.
 */
export function readerFor(hash: string): Promise<LinkReader> {
  if (isBlankHash(hash)) return Promise.resolve(blankReader);
  return (fullReader ??= import('./url/decode.ts').then((m) => m.decodeView));
}

/** The parts of `window` the sync uses, injected so it runs in tests without a browser. */
export interface HistoryPort {
  readonly hash: string;
  replace(hash: string): void;
  push(hash: string): void;
  /** Calls back on Back/Forward (and on hand-edited hashes); returns an unsubscribe. */
  onNavigate(callback: () => void): () => void;
}

export function browserHistory(win: Window = window): HistoryPort {
  const url = (hash: string) => `${win.location.pathname}${win.location.search}#${hash}`;
  return {
    get hash() {
      return win.location.hash;
    },
    replace: (hash) => win.history.replaceState(null, '', url(hash)),
    push: (hash) => win.history.pushState(null, '', url(hash)),
    onNavigate(callback) {
      win.addEventListener('popstate', callback);
      win.addEventListener('hashchange', callback);
      return () => {
        win.removeEventListener('popstate', callback);
        win.removeEventListener('hashchange', callback);
      };
    },
  };
}

/** The view without its camera: what a history entry is for. */
const withoutCamera = (view: ViewState) => encodeView({ ...view, camera: null });

/**
 * Keeps the URL and the view in step. Camera moves replace the current entry, throttled, so
 * panning does not flood history; any other change (selection, filters, layers, choropleth,
 * language) pushes an entry, so Back and Forward step through them.
 */
export class UrlSync {
  private last: string;
  private lastState: string;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending: string | null = null;
  private navigations = 0;
  readonly embed: boolean;

  /** The sync for the page's current hash, with the reader that hash needs. */
  static async open(
    history: HistoryPort,
    known: KnownValues,
    options: { throttleMs?: number } = {},
  ): Promise<UrlSync> {
    return new UrlSync(history, known, await readerFor(history.hash), options);
  }

  constructor(
    private readonly history: HistoryPort,
    private readonly known: KnownValues,
    private readonly read: LinkReader,
    private readonly options: { throttleMs?: number } = {},
  ) {
    const { view, embed } = read(history.hash, known);
    this.embed = embed;
    this.last = encodeView(view, { embed });
    this.lastState = withoutCamera(view);
  }

  /** The view the URL asks for, and what in it could not be used. */
  initial(): { view: ViewState; dropped: DroppedPart[] } {
    return this.read(this.history.hash, this.known);
  }

  /** Called with the current view whenever it changes. */
  update(view: ViewState): void {
    const hash = encodeView(view, { embed: this.embed });
    if (hash === this.last) return;
    const state = withoutCamera(view);
    this.last = hash;
    if (state !== this.lastState) {
      this.lastState = state;
      this.flush();
      this.history.push(hash);
    } else {
      this.pending = hash;
      this.timer ??= setTimeout(() => this.flush(), this.options.throttleMs ?? 300);
    }
  }

  /**
   * Back/Forward: returns the view to apply. An entry without a camera (the first one, written
   * before the map moved) keeps `camera`, the view on screen, and the address bar says so.
   * Null when a later navigation overtook this one while the reader loaded: only the last applies.
   */
  async navigated(
    camera: Camera | null = null,
  ): Promise<{ view: ViewState; dropped: DroppedPart[] } | null> {
    const turn = ++this.navigations;
    const hash = this.history.hash;
    const read = await readerFor(hash);
    if (turn !== this.navigations) return null;
    const decoded = read(hash, this.known);
    this.pending = null;
    const view = decoded.view.camera || !camera ? decoded.view : { ...decoded.view, camera };
    this.last = encodeView(view, { embed: this.embed });
    this.lastState = withoutCamera(view);
    if (view !== decoded.view) this.history.replace(this.last);
    return { view, dropped: decoded.dropped };
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending !== null) this.history.replace(this.pending);
    this.pending = null;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
