/**
 * What the map gets of an imported layer: each feature's geometry with its id, its name, the
 * value of the field it is coloured by (`v`) and its category for the filter (CATEGORY_PROP), as
 * GeoJSON text in a Blob; and the colouring's classes and legend, computed here over every
 * feature.
 */
import { toMercator } from '../geo/mercator.ts';
import {
  CATEGORY_PROP,
  CLASS_NO_DATA,
  NO_CATEGORY,
  type ClassedPoints,
} from '../scales/classed-points.ts';
import { classifier, classify, legend } from '../scales/classify.ts';
import { numericValue } from './fields.ts';
import type { ImportedFeature, ImportedLayer } from './layer.ts';
import { GPU_POINTS_FROM, type Coloring, type LayerStyle, type MapDrawing } from './protocol.ts';

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
  const { categories } = categoriesOf(layer, style);
  layer.features.forEach((f, i) => {
    const c = categories?.[i] ?? NO_CATEGORY;
    const props = JSON.stringify({
      atlas_user_id: f.id,
      name: nameOf(layer, f),
      v: valueOf(f, style.colorBy),
      ...(c === NO_CATEGORY ? {} : { [CATEGORY_PROP]: c + 1 }),
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

/**
 * What the map draws of a layer: a big layer of points only as classed points for the GPU
 * layer (MapLibre's GeoJSON source would cost the page seconds of tile handling), anything else
 * as GeoJSON.
 */
export function mapDrawing(
  layer: ImportedLayer,
  style: LayerStyle,
  coloring: Coloring | null,
): MapDrawing {
  const { features } = layer;
  const allPoints = features.every((f) => f.geometry.type === 'Point');
  if (features.length >= GPU_POINTS_FROM && allPoints) return classedPoints(layer, style, coloring);
  const { categoryValues } = categoriesOf(layer, style);
  return { kind: 'geojson', blob: mapBlob(layer, style), categoryValues };
}

/** Each point's mercator position, class and (when the style filters by a field) category. */
export function classedPoints(
  layer: ImportedLayer,
  style: LayerStyle,
  coloring: Coloring | null,
): ClassedPoints {
  const { features } = layer;
  const n = features.length;
  const absolute = new Float64Array(n * 2);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  features.forEach((f, i) => {
    const [lng, lat] = f.geometry.type === 'Point' ? f.geometry.coordinates : [0, 0];
    const [x, y] = toMercator(lng as number, lat as number);
    absolute[i * 2] = x;
    absolute[i * 2 + 1] = y;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  });
  const origin: [number, number] = n ? [(minX + maxX) / 2, (minY + maxY) / 2] : [0.5, 0.5];
  const positions = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    positions[i * 2] = (absolute[i * 2] as number) - origin[0];
    positions[i * 2 + 1] = (absolute[i * 2 + 1] as number) - origin[1];
  }
  const classes = new Uint8Array(n);
  const classOf = coloring ? classifier(coloring.classification) : null;
  if (classOf)
    features.forEach((f, i) => {
      const v = valueOf(f, style.colorBy);
      classes[i] = v === null ? CLASS_NO_DATA : classOf(v);
    });
  return { kind: 'points', origin, positions, classes, ...categoriesOf(layer, style) };
}

/**
 * Each point's category in the field the style filters by, as an index into that field's values
 * (the ones the layer panel lists): the page shows or hides them without a new drawing.
 */
export function categoriesOf(
  layer: ImportedLayer,
  style: LayerStyle,
): Pick<ClassedPoints, 'categories' | 'categoryValues'> {
  const field = style.filter?.field;
  if (!field) return { categories: null, categoryValues: [] };
  const info = layer.fields.find((f) => f.key === field);
  const categoryValues = (info?.categories ?? []).map(([v]) => v).slice(0, NO_CATEGORY);
  const index = new Map(categoryValues.map((v, i) => [v, i]));
  const categories = new Uint8Array(layer.features.length).fill(NO_CATEGORY);
  layer.features.forEach((f, i) => {
    const c = f.properties[field];
    if (c !== null && c !== undefined) categories[i] = index.get(String(c)) ?? NO_CATEGORY;
  });
  return { categories, categoryValues };
}
