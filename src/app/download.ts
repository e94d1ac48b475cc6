import type { ParkFeature } from '../lib/data/schema.ts';
import { datasetRows } from '../lib/export/dataset.ts';
import { featuresToCsv, toGeojson } from '../lib/export/features.ts';

/** Saving as a file the browser downloads (an object URL, revoked once clicked). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The click has started the download synchronously; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function download(text: string, name: string, type: string): void {
  downloadBlob(new Blob([text], { type }), name);
}

/** What the filters show of the built-in data, as GeoJSON or as CSV for Excel, dated. */
export function downloadShown(features: ParkFeature[], as: 'geojson' | 'csv') {
  const rows = datasetRows(features);
  const day = new Date().toISOString().slice(0, 10);
  if (as === 'geojson')
    download(toGeojson(rows), `park-atlas-${day}.geojson`, 'application/geo+json');
  else download(featuresToCsv(rows), `park-atlas-${day}.csv`, 'text/csv;charset=utf-8');
}
