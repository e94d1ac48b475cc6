import { describe, expect, it } from 'vitest';
import {
  formatError,
  formatSummary,
  numbersIn,
  parseChineseNumeral,
  quoteHasValue,
  summarize,
  validate,
  type ValidationError,
} from '../../../src/lib/data/validate/index.ts';
import type { ParkFeatureInput } from '../../../src/lib/data/schema.ts';
import { featureOf, loadFixture, ZONE_FILE } from './fixture.ts';

type Props = ParkFeatureInput['properties'];

/** Exactly one error, at this feature and field, whose message matches. */
function expectOnly(
  errors: ValidationError[],
  id: string | null,
  field: string | null,
  message: RegExp,
): void {
  expect(errors).toEqual([
    { file: expect.any(String), id, field, message: expect.stringMatching(message) },
  ]);
}

function setKey(obj: object, key: string, value: unknown): void {
  (obj as Record<string, unknown>)[key] = value;
}

describe('validate() on the valid fixture', () => {
  it('finds nothing wrong', () => {
    expect(validate(loadFixture())).toEqual([]);
  });

  it('accepts a fixture whose optional keys are omitted', () => {
    const input = loadFixture();
    const project = featureOf(input.zone, 'test-project');
    for (const key of ['parent', 'status_source', 'location_note', 'figures', 'timeline']) {
      delete (project.properties as Record<string, unknown>)[key];
    }
    expect(validate(input)).toEqual([]);
  });
});

describe('validate() schema', () => {
  it('rejects an unknown kind', () => {
    const input = loadFixture();
    setKey(featureOf(input.zone, 'test-project').properties, 'kind', 'castle');
    expectOnly(validate(input), 'test-project', 'kind', /^schema: /);
  });

  it('rejects a missing required key, with the path to it', () => {
    const input = loadFixture();
    setKey(featureOf(input.zone, 'test-accelerator').properties.figures?.[0] ?? {}, 'unit', 1);
    expectOnly(validate(input), 'test-accelerator', 'figures[0].unit', /^schema: /);
  });

  it('rejects keys the contract does not have (typos)', () => {
    const input = loadFixture();
    setKey(featureOf(input.zone, 'test-project').properties, 'locaton_note', 'x');
    expectOnly(validate(input), 'test-project', 'locaton_note', /^schema: /);
  });

  it('rejects ids that are not ASCII kebab-case', () => {
    const input = loadFixture();
    const f = featureOf(input.zone, 'test-project');
    f.id = 'Test_Project';
    f.properties.id = 'Test_Project';
    expect(validate(input).map((e) => e.field)).toEqual(['feature.id', 'id']);
  });

  it('reports a feature without an id by its index', () => {
    const input = loadFixture();
    const f = featureOf(input.zone, 'test-project');
    setKey(f, 'id', undefined);
    setKey(f.properties, 'id', undefined);
    const errors = validate(input);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.id === null && e.field?.startsWith('features[3]'))).toBe(true);
  });

  it('rejects a file that is not a FeatureCollection', () => {
    const input = loadFixture();
    input.zoneFiles = [...input.zoneFiles, { file: 'data/zones/broken.geojson', data: [1, 2] }];
    expectOnly(validate(input), null, null, /not a GeoJSON FeatureCollection/);
  });

  it('checks industries.json and divisions.json too', () => {
    const input = loadFixture();
    input.industries = { industries: [{ code: 'Bad Code', zh: '坏', en: 'Bad' }] };
    input.divisions = { source: 'x', zones: { 'test-zone': { code: '12', name: 'x' } } };
    const files = validate(input).map((e) => e.file);
    expect(files).toContain('data/industries.json');
    expect(files).toContain('data/divisions.json');
  });
});

describe('validate() ids', () => {
  it('rejects an id used twice across files', () => {
    const input = loadFixture();
    const other = structuredClone(input.zone);
    other.features = other.features.filter((f) => f.properties.kind === 'zone');
    const zone = other.features[0];
    if (!zone) throw new Error('fixture has no zone');
    zone.id = 'other-zone';
    zone.properties.id = 'other-zone';
    zone.properties.zone = 'other-zone';
    input.divisions = undefined;
    input.zoneFiles = [
      ...input.zoneFiles,
      {
        file: 'data/zones/other-zone.geojson',
        data: { ...other, features: [zone, featureOf(input.zone, 'test-project')] },
      },
    ];
    const errors = validate(input);
    expect(errors).toContainEqual({
      file: 'data/zones/other-zone.geojson',
      id: 'test-project',
      field: 'id',
      message: `duplicate id (also in ${ZONE_FILE})`,
    });
  });

  it('rejects feature.id !== properties.id', () => {
    const input = loadFixture();
    featureOf(input.zone, 'test-project').id = 'test-project-2';
    expectOnly(validate(input), 'test-project', 'feature.id', /differs from properties.id/);
  });

  it('rejects a duplicate name_zh within a zone', () => {
    const input = loadFixture();
    featureOf(input.zone, 'test-project').properties.name_zh = '医疗器械机电产业园';
    expectOnly(validate(input), 'test-project', 'name_zh', /also used by test-park/);
  });
});

