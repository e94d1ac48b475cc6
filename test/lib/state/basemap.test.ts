import { describe, expect, it } from 'vitest';
import {
  hasSecret,
  lastBasemap,
  rememberBasemap,
  storedBasemap,
  templateProblem,
} from '../../../src/lib/state/basemap.ts';
import {
  checkTemplate,
  isGcjService,
  templateOrigin,
} from '../../../src/lib/state/basemap-advice.ts';
import { decodeView, encodeView } from '../../../src/lib/state/url/index.ts';
import { defaultView } from '../../../src/lib/state/view.ts';

const TIANDITU =
  'https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec' +
  '&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc123';
const OSM = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

describe('templateProblem', () => {
  it('accepts http(s) templates with {z}, {x} and {y}, in any order', () => {
    expect(templateProblem(OSM)).toBeNull();
    expect(templateProblem(TIANDITU)).toBeNull();
    expect(templateProblem('http://127.0.0.1:9000/{z}/{y}/{x}')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(templateProblem('')).toBe('url');
    expect(templateProblem('tiles/{z}/{x}/{y}.png')).toBe('url');
    expect(templateProblem('ftp://example.org/{z}/{x}/{y}.png')).toBe('scheme');
    expect(templateProblem('javascript:alert(1)//{z}{x}{y}')).toBe('scheme');
    expect(templateProblem('https://example.org/{z}/{x}.png')).toBe('placeholders');
    expect(templateProblem('https://example.org/tiles.png')).toBe('placeholders');
  });

  it('tells a MapLibre style URL apart: not supported', () => {
    expect(checkTemplate('https://demotiles.maplibre.org/style.json')).toBe('style');
    expect(checkTemplate('https://api.maptiler.com/maps/streets/style.json?key=k')).toBe('style');
    expect(checkTemplate('https://api.mapbox.com/styles/v1/me/abc')).toBe('style');
    expect(templateProblem('https://api.mapbox.com/styles/v1/me/abc')).toBe('placeholders');
  });

  it('refuses origins the deployment does not allow', () => {
    const allowed = ['https://tile.openstreetmap.org'];
    expect(checkTemplate(OSM, allowed)).toBeNull();
    expect(checkTemplate(TIANDITU, allowed)).toBe('origin');
    expect(checkTemplate(OSM, [])).toBe('origin');
    expect(checkTemplate('ftp://a.org/{z}/{x}/{y}', allowed)).toBe('scheme');
  });

  it('reads the origin of a template', () => {
    expect(templateOrigin(TIANDITU)).toBe('https://t0.tianditu.gov.cn');
    expect(templateOrigin('http://127.0.0.1:9000/{z}/{x}/{y}')).toBe('http://127.0.0.1:9000');
    expect(templateOrigin('not a url')).toBeNull();
  });
});

describe('secrets and GCJ-02 services', () => {
  it('finds keys and tokens in the query', () => {
    expect(hasSecret(TIANDITU)).toBe(true);
    expect(hasSecret('https://x.org/{z}/{x}/{y}?key=1')).toBe(true);
    expect(hasSecret('https://x.org/{z}/{x}/{y}.png?access_token=pk.1')).toBe(true);
    expect(hasSecret('https://x.org/{z}/{x}/{y}?a=1&ak=2')).toBe(true);
    expect(hasSecret('https://x.org/{z}/{x}/{y}?TOKEN=2')).toBe(true);
    expect(hasSecret(OSM)).toBe(false);
    expect(hasSecret('https://x.org/{z}/{x}/{y}?style=keyline&monkey=1')).toBe(false);
  });

  it('knows the GCJ-02 services (Amap, Tencent, Baidu) and no others', () => {
    const gcj = [
      'https://webrd01.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
      'https://wprd02.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=7',
      'https://rt1.map.gtimg.com/realtimerender?z={z}&x={x}&y={y}&type=vector',
      'https://maponline0.bdimg.com/tile/?qt=vtile&x={x}&y={y}&z={z}',
      'https://webst01.amap.com/{z}/{x}/{y}',
    ];
    for (const t of gcj) expect(isGcjService(t), t).toBe(true);
    expect(isGcjService(TIANDITU)).toBe(false);
    expect(isGcjService(OSM)).toBe(false);
    expect(isGcjService('https://notamap.com/{z}/{x}/{y}')).toBe(false);
  });
});

describe('the link key bm', () => {
  it('round-trips a template without a key', () => {
    const view = { ...defaultView(), basemap: OSM };
    const hash = encodeView(view);
    expect(hash).toContain('bm=');
    const back = decodeView(hash);
    expect(back.view).toEqual(view);
    expect(back.dropped).toEqual([]);
  });

  it('never writes a template with a key, and never reads one', () => {
    expect(encodeView({ ...defaultView(), basemap: TIANDITU })).toBe('v=1');
    const read = decodeView(`v=1&bm=${encodeURIComponent(TIANDITU)}`);
    expect(read.view.basemap).toBeNull();
    expect(read.dropped).toHaveLength(1);
  });

  it('drops what is not a template, keeping the rest', () => {
    const read = decodeView('v=1&lang=en&bm=javascript:alert(1)');
    expect(read.view).toEqual({ ...defaultView(), lang: 'en' });
    expect(read.dropped[0]).toMatchObject({ key: 'bm', problem: 'bad-value' });
  });

  it('is left out when off', () => {
    expect(encodeView(defaultView())).toBe('v=1');
  });
});

describe('the stored setting', () => {
  const memory = () => {
    const m = new Map<string, string>();
    return {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
      keys: () => [...m.keys()],
    };
  };

  it('is off and empty at first', () => {
    expect(storedBasemap(memory())).toBeNull();
    expect(lastBasemap(memory())).toBe('');
    expect(storedBasemap(null)).toBeNull();
  });

  it('keeps the template drawn, and the last one when turned off', () => {
    const s = memory();
    rememberBasemap(s, TIANDITU);
    expect(storedBasemap(s)).toBe(TIANDITU);
    rememberBasemap(s, null);
    expect(storedBasemap(s)).toBeNull();
    expect(lastBasemap(s)).toBe(TIANDITU);
  });

  it('reads a stored value that is not a template as off, and survives refusing storage', () => {
    const s = memory();
    rememberBasemap(s, 'javascript:alert(1)');
    expect(storedBasemap(s)).toBeNull();
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(storedBasemap(refusing)).toBeNull();
    expect(() => rememberBasemap(refusing, OSM)).not.toThrow();
  });
});
