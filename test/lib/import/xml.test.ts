import { describe, expect, it } from 'vitest';
import { readGpx, readKml } from '../../../src/lib/import/formats/xml.ts';
import { fixtureText } from './fixture.ts';

describe('readKml', () => {
  it('reads a Placemark point (elevation kept) and a polygon, with their properties', () => {
    const result = readKml(fixtureText('parks.kml'), 'parks.kml');
    expect(result.fatal).toBeUndefined();
    expect(result.format).toBe('kml');
    const [point, polygon] = result.features;
    expect(point?.geometry).toEqual({ type: 'Point', coordinates: [117.0, 36.65, 30] });
    expect(point?.properties).toMatchObject({
      name: '济南高新技术产业开发区',
      description: '国家级高新区',
    });
    expect(polygon?.geometry?.type).toBe('Polygon');
    expect(polygon?.properties).toMatchObject({ name: '起步区', level: '省级' });
    expect(result.issues).toEqual([]);
    expect(result.declaredCrs).toMatchObject({ epsg: 4326, from: 'parks.kml' });
  });

  it('refuses broken XML, saying where it broke', () => {
    const result = readKml(fixtureText('broken.kml'), 'broken.kml');
    expect(result.features).toEqual([]);
    expect(result.fatal).toMatchObject({ code: 'xml-syntax', file: 'broken.kml', rejected: true });
    expect(result.fatal?.where).toMatch(/^line 6, column \d+$/);
    expect(result.fatal?.en).toMatch(/not valid KML \(XML\): .*Point.*Pont/);
  });

  it('refuses an empty file', () => {
    const result = readKml('', 'empty.kml');
    expect(result.fatal?.en).toMatch(/empty/);
  });

  it('refuses XML that is not KML, naming its root', () => {
    const result = readKml('<html><body/></html>', 'page.kml');
    expect(result.fatal).toMatchObject({ code: 'kml-root' });
    expect(result.fatal?.en).toMatch(/<html>/);
  });

  it('warns that network links are not followed', () => {
    const text =
      '<kml><Document><NetworkLink><Link><href>x.kml</href></Link></NetworkLink></Document></kml>';
    const result = readKml(text, 'links.kml');
    expect(result.issues.map((i) => i.code)).toEqual(['kml-network-link']);
  });
});

describe('readGpx', () => {
  it('reads a waypoint with its elevation and a track', () => {
    const result = readGpx(fixtureText('waypoints.gpx'), 'walk.gpx');
    expect(result.fatal).toBeUndefined();
    const waypoint = result.features.find((f) => f.geometry?.type === 'Point');
    expect(waypoint?.geometry).toEqual({ type: 'Point', coordinates: [117.0, 36.65, 30] });
    expect(waypoint?.properties.name).toBe('济南高新区');
    const track = result.features.find((f) => f.geometry?.type === 'LineString');
    expect(track?.properties.name).toBe('考察路线');
  });

  it('refuses a KML passed as GPX', () => {
    const result = readGpx(fixtureText('parks.kml'), 'parks.gpx');
    expect(result.fatal?.code).toBe('gpx-root');
  });
});