describe('validate() quotes', () => {
  const cases: [string, (p: Props) => void][] = [
    [
      'sources[0].quote',
      (p) => {
        if (p.sources[0]) p.sources[0].quote = '新规划建设石墨烯产业园';
      },
    ],
    [
      'figures[0].quote',
      (p) => {
        if (p.figures?.[0]) p.figures[0].quote = '建筑面积17000余平米';
      },
    ],
    [
      'status_source.quote',
      (p) => {
        p.status = 'operating';
        p.status_source = {
          doc: 'doc-a.txt',
          quote: '加速器已建成投产',
          as_of: '2021-03',
          reported: 'done',
        };
      },
    ],
    [
      'timeline[0].quote',
      (p) => {
        p.timeline = [{ date: '2021', doc: 'doc-a.txt', quote: '启迪之星加速器', note_en: 'x' }];
      },
    ],
  ];
  it.each(cases)('rejects a %s that is not verbatim', (field, mutate) => {
    const input = loadFixture();
    mutate(featureOf(input.zone, 'test-accelerator').properties);
    const errors = validate(input);
    expect(errors).toContainEqual({
      file: ZONE_FILE,
      id: 'test-accelerator',
      field,
      message: expect.stringMatching(/not found verbatim in doc-a\.txt/),
    });
  });

  it('rejects a quote from a document that is not in data/sources', () => {
    const input = loadFixture();
    const s = featureOf(input.zone, 'test-project').properties.sources[0];
    if (s) s.doc = '999_missing.txt';
    expectOnly(
      validate(input),
      'test-project',
      'sources[0].doc',
      /unknown document 999_missing\.txt/,
    );
  });

  it('treats a near-miss (different punctuation) as not verbatim', () => {
    const input = loadFixture();
    const s = featureOf(input.zone, 'test-project').properties.sources[0];
    // The document uses the full-width comma; an ASCII comma is a different string.
    if (s) s.quote = s.quote.replace('纳米晶新材料', '纳米晶新材料,');
    expectOnly(validate(input), 'test-project', 'sources[0].quote', /not found verbatim/);
  });

  it('rejects a location_note that no cited document contains', () => {
    const input = loadFixture();
    featureOf(input.zone, 'test-accelerator').properties.location_note = '医疗器械机电产业园3号楼';
    expectOnly(validate(input), 'test-accelerator', 'location_note', /not found verbatim/);
  });

  it('rejects a feature without sources', () => {
    const input = loadFixture();
    featureOf(input.zone, 'test-project').properties.sources = [];
    const errors = validate(input);
    expect(errors.map((e) => [e.id, e.field])).toEqual([['test-project', 'sources']]);
  });
});

describe('validate() figures', () => {
  it('rejects a value not written in its quote', () => {
    const input = loadFixture();
    const fig = featureOf(input.zone, 'test-accelerator').properties.figures?.[0];
    if (fig) {
      fig.value = 1700; // the quote says 17000余
      delete fig.qualifier; // …and writes no qualifier with 1700
    }
    expectOnly(validate(input), 'test-accelerator', 'figures[0].value', /1700 is not written/);
  });

  it('rejects a value converted to another unit', () => {
    const input = loadFixture();
    const fig = featureOf(input.zone, 'test-zone').properties.figures?.[0];
    if (fig) fig.value = 6320000000; // 63.2亿元 as yuan
    expectOnly(validate(input), 'test-zone', 'figures[0].value', /not written/);
  });

  it('rejects a target figure without the target flag type', () => {
    const input = loadFixture();
    const fig = featureOf(input.zone, 'test-zone').properties.figures?.[1];
    if (fig) setKey(fig, 'target', 'no');
    expectOnly(validate(input), 'test-zone', 'figures[1].target', /^schema: /);
  });
});

