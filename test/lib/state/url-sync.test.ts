import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeView } from '../../../src/lib/state/url/decode.ts';
import {
  isBlankHash,
  readerFor,
  UrlSync,
  type HistoryPort,
} from '../../../src/lib/state/url-sync.ts';
import { defaultView, type ViewState } from '../../../src/lib/state/view.ts';

function fakeHistory(initial = '') {
  const log: [string, string][] = [];
  let hash = initial;
  const port: HistoryPort = {
    get hash() {
      return hash;
    },
    replace: (h) => {
      hash = `#${h}`;
      log.push(['replace', h]);
    },
    push: (h) => {
      hash = `#${h}`;
      log.push(['push', h]);
    },
    onNavigate: () => () => {},
  };
  return { port, log, set: (h: string) => (hash = h) };
}

const at = (zoom: number, lng = 116): ViewState => ({
  ...defaultView(),
  camera: { zoom, lat: 36, lng, bearing: 0, pitch: 0 },
});

describe('UrlSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reads the initial view from the hash and names what it dropped', () => {
    const { port } = fakeHistory('#map=8/36/116&v=1&sel=nope&foo=1');
    const sync = new UrlSync(port, { ids: new Set(['a']) }, decodeView);
    const { view, dropped } = sync.initial();
    expect(view.camera?.zoom).toBe(8);
    expect(view.selected).toBeNull();
    expect(dropped.map((d) => d.value)).toEqual(expect.arrayContaining(['nope', 'foo']));
  });

  it('after Back to an entry without a camera, keeps the camera on screen and writes it', async () => {
    const { port, log, set } = fakeHistory('#v=1');
    const sync = new UrlSync(port, { ids: new Set(['a']) }, decodeView);
    sync.update({ ...at(12), selected: 'a' });
    set('#v=1');
    const { view } = (await sync.navigated(at(12).camera))!;
    expect(view.camera?.zoom).toBe(12);
    expect(view.selected).toBeNull();
    expect(log.at(-1)).toEqual(['replace', 'map=12/36/116&v=1']);
    // The view applied is what the address says: no further write.
    sync.update(view);
    expect(log.length).toBe(2);
  });

  it('after Back to an entry with a camera, moves to it', async () => {
    const { port, set } = fakeHistory('#v=1');
    const sync = new UrlSync(port, {}, decodeView);
    set('#map=7/36/116&v=1');
    expect((await sync.navigated(at(12).camera))?.view.camera?.zoom).toBe(7);
  });

  it('replaces the entry for camera moves, throttled to one write', () => {
    const { port, log } = fakeHistory();
    const sync = new UrlSync(port, {}, decodeView);
    for (let z = 5; z < 9; z += 0.5) sync.update(at(z));
    expect(log).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(log).toEqual([['replace', 'map=8.5/36/116&v=1']]);
  });

  it('pushes an entry when the selection or a filter changes', () => {
    const { port, log } = fakeHistory();
    const sync = new UrlSync(port, {}, decodeView);
    sync.update({ ...at(8), selected: 'heze-graphene-park' });
    sync.update({ ...at(8), selected: 'heze-graphene-park', industries: ['graphene'] });
    sync.update({ ...at(8), selected: null, industries: ['graphene'] });
    expect(log.map(([kind]) => kind)).toEqual(['push', 'push', 'push']);
    expect(log[0]?.[1]).toContain('sel=heze-graphene-park');
    expect(log[2]?.[1]).not.toContain('sel=');
  });

  it('does not write the view it has just read back (Back/Forward)', async () => {
    const h = fakeHistory();
    const sync = new UrlSync(h.port, {}, decodeView);
    h.set('#v=1&sel=x');
    const { view } = (await sync.navigated())!;
    sync.update(view);
    expect(h.log).toEqual([]);
  });

  it('applies only the last of two navigations when the first waits for the reader', async () => {
    const h = fakeHistory();
    const sync = new UrlSync(h.port, {}, decodeView);
    h.set('#map=7/36/116&v=1');
    const first = sync.navigated();
    h.set('');
    const second = sync.navigated();
    expect(await second).not.toBeNull();
    expect(await first).toBeNull();
  });
});

// A visit without a link does not fetch the reader (~2.5 KB gzip): the blank reader must give
// exactly what the full one gives for such a hash.
describe('readerFor', () => {
  it('reads a blank hash as the full reader does, without loading it', async () => {
    for (const hash of ['', '#']) {
      expect(isBlankHash(hash)).toBe(true);
      const read = await readerFor(hash);
      expect(read).not.toBe(decodeView);
      expect(read(hash, {})).toEqual(decodeView(hash, {}));
    }
  });

  it('loads the full reader for any hash with something in it', async () => {
    for (const hash of ['#v=1', 'map=8/36/116', '#sel=x', '# ']) {
      expect(isBlankHash(hash)).toBe(false);
      expect(await readerFor(hash)).toBe(decodeView);
    }
  });
});
