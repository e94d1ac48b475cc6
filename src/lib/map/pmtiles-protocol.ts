/**
 * `pmtiles://` for MapLibre: a vector source with `url: 'pmtiles://' + archiveUrl` reads its
 * TileJSON and tiles from the archive with range requests, through the same `PMTiles` instance
 * the app opened (one header and directory cache for map and details). Loaded lazily, with
 * pmtiles, only when the page has `?tiles=`.
 */
import { addProtocol } from 'maplibre-gl';
import { PMTiles, Protocol } from 'pmtiles';

const PROTOCOL = 'pmtiles';
let protocol: Protocol | null = null;

/** Registers the protocol once per page, and the archive with it (keyed by its URL). */
export function registerArchive(archive: unknown): void {
  if (!(archive instanceof PMTiles)) throw new Error('not a PMTiles archive');
  if (!protocol) {
    protocol = new Protocol();
    addProtocol(PROTOCOL, protocol.tile);
  }
  protocol.add(archive);
}