describe('numbersIn() and quoteHasValue()', () => {
  it('reads whole Arabic numbers, not substrings of them', () => {
    expect(quoteHasValue('总投资227亿元', 227)).toBe(true);
    expect(quoteHasValue('总投资227亿元', 22)).toBe(false);
    expect(quoteHasValue('总投资227亿元', 27)).toBe(false);
  });

  it('reads decimals exactly', () => {
    expect(quoteHasValue('固定资产投资346.4亿元', 346.4)).toBe(true);
    expect(quoteHasValue('固定资产投资346.4亿元', 346)).toBe(false);
    expect(quoteHasValue('固定资产投资346.4亿元', 4)).toBe(false);
  });

  it('reads a number followed by 余 or + as written', () => {
    expect(quoteHasValue('建筑面积17000余平方米', 17000)).toBe(true);
    expect(quoteHasValue('80+城市', 80)).toBe(true);
  });

  it('reads ASCII thousands separators but not the full-width comma', () => {
    expect(numbersIn('17,000平方米')).toEqual([17000]);
    expect(numbersIn('省级以上科技项目7个,获评山东省服务名牌1个')).toEqual([7, 1]);
    expect(numbersIn('5个,222家')).toEqual([5, 222]);
  });

  it('reads full-width digits', () => {
    expect(numbersIn('２２７亿元')).toEqual([227]);
  });

  it('reads Chinese numerals', () => {
    expect(quoteHasValue('三大主导产业', 3)).toBe(true);
    expect(quoteHasValue('十多个产业', 10)).toBe(true);
    expect(parseChineseNumeral('一百零五')).toBe(105);
    expect(parseChineseNumeral('二〇一七')).toBe(2017);
    expect(parseChineseNumeral('两千万')).toBe(20_000_000);
    expect(parseChineseNumeral('三亿五千万')).toBe(350_000_000);
  });

  it('does not read a bare order of magnitude as a value', () => {
    expect(numbersIn('过亿元项目')).toEqual([]);
    expect(parseChineseNumeral('万')).toBeNull();
  });
});

describe('validate() industries', () => {
  it('rejects an industry code missing from the taxonomy', () => {
    const input = loadFixture();
    featureOf(input.zone, 'test-project').properties.industries = ['new-materials', 'graphene'];
    expectOnly(
      validate(input),
      'test-project',
      'industries[1]',
      /unknown industry code "graphene"/,
    );
  });

  it('rejects a duplicate code in the taxonomy', () => {
    const input = loadFixture();
    input.industries = {
      industries: [
        { code: 'medical-devices', zh: '医疗器械', en: 'Medical devices' },
        { code: 'new-materials', zh: '新材料', en: 'New materials' },
        { code: 'new-materials', zh: '新材料', en: 'New materials' },
      ],
    };
    expectOnly(validate(input), 'new-materials', 'industries[2].code', /duplicate industry code/);
  });
});

