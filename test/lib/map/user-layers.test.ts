import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { UserLayers, type UserLayerData } from '../../../src/lib/map/user-layers.ts';
import type { ClassedPoints } from '../../../src/lib/scales/classed-points.ts';

/** Just what UserLayers calls on a map, each call recorded; `gl` its WebGL2 context, if any. */
function fakeMap(gl: unknown = null) {
  const calls: string[] = [];
  const layers = new Map<string, unknown>();
  const sources = new Set<string>();
  const map = {
    addSource: (id: string) => (calls.push(`addSource ${id}`), sources.add(id)),
    removeSource: (id: string) => (calls.push(`removeSource ${id}`), sources.delete(id)),
    getSource: (id: string) => (sources.has(id) ? {} : undefined),
    addLayer: (l: { id: string }) => (calls.push(`addLayer ${l.id}`), layers.set(l.id, l)),
    removeLayer: (id: string) => (calls.push(`removeLayer ${id}`), layers.delete(id)),
    getLayer: (id: string) => layers.get(id),
    setFilter: (id: string, f: unknown) => calls.push(`setFilter ${id} ${JSON.stringify(f)}`),
    setFeatureState: (at: { source: string; id: number }, state: unknown) =>
      calls.push(`setFeatureState ${at.source} ${at.id} ${JSON.stringify(state)}`),
    triggerRepaint: () => calls.push('triggerRepaint'),
    getCanvas: () => ({ getContext: () => gl }),
  };
  return { map: map as unknown as MapLibreMap, calls, layers };
}

const geojson: UserLayerData = {
  id: 'a',
  visible: true,
  color: '#d6336c',
  drawing: { kind: 'geojson', url: 'blob:a', categoryValues: ['省级', '市级'] },
  cluster: false,
  classes: null,
  shownCategories: ['省级'],
};

const points: ClassedPoints = {
  kind: 'points',
  origin: [0.5, 0.5],
  positions: new Float32Array(6),
  classes: new Uint8Array(3),
  categories: Uint8Array.from([0, 1, 0]),
  categoryValues: ['省级', '市级'],
};

/** A WebGL2 context that logs the calls that make a program and those that wait for the driver. */
function fakeGl(log: string[]) {
  const constants = { VERTEX_SHADER: 1, FRAGMENT_SHADER: 2, COMPILE_STATUS: 3, LINK_STATUS: 4 };
  return {
    ...constants,
    createShader: () => ({}),
    shaderSource: () => {},
    compileShader: () => log.push('compile'),
    getShaderParameter: () => log.push('wait for compile') > 0,
    createProgram: () => ({}),
    attachShader: () => {},
    linkProgram: () => log.push('link'),
    getProgramParameter: () => log.push('wait for link') > 0,
    canvas: { addEventListener: () => {} },
    flush: () => log.push('flush'),
  };
}

/** Past program.ts's step (20 ms). */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 25));

describe('the map’s imported layers', () => {
  it('starts compiling the GPU program when an import begins, before any layer is there', async () => {
    const log: string[] = [];
    const { map } = fakeMap(fakeGl(log));
    const user = new UserLayers(map);
    user.set([]);
    expect(log).toEqual([]);
    user.set([], true);
    expect(log).toEqual(['compile', 'compile', 'flush']);
    // In no hurry: the driver is asked 250 ms apart, when it has long finished.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(log).toHaveLength(3);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(log).toContain('wait for link');
  });

  it('compiles the GPU layer’s program a step per task before adding it (#16: no long task)', async () => {
    const log: string[] = [];
    const { map, layers } = fakeMap(fakeGl(log));
    new UserLayers(map).set([{ ...geojson, drawing: points }]);
    // The task the worker's answer lands in only starts the compile.
    expect(log).toEqual(['compile', 'compile', 'flush']);
    expect(layers.has('user:a:gpu')).toBe(false);
    await nextTask();
    expect(log.slice(3)).toEqual(['wait for compile']);
    await nextTask();
    expect(log.slice(4)).toEqual(['wait for compile', 'link', 'flush']);
    expect(layers.has('user:a:gpu')).toBe(false);
    await nextTask();
    expect(log.slice(7)).toEqual(['wait for link']);
    await nextTask();
    expect(layers.has('user:a:gpu')).toBe(true);
    // A second layer of the same map shares the program: nothing compiled, added a task later.
    const second = new UserLayers(map);
    second.set([{ ...geojson, id: 'b', drawing: points }]);
    expect(layers.has('user:b:gpu')).toBe(false);
    await nextTask();
    expect(layers.has('user:b:gpu')).toBe(true);
    expect(log).toHaveLength(8);
  });

  it('shows other categories by feature-state on the same tiles, not a new source', () => {
    const { map, calls } = fakeMap();
    const user = new UserLayers(map);
    user.set([geojson]);
    // Added filtered: 市级 (id 2) off from the start.
    expect(calls.filter((c) => c.startsWith('setFeatureState'))).toEqual([
      'setFeatureState user:a 1 {"off":false}',
      'setFeatureState user:a 2 {"off":true}',
    ]);
    calls.length = 0;
    user.set([{ ...geojson, shownCategories: ['市级'] }]);
    expect(calls).toEqual([
      'setFeatureState user:a 1 {"off":true}',
      'setFeatureState user:a 2 {"off":false}',
    ]);
    // Filtering stops: features with no category come back, so the filters change too.
    calls.length = 0;
    user.set([{ ...geojson, shownCategories: null }]);
    expect(calls.some((c) => /^(add|remove)(Source|Layer)/.test(c))).toBe(false);
    expect(calls.filter((c) => c.startsWith('setFilter'))).toHaveLength(3);
    expect(calls.filter((c) => c.endsWith('{"off":false}'))).toHaveLength(2);
  });

  it('hides the GPU layer’s points by category without building the layer again', () => {
    const { map, calls, layers } = fakeMap();
    const user = new UserLayers(map);
    user.set([{ ...geojson, drawing: points }]);
    const gpu = layers.get('user:a:gpu') as { visibility: { hidden: Uint8Array | null } };
    expect([...gpu.visibility.hidden!]).toEqual([0, 1, 0]);
    calls.length = 0;
    user.set([{ ...geojson, drawing: points, shownCategories: ['市级'] }]);
    expect(calls).toEqual([]);
    expect(layers.get('user:a:gpu')).toBe(gpu);
    expect([...gpu.visibility.hidden!]).toEqual([1, 0, 1]);
  });
});
