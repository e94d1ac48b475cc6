/**
 * The data every tool of `npm run bench:peers` draws: seeded synthetic parks in Shandong's
 * bounding box, plain GeoJSON as any user's file would be. The recipe (seed, bounding box,
 * industries, lognormal investment with ~8 % unknown) is the reference harness's
 * (../shared/peers/scripts/gen.mjs), so its figures and ours are taken on the same points.
 *
 * The app reads the same file through its importer (a plain GeoJSON layer) and, converted, as
 * its own dataset (`toAppFeatures`): the same points and the same filter sets both ways.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ParkFeatureInput } from '../../../src/lib/data/schema.ts';
import { investmentFigure, mulberry32, SYNTHETIC_DOC, SYNTHETIC_ZONE } from '../generate.ts';

export const PEER_INDUSTRIES = [
  'bio',
  'newmat',
  'ict',
  'equip',
  'chem',
  'energy',
  'food',
  'textile',
] as const;
export type PeerIndustry = (typeof PEER_INDUSTRIES)[number];

/** The two filter states every tool toggles between: 3/8 and 5/8 of the industries. */
export const FILTER_SETS: readonly (readonly PeerIndustry[])[] = [
  ['bio', 'newmat', 'ict'],
  ['chem', 'energy', 'food', 'textile', 'equip'],
];

/** The app's taxonomy codes (data/industries.json) standing for the peers' eight. */
export const APP_INDUSTRY: Record<PeerIndustry, string> = {
  bio: 'biomedicine',
  newmat: 'new-materials',
  ict: 'electronic-information',
  equip: 'equipment-manufacturing',
  chem: 'coal-chemical-equipment',
  energy: 'new-energy',
  food: 'food-processing',
  textile: 'textiles-apparel',
};

export const BBOX = [115.0, 34.4, 122.7, 38.4] as const;
export const DEFAULT_SEED = 42;
const CITIES = [
  '济南',
  '青岛',
  '淄博',
  '枣庄',
  '东营',
  '烟台',
  '潍坊',
  '济宁',
  '泰安',
  '威海',
  '日照',
  '临沂',
  '德州',
  '聊城',
  '滨州',
  '菏泽',
];
const KINDS = ['高新技术产业开发区', '经济开发区', '化工产业园', '工业园', '科技园', '产业园'];

export interface PeerProperties {
  id: number;
  name: string;
  /** All of the park's industries, comma-separated. */
  industries: string;
  /** The first of them: what the filters test. */
  ind: PeerIndustry;
  /** Million yuan; null for ~8 %. */
  investment: number | null;
}

export type PeerCollection = FeatureCollection<Point, PeerProperties>;

/** `n` parks; the same `n` and seed always give the same file. */
export function generateParks(n: number, seed = DEFAULT_SEED): PeerCollection {
  const random = mulberry32(seed * 1_000_003 + n);
  const gauss = (): number => {
    // Box–Muller; u = 0 would be log(0).
    let u = 0;
    while (u === 0) u = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const pickOne = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const features: Feature<Point, PeerProperties>[] = [];
  for (let i = 0; i < n; i++) {
    const lon = BBOX[0] + random() * (BBOX[2] - BBOX[0]);
    const lat = BBOX[1] + random() * (BBOX[3] - BBOX[1]);
    const count = 1 + Math.floor(random() * 3);
    const pool: PeerIndustry[] = [...PEER_INDUSTRIES];
    const picked: PeerIndustry[] = [];
    for (let j = 0; j < count; j++)
      picked.push(...pool.splice(Math.floor(random() * pool.length), 1));
    const investment = random() < 0.08 ? null : Math.round(Math.exp(3 + 1.2 * gauss()) * 100) / 100;
    const name = `${pickOne(CITIES)}${pickOne(KINDS)}${i + 1}号`;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [+lon.toFixed(6), +lat.toFixed(6)] },
      properties: {
        id: i + 1,
        name,
        industries: picked.join(','),
        ind: picked[0] as PeerIndustry,
        investment,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** How many parks each filter set shows: what every tool must draw after a toggle. */
export function expectedCounts(fc: PeerCollection): number[] {
  return FILTER_SETS.map((set) => fc.features.filter((f) => set.includes(f.properties.ind)).length);
}

/**
 * The same parks in the app's schema. Only the primary industry is carried over: the app's
 * filter shows a feature having any chosen industry, the peers' pages test `ind` alone, and with
 * one industry each both show exactly the same points. Investment becomes a 总投资 figure in 亿元
 * (1 亿 = 100 million) citing the synthetic document, as the app's other benchmark data does.
 */
export function toAppFeatures(fc: PeerCollection): ParkFeatureInput[] {
  return fc.features.map((f) => {
    const p = f.properties;
    const id = `peer-${p.id}`;
    const [lng = NaN, lat = NaN] = f.geometry.coordinates;
    const value = p.investment === null ? null : Math.round(p.investment) / 100;
    return {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [lng, lat] },
      properties: {
        id,
        kind: 'park',
        name_zh: p.name,
        name_en: `Park ${p.id}`,
        zone: SYNTHETIC_ZONE,
        industries: [APP_INDUSTRY[p.ind]],
        status: 'operating',
        precision: 'address',
        figures: value === null || value <= 0 ? [] : [investmentFigure(value)],
        sources: [{ doc: SYNTHETIC_DOC, quote: 'synthetic' }],
      },
    };
  });
}