describe('validate() zones, parents and geometry', () => {
  it('rejects a feature whose zone does not exist', () => {
    const input = loadFixture();
    featureOf(input.zone, 'test-project').properties.zone = 'atlantis';
    expectOnly(validate(input), 'test-project', 'zone', /zone "atlantis" does not exist/);
  });

  it('rejects a point outside its zone polygon', () => {
    const input = loadFixture();
    featureOf(input.zone, 'test-project').geometry = {
      type: 'Point',
      coordinates: [115.65, 35.27],
    };
    expectOnly(
      validate(input),
      'test-project',
      'geometry',
      /outside the polygon of zone test-zone/,
    );
  });

  it('rejects a parent that does not exist', () => {
    const input = loadFixture();
    featureOf(input.zone, 'test-accelerator').properties.parent = 'test-nowhere';
    expectOnly(validate(input), 'test-accelerator', 'parent', /"test-nowhere" does not exist/);
  });

  it('rejects a parent cycle', () => {
    const input = loadFixture();
    featureOf(input.zone, 'test-park').properties.parent = 'test-accelerator';
    const errors = validate(input);
    expect(errors.map((e) => e.message)).toContain('parent chain has a cycle');
  });

  it('rejects the zone as a parent', () => {
    const input = loadFixture();
    featureOf(input.zone, 'test-project').properties.parent = 'test-zone';
    expectOnly(validate(input), 'test-project', 'parent', /use zone for the zone/);
  });

  it('requires the zone feature first, and exactly one', () => {
    const input = loadFixture();
    input.zone.features.reverse();
    expectOnly(validate(input), 'test-project', 'kind', /zone feature must come first/);

    const two = loadFixture();
    two.zone.features = two.zone.features.filter((f) => f.properties.kind !== 'zone');
    expect(validate(two).map((e) => e.message)).toContain(
      'a zone file holds exactly one zone feature, found 0',
    );
  });

  it('requires zones to be polygons and everything else points', () => {
    const input = loadFixture();
    const zone = featureOf(input.zone, 'test-zone');
    featureOf(input.zone, 'test-project').geometry = zone.geometry;
    const errors = validate(input);
    expect(errors).toContainEqual(
      expect.objectContaining({ id: 'test-project', field: 'geometry.type' }),
    );
  });

  it('rejects an open, self-intersecting or over-detailed ring', () => {
    const open = loadFixture();
    const ring = (i: typeof open) => {
      const g = featureOf(i.zone, 'test-zone').geometry;
      if (g.type !== 'Polygon' || !g.coordinates[0])
        throw new Error('fixture zone is not a polygon');
      return g.coordinates[0];
    };
    ring(open).pop();
    ring(open).push([115.5, 35.21]);
    expect(validate(open).map((e) => e.message)).toContain('ring is not closed');

    const bowtie = loadFixture();
    const r = ring(bowtie);
    [r[1], r[2]] = [r[2] ?? [0, 0], r[1] ?? [0, 0]];
    expect(validate(bowtie).map((e) => e.message)).toContain('ring intersects itself');

    const detailed = loadFixture();
    const d = ring(detailed);
    d.splice(
      1,
      0,
      ...Array.from({ length: 200 }, (_, k): [number, number] => [115.5 + k / 5000, 35.2]),
    );
    expect(
      validate(detailed)
        .map((e) => e.message)
        .join('\n'),
    ).toMatch(/contract asks for 4–200/);
  });

  it('rejects coordinates with more than 5 decimals, and outside Shandong', () => {
    const input = loadFixture();
    featureOf(input.zone, 'test-project').geometry = {
      type: 'Point',
      coordinates: [115.570001, 35.27],
    };
    expectOnly(validate(input), 'test-project', 'geometry.coordinates', /rounded to 5 decimals/);

    const far = loadFixture();
    const zone = featureOf(far.zone, 'test-zone');
    zone.geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [120, 30],
          [120.1, 30],
          [120.1, 30.1],
          [120, 30.1],
          [120, 30],
        ],
      ],
    };
    zone.properties.districts = ['牡丹区'];
    far.basemap = { type: 'FeatureCollection', features: [] };
    expect(validate(far).map((e) => e.message)).toContain(
      '[120, 30] is outside Shandong (lon/lat swapped?)',
    );

    // Swapped lon/lat beyond ±90 is already a schema error.
    const swapped = loadFixture();
    featureOf(swapped.zone, 'test-project').geometry = {
      type: 'Point',
      coordinates: [35.27, 115.57],
    };
    expect(validate(swapped).map((e) => e.field)).toContain('geometry.coordinates[1]');
  });

  it('rejects two address points on one coordinate, but lets zone points share one', () => {
    // Zone-precision points all sit at their zone's label point (checked with data/places).
    const close = loadFixture();
    featureOf(close.zone, 'test-project').geometry = {
      type: 'Point',
      coordinates: [115.53, 35.25],
    };
    expect(validate(close)).toEqual([]);

    const same = loadFixture();
    featureOf(same.zone, 'test-project').properties.precision = 'address';
    featureOf(same.zone, 'test-project').geometry = {
      type: 'Point',
      coordinates: [115.5316, 35.25],
    };
    expectOnly(validate(same), 'test-project', 'geometry', /same coordinates as test-accelerator/);
  });

  it('lets an address-precision point sit next to its parent', () => {
    // The fixture's accelerator is ~150 m from its park: allowed, it is located by its address.
    expect(validate(loadFixture())).toEqual([]);
  });
});

