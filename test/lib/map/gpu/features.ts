import * as v from 'valibot';
import { ParkFeatureSchema, type ParkFeature } from '../../../../src/lib/data/schema.ts';

/** A schema-valid point feature (defaults filled in by the schema, as the app loads them). */
export function pointFeature(
  id: string,
  lngLat: [number, number],
  kind: 'park' | 'platform' | 'project' | 'enterprise',
  industries: string[],
  investment?: number,
): ParkFeature {
  return v.parse(ParkFeatureSchema, {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: lngLat },
    properties: {
      id,
      kind,
      name_zh: `点${id}`,
      name_en: `Point ${id}`,
      zone: 'test-zone',
      industries,
      status: 'unknown',
      precision: 'zone',
      figures:
        investment === undefined
          ? []
          : [
              {
                what: 'total_investment',
                label_zh: '总投资',
                label_en: 'Total investment',
                value: investment,
                unit: '亿元',
                year: 2020,
                period: null,
                target: false,
                doc: 'test.txt',
                quote: `总投资${investment}亿元`,
              },
            ],
      sources: [{ doc: 'test.txt', quote: 'test' }],
    },
  });
}
