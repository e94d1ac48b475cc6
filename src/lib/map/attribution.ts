import { AttributionControl, type Map as MapLibreMap } from 'maplibre-gl';
import { SOURCE } from './ids.ts';
import { creditsIn } from './style/index.ts';
import type { Lang } from '../state/view.ts';

/**
 * On a narrow map the credits start folded behind their ⓘ button: MapLibre's compact
 * attribution opens on first show and folds only at the first drag, and the basemap's four
 * sources then cover a third of a phone's map.
 */
function foldWhenNarrow(map: MapLibreMap): void {
  const credits = map.getContainer().querySelector('.maplibregl-compact');
  if (!credits || map.getCanvasContainer().offsetWidth > 640) return;
  credits.classList.remove('maplibregl-compact-show');
  credits.removeAttribute('open');
}

/**
 * The map's credits control, in the page's language. The basemap's credits are the districts
 * source's attribution, which the style writes in the language the page opened in; a language
 * switch rewrites it and adds the control again, since the control reads attributions only
 * when added or when a source's metadata loads.
 */
export class Credits {
  private control = new AttributionControl({ compact: true });

  constructor(
    private readonly map: MapLibreMap,
    /** The basemap file's credits, both languages (creditsIn picks one). */
    private readonly credits: string,
  ) {
    map.addControl(this.control, 'bottom-right');
    map.once('load', () => foldWhenNarrow(map));
  }

  setLang(lang: Lang): void {
    const source = this.map.getSource(SOURCE.districts);
    const wanted = creditsIn(this.credits, lang);
    if (!source || this.credits === '' || source.attribution === wanted) return;
    source.attribution = wanted;
    this.map.removeControl(this.control);
    this.control = new AttributionControl({ compact: true });
    this.map.addControl(this.control, 'bottom-right');
    foldWhenNarrow(this.map);
  }
}
