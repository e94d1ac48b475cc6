/** The Yellow River's label line (issue 13): river.ts, and the line in the committed basemap. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { riverLine } from '../../../src/lib/geo/basemap-build/river.ts';
import { kmBetween } from '../../../src/lib/geo/basemap-build/places.ts';
import { asBasemapTopology, basemapLayers } from '../../../src/lib/geo/basemap.ts';

const square = (x: number, y: number, r = 0.02): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x - r, y - r],
      [x + r, y - r],
      [x + r, y + r],
      [x - r, y + r],
      [x - r, y - r],
    ],
  ],
});

describe('riverLine', () => {
  // A river of pieces from (0, 0) east to (1, 0), one piece missing (a gap of ~11 km), and a lake
  // north of it that a straight line would not pass but a careless path might.
  const river = [
    0, 0.05, 0.1, 0.15, 0.2, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95,
    1,
  ].map((x) => square(x, 0));
  const lake = square(0.5, 0.3, 0.05);
  const entry = square(0, 0, 0.03);

  it('follows the water from the mouth to the entry county, jumping its gap, missing the lake', () => {
    const line = riverLine([...river, lake], [1.03, 0], entry);
    if (!line) throw new Error('no line');
    const [first, last] = [line.coordinates[0], line.coordinates.at(-1)];
    expect(first).toEqual([0, 0]); // upstream first, so the text reads with the flow's direction
    expect(last).toEqual([1, 0]);
    for (const [, y = 0] of line.coordinates) expect(Math.abs(y)).toBeLessThan(0.01);
  });

  it('gives no line when the water never reaches the entry county', () => {
    expect(riverLine(river, [1.03, 0], square(5, 5))).toBeNull();
  });
});

describe('the committed basemap’s Yellow River', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const layers = basemapLayers(
    asBasemapTopology(JSON.parse(readFileSync(`${root}data/basemap/shandong.topo.json`, 'utf8'))),
  );
  const rivers = layers.context.features.filter((f) => f.properties.kind === 'river');
  const district = (p: number[]) =>
    layers.districts.features.find((d) => booleanPointInPolygon(p, d));

  it('runs from 东明县 to the mouth, only through the nine prefectures the river flows through', () => {
    expect(rivers.map((r) => [r.properties.name, r.properties.name_en])).toEqual([
      ['黄河', 'Yellow River'],
    ]);
    const line = rivers[0]?.geometry;
    if (line?.type !== 'LineString') throw new Error('no label line');
    const [first = [], last = []] = [line.coordinates[0], line.coordinates.at(-1)];
    expect(district(first)?.properties.name).toBe('东明县');
    expect(kmBetween([last[0] ?? 0, last[1] ?? 0], [119.25, 37.76667])).toBeLessThan(10);
    // "经菏泽、济宁、泰安、聊城、济南、德州、滨州、淄博、东营9市": vertices off every district lie on
    // the river where it is the border with 河南.
    const nine = [
      '菏泽市',
      '济宁市',
      '泰安市',
      '聊城市',
      '济南市',
      '德州市',
      '滨州市',
      '淄博市',
      '东营市',
    ];
    const crossed = new Set<string>();
    for (const p of line.coordinates) {
      const d = district(p);
      if (!d) continue;
      expect(nine, d.properties.name).toContain(d.properties.city);
      crossed.add(d.properties.name);
    }
    expect(crossed.size).toBeGreaterThanOrEqual(6); // a few vertices: the line is simplified
    for (const name of ['东明县', '天桥区', '垦利区']) expect([...crossed]).toContain(name);
  });
});
