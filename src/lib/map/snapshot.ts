/**
 * The map as an image: a copy of its WebGL canvas taken inside the frame that drew it (the
 * drawing buffer is only whole until the frame ends, unless preserveDrawingBuffer is on).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export function captureMap(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const source = map.getCanvas();
      const copy = document.createElement('canvas');
      [copy.width, copy.height] = [source.width, source.height];
      copy.getContext('2d')?.drawImage(source, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

/** Ground metres per CSS pixel at a latitude and zoom (Web Mercator, 512 px tiles). */
export function metersPerPixel(lat: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}
