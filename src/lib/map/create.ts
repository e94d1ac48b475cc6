/** Builds the map for a feature table and its points: renderer, style, controller. */
import type { FontFacesSpecification } from 'maplibre-gl';
import type { FeatureTable } from '../data/table.ts';
import type { BasemapLayers } from '../geo/basemap.ts';
import type { PointData } from '../source/types.ts';
import type { Camera, Lang } from '../state/view.ts';
import { MapController } from './controller.ts';
import { createPointRenderer, pointDrawing } from './points/index.ts';
import { styleData } from './style-data.ts';
import { schematicStacks } from './stacks.ts';
import { BULK_ZONES } from './style/data-layers.ts';
import { buildStyle } from './style/index.ts';
import { defaultTheme } from './style/theme.ts';

export interface MapSetup {
  container: HTMLElement;
  table: FeatureTable;
  points: PointData;
  basemap: BasemapLayers;
  bounds: [number, number, number, number];
  fonts: FontFacesSpecification;
  /** The view the map opens on: later changes go through the controller, never a new style. */
  lang: Lang;
  industries: readonly string[];
  camera: Camera | null;
  preserveDrawingBuffer?: boolean;
}

export async function createMap(setup: MapSetup): Promise<MapController> {
  const { table, points } = setup;
  const drawing = pointDrawing(points, table);
  const renderer = await createPointRenderer(drawing, points, table, defaultTheme);
  let zones = 0;
  for (let row = 0; row < table.length; row++) if (table.isZone(row)) zones++;
  const data = styleData(setup.basemap, table, drawing === 'symbols');
  const style = buildStyle(data, {
    theme: defaultTheme,
    fonts: setup.fonts,
    lang: setup.lang,
    industries: setup.industries,
    points: drawing,
    manyZones: zones > BULK_ZONES,
    tiles: points.type === 'tiles' ? { url: points.url } : null,
  });
  return new MapController({
    container: setup.container,
    style,
    bounds: setup.bounds,
    camera: setup.camera,
    preserveDrawingBuffer: setup.preserveDrawingBuffer ?? false,
    points: renderer,
    table,
    theme: defaultTheme,
    credits: data.attribution,
    stacks: schematicStacks(data.points, table.rows),
  });
}