describe('validate() status', () => {
  it('requires a status_source unless the status is unknown', () => {
    const input = loadFixture();
    featureOf(input.zone, 'test-park').properties.status_source = null;
    expectOnly(validate(input), 'test-park', 'status_source', /"planned" needs a status_source/);

    const unknown = loadFixture();
    const p = featureOf(unknown.zone, 'test-park').properties;
    p.status = 'unknown';
    p.status_source = null;
    expect(validate(unknown)).toEqual([]);
  });

  it('applies the status rule: the wording decides the status and whether it is a plan', () => {
    const input = loadFixture();
    const p = featureOf(input.zone, 'test-park').properties;
    p.status = 'operating'; // 新规划建设 gives planned
    expectOnly(validate(input), 'test-park', 'status', /"新规划建设" gives "planned"/);

    const plan = loadFixture();
    const src = featureOf(plan.zone, 'test-park').properties.status_source;
    if (src) src.reported = 'plan'; // 新规划建设 reports it as done
    expectOnly(validate(plan), 'test-park', 'status_source.reported', /reported as "done"/);

    const none = loadFixture();
    const q = featureOf(none.zone, 'test-park').properties;
    q.status_source = {
      doc: 'doc-b.txt',
      quote: '医疗器械机电产业园',
      as_of: '2017',
      reported: 'done',
    };
    expectOnly(validate(none), 'test-park', 'status', /must be "unknown"/);
  });

  it('gives a timeline entry the status its wording states, and none when it states none', () => {
    const input = loadFixture();
    const t = featureOf(input.zone, 'test-park').properties.timeline ?? [];
    if (t[0]) delete t[0].status;
    if (t[1]) t[1].status = 'operating'; // 位于…2号楼 states no status
    const errors = validate(input).map((e) => `${e.field}: ${e.message}`);
    expect(errors).toEqual([
      expect.stringMatching(/^timeline\[0\]\.status: .*"新规划建设" gives status "planned"/),
      expect.stringMatching(/^timeline\[1\]\.status: no wording/),
    ]);
  });

  it('keeps the qualifier of a figure and says what a growth rate is of', () => {
    const input = loadFixture();
    const fig = featureOf(input.zone, 'test-accelerator').properties.figures?.[0];
    if (fig) delete fig.qualifier; // 17000余
    expectOnly(validate(input), 'test-accelerator', 'figures[0].qualifier', /writes "余"/);

    const growth = loadFixture();
    growth.zone.features[0]?.properties.figures?.push({
      what: 'gdp_growth',
      label_zh: '增长',
      label_en: 'Growth',
      value: 8.5,
      unit: '%',
      year: 2017,
      period: null,
      target: false,
      doc: 'doc-b.txt',
      quote: '增长8.5%',
    });
    expectOnly(validate(growth), 'test-zone', 'figures[2].label_zh', /says what grows/);
  });

  it('needs as_of for a figure that runs to a date', () => {
    const input = loadFixture();
    const fig = featureOf(input.zone, 'test-accelerator').properties.figures?.[0];
    if (fig) fig.period = 'to_date';
    expectOnly(validate(input), 'test-accelerator', 'figures[0].as_of', /needs as_of/);
  });

  it('requires the timeline oldest first', () => {
    const input = loadFixture();
    featureOf(input.zone, 'test-park').properties.timeline?.reverse();
    expectOnly(validate(input), 'test-park', 'timeline[1].date', /oldest first/);
  });
});

describe('validate() districts', () => {
  it('rejects a zone polygon that leaves its districts', () => {
    const input = loadFixture();
    const p = featureOf(input.zone, 'test-zone').properties;
    p.districts = ['定陶区']; // the fixture zone lies in 牡丹区
    expectOnly(validate(input), 'test-zone', 'geometry', /leaves its districts \(定陶区\)/);
  });

  it('accepts a zone straddling two listed districts', () => {
    const input = loadFixture();
    const zone = featureOf(input.zone, 'test-zone');
    zone.properties.districts = ['牡丹区', '定陶区'];
    zone.geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [115.5, 35.05],
          [115.6, 35.05],
          [115.6, 35.3],
          [115.5, 35.3],
          [115.5, 35.05],
        ],
      ],
    };
    expect(validate(input)).toEqual([]);
  });

  it('rejects a district name the basemap does not have', () => {
    const input = loadFixture();
    featureOf(input.zone, 'test-zone').properties.districts = ['牡丹区', '花园区'];
    expectOnly(validate(input), 'test-zone', 'districts[1]', /"花园区" is not in the basemap/);
  });

  it('skips the basemap check when no basemap is given, but still needs districts', () => {
    const input = { ...loadFixture(), basemap: undefined };
    featureOf(input.zone, 'test-zone').properties.districts = ['定陶区'];
    expect(validate(input)).toEqual([]);
    featureOf(input.zone, 'test-zone').properties.districts = [];
    expectOnly(validate(input), 'test-zone', 'districts', /lists the basemap districts/);
  });

  it('rejects a zone missing from divisions.json', () => {
    const input = loadFixture();
    input.divisions = { source: 'x', zones: {} };
    expectOnly(validate(input), 'test-zone', 'id', /no entry in data\/divisions\.json/);
  });
});

