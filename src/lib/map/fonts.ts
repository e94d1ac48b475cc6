import type { FontFacesSpecification } from 'maplibre-gl';
import type { FontChunk } from './font-index.ts';

export interface FontIndex {
  family: string;
  source: string;
  chunks: FontChunk[];
}

/**
 * The style's `font-faces`: every unicode-range chunk of the bundled font, at an absolute URL on
 * our own origin. MapLibre then downloads only the chunks holding characters it has to draw.
 */
export function fontFaces(index: FontIndex, baseUrl: string): FontFacesSpecification {
  return {
    [index.family]: index.chunks.map((chunk) => ({
      url: new URL(chunk.file, baseUrl).href,
      'unicode-range': chunk.ranges,
    })),
  };
}
