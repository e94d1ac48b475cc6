/**
 * The app reads its shipped data without valibot (src/lib/data/trusted.ts). That is only right
 * while it gives what the schema gives: checked here on every feature of every shipped file, and
 * on features stripped of every key the schema lets a file omit, so a default added to the schema
 * and not to trusted.ts fails here even when every file still spells the key out.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseFeatures, parseIndustries } from '../../../src/lib/data/parse.ts';
import {
  FigureSchema,
  IndustriesFileSchema,
  IndustrySchema,
  ParkFeatureSchema,
  ParkPropertiesSchema,
  PointSchema,
  PolygonSchema,
  SourceSchema,
  TimelineEntrySchema,
  type ParkFeatureInput,
} from '../../../src/lib/data/schema.ts';
import {
  trustedFeature,
  trustedFeatures,
  trustedIndustries,
} from '../../../src/lib/data/trusted.ts';

const dataDir = new URL('../../../data/', import.meta.url);
const readJson = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(path, dataDir), 'utf8')) as unknown;

const zoneFiles = readdirSync(new URL('zones/', dataDir)).filter((f) => f.endsWith('.geojson'));
const zones = zoneFiles.map((file) => ({
  file,
  json: readJson(`zones/${file}`) as { features: ParkFeatureInput[] },
}));

/** valibot's wrappers that let a key be left out (and may give it a default). */
const OMITTABLE = new Set(['optional', 'exact_optional', 'nullish', 'undefinedable']);

describe('trusted data: what the schema gives, without the schema', () => {
  it('reads the shipped files (the test reads what is there)', () => {
    expect(zoneFiles.length).toBeGreaterThanOrEqual(4);
    expect(zones.every((z) => z.json.features.length > 0)).toBe(true);
  });

  it.each(zoneFiles)('every feature of data/zones/%s equals v.parse(ParkFeatureSchema)', (file) => {
    const { json } = zones.find((z) => z.file === file)!;
    for (const raw of json.features) {
      // Copies, so that neither can pass by changing the other's input.
      const schema = v.parse(ParkFeatureSchema, structuredClone(raw));
      expect(trustedFeature(structuredClone(raw)), raw.id).toStrictEqual(schema);
    }
  });

  it('a whole file: the same features, compacted, as the checked reader gives', () => {
    for (const { file, json } of zones) {
      const trusted = trustedFeatures(structuredClone(json), file);
      const checked = parseFeatures(structuredClone(json).features, file);
      expect(checked.issues).toEqual([]);
      expect(trusted.issues).toEqual([]);
      expect(trusted.features).toStrictEqual(checked.features);
    }
  });

  it('data/industries.json equals v.parse(IndustriesFileSchema)', () => {
    const raw = readJson('industries.json');
    const schema = v.parse(IndustriesFileSchema, structuredClone(raw));
    expect(trustedIndustries(structuredClone(raw), 'industries.json')).toStrictEqual({
      industries: schema.industries,
      issues: [],
    });
    expect(parseIndustries(raw, 'industries.json').industries).toStrictEqual(schema.industries);
  });

  it('a feature without any key the schema lets a file omit still equals the schema', () => {
    const optional = Object.entries(ParkPropertiesSchema.entries)
      .filter(([, schema]) => OMITTABLE.has(schema.type))
      .map(([key]) => key);
    expect(optional).toContain('figures');
    for (const { json } of zones) {
      for (const raw of json.features) {
        const bare = structuredClone(raw);
        for (const key of optional) delete (bare.properties as Record<string, unknown>)[key];
        const schema = v.parse(ParkFeatureSchema, structuredClone(bare));
        expect(trustedFeature(bare), raw.id).toStrictEqual(schema);
      }
    }
  });

  it('the nested objects have no optional keys (trusted.ts copies them as they are)', () => {
    const nested = {
      FigureSchema,
      SourceSchema,
      TimelineEntrySchema,
      PointSchema,
      PolygonSchema,
      IndustrySchema,
    };
    for (const [name, schema] of Object.entries(nested)) {
      // A key that may be left out with no default parses to absent, which a copy keeps as it is.
      const defaulted = Object.entries(schema.entries)
        .filter(([, entry]) => OMITTABLE.has(entry.type) && 'default' in entry)
        .filter(([, entry]) => (entry as { default: unknown }).default !== undefined)
        .map(([key]) => key);
      expect(defaulted, `${name}: fill its defaults in trusted.ts, then list it here`).toEqual([]);
    }
    expect(Object.keys(ParkFeatureSchema.entries).sort()).toEqual([
      'geometry',
      'id',
      'properties',
      'type',
    ]);
  });

  it('a file that is not a FeatureCollection is reported, not thrown on', () => {
    expect(trustedFeatures('<html>', 'x.geojson')).toEqual({
      features: [],
      issues: [{ source: 'x.geojson', path: '', message: 'not a GeoJSON FeatureCollection' }],
    });
    expect(trustedIndustries({}, 'industries.json').industries).toEqual([]);
  });
});
