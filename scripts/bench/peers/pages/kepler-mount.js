/* global PEER, React, ReactDOM, Redux, ReactRedux -- the page loads them as UMD globals first */
// kepler.gl mounted as an app embeds it, shared by kepler.html (rows in, filter toggles) and
// kepler-import.html (a file through kepler's own loader): a redux store with kepler's reducer
// and task middleware, the KeplerGl component on a blank style, and deck.gl frames observed.
// Classic script after common.js and the UMD bundles; sets PEER.mountKepler().
(function () {
  // No network basemap: a background-only style replaces kepler's default ones.
  const BLANK = {
    id: 'blank',
    label: 'Blank',
    url: null,
    icon: '',
    layerGroups: [],
    style: {
      version: 8,
      sources: {},
      layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f4f0' } }],
    },
  };

  /** The point layer every kepler page draws: coloured by `colorField` (quantile), radius 8. */
  PEER.keplerPointLayer = ({ lat, lng, colorField }) => ({
    id: 'parks-layer',
    type: 'point',
    config: {
      dataId: 'parks',
      label: 'parks',
      columns: { lat, lng },
      isVisible: true,
      color: [251, 106, 74],
      visConfig: {
        radius: 8,
        opacity: 0.85,
        filled: true,
        outline: false,
        colorRange: { name: 'peer', type: 'sequential', category: 'Custom', colors: PEER.COLORS },
      },
    },
    visualChannels: {
      colorField: { name: colorField, type: 'real' },
      colorScale: 'quantile',
    },
  });

  PEER.mountKepler = () => {
    const K = window.KeplerGl;
    const store = Redux.createStore(
      Redux.combineReducers({
        keplerGl: K.keplerGlReducer.initialState({
          uiState: { readOnly: true, currentModal: null },
          mapStyle: { styleType: 'blank' },
        }),
      }),
      {},
      Redux.applyMiddleware(...K.enhanceReduxMiddleware([])),
    );
    let deck = null;
    let gl = null;
    const frames = []; // performance.now() of each deck.gl frame
    let readBack = null; // resolves with the canvas hash after the next deck frame
    const afterFrame = () => {
      frames.push(performance.now());
      if (!readBack || !gl) return;
      const w = gl.drawingBufferWidth;
      const h = gl.drawingBufferHeight;
      const px = new Uint8Array(w * h * 4);
      gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, px);
      let hash = 2166136261;
      for (let i = 0; i < px.length; i += 4)
        hash = Math.imul(hash ^ px[i] ^ (px[i + 1] << 8) ^ (px[i + 2] << 16), 16777619);
      const done = readBack;
      readBack = null;
      done(hash >>> 0);
    };
    // kepler owns deck's onAfterRender, so deck frames are seen by wrapping _drawLayers.
    const watch = (d) => {
      if (!d || d.__peerWatched) return;
      const draw = d._drawLayers;
      d._drawLayers = function (...args) {
        const out = draw.apply(this, args);
        afterFrame();
        return out;
      };
      d.__peerWatched = true;
    };
    const App = () =>
      React.createElement(K.KeplerGl, {
        id: 'map',
        width: window.innerWidth,
        height: window.innerHeight,
        mapboxApiAccessToken: '',
        mapStyles: [BLANK],
        mapStylesReplaceDefault: true,
        onDeckInitialized: (d, context) => {
          if (d) {
            deck = d;
            watch(d);
          }
          gl = context;
        },
      });
    ReactDOM.createRoot(document.getElementById('app')).render(
      React.createElement(ReactRedux.Provider, { store }, React.createElement(App)),
    );
    const live = () =>
      deck?.layerManager
        ?.getLayers()
        .some((l) => l.id.startsWith('parks-layer') && l.isLoaded && l.getNumInstances() > 0);
    return {
      K,
      store,
      frames,
      dataset: () => store.getState().keplerGl.map.visState.datasets.parks,
      /** Resolves with the canvas hash after the next deck frame. */
      canvasHash: () =>
        new Promise((resolve) => {
          readBack = resolve;
          if (deck) deck.redraw('peer-bench');
        }),
      /**
       * Drawn: the parks layer is live in deck.gl and a deck frame came after `t0`, checked every
       * two animation frames; performance.now() then.
       */
      async drawnAfter(t0, timeoutMs, onCheck) {
        for (;;) {
          await PEER.raf2();
          if (onCheck) onCheck();
          if (live() && frames.some((t) => t > t0)) return performance.now();
          if (performance.now() - t0 > timeoutMs)
            throw new Error(`kepler.gl: the layer never drew in ${timeoutMs / 1000} s`);
        }
      },
    };
  };
})();
