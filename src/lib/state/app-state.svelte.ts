import { defaultView, type Camera, type ViewState } from './view.ts';

/**
 * The app's one source of truth. Components read and write these fields; the map controller and
 * (later) the URL sync follow them through effects. `snapshot()` gives the plain ViewState.
 */
export class AppState {
  camera = $state.raw<Camera | null>(null);
  selected = $state<string | null>(null);
  industries = $state<string[]>([]);
  layers = $state<ViewState['layers']>(defaultView().layers);
  choropleth = $state<ViewState['choropleth']>(defaultView().choropleth);
  sort = $state<ViewState['sort']>('name');
  lang = $state<ViewState['lang']>('zh');
  basemap = $state<string | null>(null);
  year = $state<number | null>(null);
  reader = $state.raw<ViewState['reader']>(null);
  compare = $state<string[]>([]);
  route = $state<string[]>([]);
  nearby = $state.raw<ViewState['nearby']>(null);
  siteSearch = $state.raw<ViewState['siteSearch']>(null);

  constructor(initial: ViewState = defaultView()) {
    this.apply(initial);
  }

  /** Replaces the whole view at once (from a link, or Back/Forward). */
  apply(view: ViewState): void {
    this.camera = view.camera;
    this.selected = view.selected;
    this.industries = [...view.industries];
    this.layers = { ...view.layers };
    this.choropleth = { ...view.choropleth, breaks: [...view.choropleth.breaks] };
    this.sort = view.sort;
    this.lang = view.lang;
    this.basemap = view.basemap;
    this.year = view.year;
    this.reader = view.reader;
    this.compare = [...view.compare];
    this.route = [...view.route];
    this.nearby = view.nearby;
    this.siteSearch = view.siteSearch;
  }

  snapshot(): ViewState {
    return {
      camera: this.camera,
      selected: this.selected,
      industries: [...this.industries],
      layers: { ...this.layers },
      choropleth: { ...this.choropleth, breaks: [...this.choropleth.breaks] },
      sort: this.sort,
      lang: this.lang,
      basemap: this.basemap,
      year: this.year,
      reader: this.reader,
      compare: [...this.compare],
      route: [...this.route],
      nearby: this.nearby,
      siteSearch: this.siteSearch,
    };
  }
}
