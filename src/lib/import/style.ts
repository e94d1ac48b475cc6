/**
 * What the map gets of an imported layer: each feature's geometry with its id, its name, the
 * value of the field it is coloured by (`v`) and its category for the filter (`c`), as GeoJSON
 * text in a Blob; and the colouring's classes and legend, computed here over every feature.
 */
import { classify, legend } from '../scales/classify.ts';
import { numericValue } from './fields.ts';
import type { ImportedFeature, ImportedLayer } from './layer.ts';
import type { Coloring, LayerStyle } from './protocol.ts';

/** The choropleth of imported layers: quantiles in five classes, the app's default scheme. */
const METHOD = 'quantile';
const CLASSES = 5;

export function nameOf(layer: ImportedLayer, f: ImportedFeature): string {
  const v = layer.nameField ? f.properties[layer.nameField] : null;
  return v === null || v === undefined || v === '' ? f.id : String(v);
}

const valueOf = (f: ImportedFeature, field: string | null): number | null =>
  field ? numericValue(f.properties[field] ?? null) : null;

export function mapBlob(layer: ImportedLayer, style: LayerStyle): Blob {
  const parts: string[] = ['{"type":"FeatureCollection","features":['];
  const category = style.filter?.field ?? null;
  layer.features.forEach((f, i) => {
    const c = category ? f.properties[category] : null;
    const props = JSON.stringify({
      atlas_user_id: f.id,
      name: nameOf(layer, f),
      v: valueOf(f, style.colorBy),
      c: c === null || c === undefined ? null : String(c),
    });
    const feature = `{"type":"Feature","geometry":${JSON.stringify(f.geometry)},"properties":${props}}`;
    parts.push(i ? `,${feature}` : feature);
  });
  parts.push(']}');
  return new Blob(parts, { type: 'application/geo+json' });
}

/** Classes and legend of the field the layer is coloured by; null when it is drawn plain. */
export function coloringOf(layer: ImportedLayer, style: LayerStyle): Coloring | null {
  const field = style.colorBy;
  if (!field) return null;
  const values = layer.features.map((f) => valueOf(f, field));
  const finite = values.filter((v): v is number => v !== null);
  if (finite.length === 0) return null;
  const classification = classify(finite, METHOD, CLASSES);
  const { entries, noData } = legend(classification, values);
  return { field, classification, entries, noData };
}
