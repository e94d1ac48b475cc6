import { describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import { amapLink, appleLink, baiduLink, type Stop } from '../../../src/lib/toolkit/directions.ts';
import { haversineKm } from '../../../src/lib/toolkit/distance.ts';

const accelerator: Stop = { name: '启迪之星(菏泽)加速器', at: [115.37879, 35.23006] };
const jining: Stop = { name: '济宁高新区', at: [116.69174, 35.4275] };
const pair = (s: string): [number, number] =>
  s.split(',').slice(0, 2).map(Number) as [number, number];

/** Back to WGS-84 with gcoord, which must land where the stop is (within a metre). */
function expectBack(at: [number, number], crs: 'GCJ02' | 'BD09', stop: Stop) {
  const back = gcoord.transform(at, gcoord[crs], gcoord.WGS84) as [number, number];
  expect(haversineKm(back, stop.at)).toBeLessThan(0.001);
  // And it was converted: the datums differ by hundreds of metres in Shandong.
  expect(haversineKm(at, stop.at)).toBeGreaterThan(0.1);
}

describe('direction links: each service gets its own datum', () => {
  it('高德 in GCJ-02, from the previous stop to this one', () => {
    const url = new URL(amapLink(jining, accelerator));
    expect(url.origin + url.pathname).toBe('https://uri.amap.com/navigation');
    expect(url.searchParams.get('coordinate')).toBe('gaode');
    expectBack(pair(url.searchParams.get('to') ?? ''), 'GCJ02', jining);
    expectBack(pair(url.searchParams.get('from') ?? ''), 'GCJ02', accelerator);
    expect(url.searchParams.get('to')).toMatch(/,济宁高新区$/);
  });

  it('高德 without a previous stop: from where the user is', () => {
    expect(new URL(amapLink(accelerator, null)).searchParams.has('from')).toBe(false);
  });

  it('百度 in BD-09 (lat,lng), marked for the first stop, directions after', () => {
    const first = new URL(baiduLink(accelerator, null));
    expect(first.pathname).toBe('/marker');
    expect(first.searchParams.get('coord_type')).toBe('bd09ll');
    const [lat, lng] = pair(first.searchParams.get('location') ?? '');
    expectBack([lng, lat], 'BD09', accelerator);

    const next = new URL(baiduLink(jining, accelerator));
    expect(next.pathname).toBe('/direction');
    const dest = /^latlng:([\d.]+),([\d.]+)\|name:(.+)$/.exec(
      next.searchParams.get('destination') ?? '',
    );
    expect(dest?.[3]).toBe('济宁高新区');
    expectBack([Number(dest?.[2]), Number(dest?.[1])], 'BD09', jining);
  });

  it('Apple Maps in WGS-84, as stored', () => {
    const url = new URL(appleLink(jining, accelerator));
    expect(url.searchParams.get('daddr')).toBe('35.4275,116.69174');
    expect(url.searchParams.get('saddr')).toBe('35.23006,115.37879');
    expect(new URL(appleLink(jining, null)).searchParams.has('saddr')).toBe(false);
  });
});
