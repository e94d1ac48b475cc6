/**
 * Links that open a stop in 高德, 百度 or Apple Maps for directions. Links the user follows; the app
 * itself requests nothing. Each service reads its own datum: 高德 GCJ-02, 百度 BD-09 (bd09ll),
 * Apple WGS-84 (gcoord converts; data is WGS-84).
 */
import gcoord from 'gcoord';

export interface Stop {
  name: string;
  /** [lng, lat], WGS-84. */
  at: [number, number];
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const to = (at: [number, number], crs: 'GCJ02' | 'BD09'): [number, number] => {
  const [lng, lat] = gcoord.transform(at, gcoord.WGS84, gcoord[crs]) as [number, number];
  return [r6(lng), r6(lat)];
};
const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** 高德: directions from the previous stop (or where the user is) to this one, GCJ-02. */
export function amapLink(stop: Stop, from: Stop | null): string {
  const [lng, lat] = to(stop.at, 'GCJ02');
  const p: Record<string, string> = {
    to: `${lng},${lat},${stop.name}`,
    mode: 'car',
    coordinate: 'gaode',
    callnative: '1',
    src: 'park-atlas',
  };
  if (from) {
    const [flng, flat] = to(from.at, 'GCJ02');
    p.from = `${flng},${flat},${from.name}`;
  }
  return `https://uri.amap.com/navigation?${query(p)}`;
}

/** 百度: directions from the previous stop, else the stop marked; BD-09 (`coord_type=bd09ll`). */
export function baiduLink(stop: Stop, from: Stop | null): string {
  const [lng, lat] = to(stop.at, 'BD09');
  if (!from) {
    return `https://api.map.baidu.com/marker?${query({
      location: `${lat},${lng}`,
      title: stop.name,
      content: stop.name,
      coord_type: 'bd09ll',
      output: 'html',
      src: 'webapp.park-atlas',
    })}`;
  }
  const [flng, flat] = to(from.at, 'BD09');
  return `https://api.map.baidu.com/direction?${query({
    origin: `latlng:${flat},${flng}|name:${from.name}`,
    destination: `latlng:${lat},${lng}|name:${stop.name}`,
    mode: 'driving',
    coord_type: 'bd09ll',
    output: 'html',
    src: 'webapp.park-atlas',
  })}`;
}

/** Apple Maps: driving directions in WGS-84, from the previous stop or where the user is. */
export function appleLink(stop: Stop, from: Stop | null): string {
  const [lng, lat] = stop.at.map(r6) as [number, number];
  const p: Record<string, string> = { daddr: `${lat},${lng}`, q: stop.name, dirflg: 'd' };
  if (from) p.saddr = `${r6(from.at[1])},${r6(from.at[0])}`;
  return `https://maps.apple.com/?${query(p)}`;
}
