/**
 * Keeps the map's online basemap in step with the view, and the setting in this browser. The
 * raster's code (lib/map/online-basemap.ts) is imported the first time one is turned on.
 */
import type { MapController } from '../lib/map/controller.ts';
import type { OnlineBasemap } from '../lib/map/online-basemap.ts';
import { browserStorage, rememberBasemap } from '../lib/state/basemap.ts';

export class OnlineBasemapSync {
  /** The tiles of the template drawn last failed: the offline basemap shows instead. */
  failed = $state(false);
  private raster: Promise<OnlineBasemap> | null = null;

  /**
   * Draws `template` (null: none) once there is a map, and stores the setting. Called only
   * once the view is the user's (the link and the stored setting read), or "off" would be stored.
   */
  follow(template: string | null, controller: MapController | null): void {
    rememberBasemap(browserStorage(), template);
    if (!controller || (template === null && !this.raster)) return;
    this.failed = false;
    const map = controller.map;
    this.raster ??= import('../lib/map/online-basemap.ts').then(
      (m) => new m.OnlineBasemap(map, () => (this.failed = true)),
    );
    void this.raster.then((r) => r.show(template));
  }
}
