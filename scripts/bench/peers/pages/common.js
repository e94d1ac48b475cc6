// What the three peer pages share (classic script, no dependencies). Each page sets
// window.__peer = { filter(method, codes) → Promise<ms> } once its points are drawn, and keeps
// its progress in PEER.state. The colours and breaks are the same for every tool.
(function () {
  const params = new URLSearchParams(location.search);
  const state = {
    phase: 'loading',
    n: Number(params.get('n') || 1000),
    firstDrawMs: null,
    drawnCount: null,
    canvasChanged: null,
    marks: {},
    error: null,
  };
  const fail = (e) => {
    state.error = state.error || String((e && (e.stack || e.message)) || e);
  };
  window.addEventListener('error', (e) => fail(e.error || e.message));
  window.addEventListener('unhandledrejection', (e) => fail(e.reason));
  const BREAKS = [10, 30, 100, 300];
  const COLORS = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'];
  const NULL_COLOR = '#9e9e9e';
  window.PEER = {
    params,
    state,
    fail,
    BREAKS,
    COLORS,
    NULL_COLOR,
    /** Shandong's bounding box: west, south, east, north. */
    BOUNDS: [115.0, 34.4, 122.7, 38.4],
    dataUrl: () => `/data/parks-${state.n}.geojson`,
    mark(name) {
      state.marks[name] = Math.round(performance.now() * 10) / 10;
    },
    colorFor(v) {
      if (v == null) return NULL_COLOR;
      let i = 0;
      while (i < BREAKS.length && v >= BREAKS[i]) i++;
      return COLORS[i];
    },
    async loadData() {
      const response = await fetch(this.dataUrl());
      this.mark('fetched');
      const json = await response.json();
      this.mark('parsed');
      return json;
    },
    /** Two animation frames: the change has been painted. */
    raf2: () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    only(fc, codes) {
      const keep = new Set(codes);
      return {
        type: 'FeatureCollection',
        features: fc.features.filter((f) => keep.has(f.properties.ind)),
      };
    },
  };
})();
