import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ZoneCollectionSchema } from '../../../src/lib/data/schema.ts';
import { datasetRows } from '../../../src/lib/export/dataset.ts';
import { featuresToCsv } from '../../../src/lib/export/features.ts';

const zone = v.parse(
  ZoneCollectionSchema,
  JSON.parse(readFileSync('data/zones/heze-hitech.geojson', 'utf8')),
);

describe('datasetRows', () => {
  it('keeps names, figures and the source of every exported feature', () => {
    const rows = datasetRows(zone.features);
    expect(rows).toHaveLength(zone.features.length);
    const withFigure = zone.features.findIndex((f) => f.properties.figures.length > 0);
    const fig = zone.features[withFigure]!.properties.figures[0]!;
    const row = rows[withFigure]!.properties;
    const key = Object.keys(row).find((k) => k.startsWith(fig.what));
    expect(row[key!]).toBe(fig.value);
    expect(row.source_quote).toBe(zone.features[withFigure]!.properties.sources[0]!.quote);
    const csv = featuresToCsv(rows);
    expect(csv).toContain(zone.features[0]!.properties.name_zh);
    expect(csv.split('\r\n')[0]).toContain('source_doc');
  });
});