describe('formatError() and summarize()', () => {
  it('prints file: id: field: message, leaving out what is null', () => {
    expect(
      formatError({
        file: 'data/zones/heze-hitech.geojson',
        id: 'heze-xyz',
        field: 'figures[2].quote',
        message: 'not found verbatim in 000_3dd22fdc9e0e8f3b.txt',
      }),
    ).toBe(
      'data/zones/heze-hitech.geojson: heze-xyz: figures[2].quote: not found verbatim in 000_3dd22fdc9e0e8f3b.txt',
    );
    expect(formatError({ file: 'data/industries.json', id: null, field: null, message: 'x' })).toBe(
      'data/industries.json: x',
    );
  });

  it('counts features by zone and kind', () => {
    const s = summarize(loadFixture().zoneFiles);
    expect(s.total).toBe(4);
    expect(s.kinds).toEqual({
      zone: 1,
      park: 1,
      platform: 1,
      project: 1,
      enterprise: 0,
      nonplace: 0,
    });
    expect(s.zones).toEqual([
      {
        zone: 'test-zone',
        total: 4,
        kinds: { zone: 1, park: 1, platform: 1, project: 1, enterprise: 0, nonplace: 0 },
      },
    ]);
    expect(formatSummary(s)).toMatch(/^test-zone\s+4 {2}zone 1, park 1/);
  });
});

describe('validate() relations', () => {
  const QUOTE = '启迪之星(菏泽)加速器位于菏泽高新区医疗器械机电产业园2号楼';
  const relationsOf = (input: ReturnType<typeof loadFixture>, id: string) =>
    featureOf(input.zone, id).properties;

  it('accepts a located_in relation that backs the parent, quoted verbatim', () => {
    const input = loadFixture();
    expect(relationsOf(input, 'test-accelerator').relations).toHaveLength(1);
    expect(validate(input)).toEqual([]);
  });

  it('rejects a target that does not exist, and a self link', () => {
    const input = loadFixture();
    const p = relationsOf(input, 'test-park');
    p.relations = [{ type: 'partner_of', target: 'test-nowhere', doc: 'doc-a.txt', quote: QUOTE }];
    expectOnly(
      validate(input),
      'test-park',
      'relations[0].target',
      /"test-nowhere" does not exist/,
    );
    p.relations = [{ type: 'partner_of', target: 'test-park', doc: 'doc-a.txt', quote: QUOTE }];
    expectOnly(validate(input), 'test-park', 'relations[0].target', /cannot relate to itself/);
  });

  it('rejects a type outside the closed list', () => {
    const input = loadFixture();
    const r = relationsOf(input, 'test-accelerator').relations?.[0] ?? {};
    setKey(r, 'type', 'friend_of');
    // The parent then lacks its located_in too: the schema error is what counts.
    const errors = validate(input);
    expect(errors.map((e) => e.field)).toContain('relations[0].type');
    expect(errors.find((e) => e.field === 'relations[0].type')?.message).toMatch(/^schema: /);
  });

  it('rejects a quote not in its document, or that does not name both features', () => {
    const input = loadFixture();
    const p = relationsOf(input, 'test-project');
    p.relations = [{ type: 'partner_of', target: 'test-park', doc: 'doc-a.txt', quote: QUOTE }];
    expectOnly(validate(input), 'test-project', 'relations[0].quote', /does not name both/);
    p.relations = [
      {
        type: 'partner_of',
        target: 'test-park',
        doc: 'doc-a.txt',
        quote: '纳米晶新材料与医疗器械机电产业园',
      },
    ];
    expectOnly(validate(input), 'test-project', 'relations[0].quote', /not found verbatim/);
  });

  it('rejects a repeated relation, located_in a zone, and a parent without its located_in', () => {
    const input = loadFixture();
    const p = relationsOf(input, 'test-accelerator');
    const [first] = p.relations ?? [];
    if (!first) throw new Error('fixture has no relation');
    p.relations = [first, first];
    expectOnly(validate(input), 'test-accelerator', 'relations[1]', /repeats located_in/);
    p.relations = [];
    expectOnly(validate(input), 'test-accelerator', 'relations', /has no located_in relation/);
    const park = relationsOf(input, 'test-park');
    park.relations = [{ type: 'located_in', target: 'test-zone', doc: 'doc-a.txt', quote: QUOTE }];
    p.relations = [first];
    const errors = validate(input).filter((e) => e.id === 'test-park');
    expect(errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/located_in a zone/));
  });
});
