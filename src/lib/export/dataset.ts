/**
 * The dataset's features as rows a spreadsheet can hold: names, kind, zone, industries, each
 * figure (with its year and target flag in the column name) and where every value came from —
 * the first source's document and quote — so an exported file stays traceable.
 */
import type { ParkFeature } from '../data/schema.ts';
import type { ExportFeature } from './features.ts';

export function datasetRows(features: readonly ParkFeature[]): ExportFeature[] {
  return features.map((f) => {
    const p = f.properties;
    const props: Record<string, unknown> = {
      name_zh: p.name_zh,
      name_en: p.name_en,
      kind: p.kind,
      zone: p.zone,
      status: p.status,
      precision: p.precision,
      industries: p.industries.join(' '),
    };
    for (const fig of p.figures) {
      const key = `${fig.what}${fig.year ? `_${fig.year}` : ''}${fig.target ? '_target' : ''} (${fig.unit})`;
      props[key] = fig.value;
    }
    props.source_doc = p.sources[0]?.doc ?? '';
    props.source_quote = p.sources[0]?.quote ?? '';
    return { type: 'Feature', id: f.id, geometry: f.geometry, properties: props };
  });
}
