/**
 * What the main thread's JS heap is made of once the app has loaded a dataset: `npm run bench`
 * gives one number (usedJSHeapSize after GC); this says which structures hold it, so that the
 * right ones get cut.
 *
 *   npx tsx scripts/bench/heap-breakdown.ts [--n 100000] [--seed 1] [--dist /tmp/heap-dist]
 *        [--build] [--no-minify] [--settle 5000] [--save out.heapsnapshot]
 *        [--from in.heapsnapshot] [--min 1] [--json out.json]
 *
 * 1. Builds the app into --dist (never the repository's dist/, which other runs serve) when it is
 *    missing or with --build; --no-minify keeps function and variable names, so the dominator
 *    tree says `allRows` instead of `Kt` (the heap is a little larger: longer script sources).
 * 2. Writes `pointFeatures(n, seed)` (./generate.ts) to <dist>/bench/ and opens the app on it
 *    (`?data=`), or the embedded data with --n 0; waits for the map's idle and --settle ms more
 *    (the search index is built lazily after the map).
 * 3. Takes a heap snapshot over CDP after a forced GC, parsed as it streams in (a 100k-point
 *    snapshot is too large for one JSON string), and builds the dominator tree (Cooper, Harvey
 *    and Kennedy's iterative algorithm; weak edges and non-root shortcut edges ignored, as in
 *    Chrome DevTools).
 * 4. Prints: the heap by node type; the dominator tree down to --min % of the heap, with the
 *    edge (variable or property) that holds each node; the heap split into the app's structures,
 *    recognised by their shape (dataset features, list rows, search entries, GPU point table,
 *    the MapLibre map), with bytes per feature and what each sub-part of one item costs; and
 *    what dropping each structure outright would free (reachability without it).
 *
 * --from analyses a saved snapshot without a browser. The numbers are V8's self sizes, the same
 * accounting as DevTools' Memory panel; usedJSHeapSize is printed beside them (the snapshot also
 * counts Blink's native objects and external strings such as script sources: about 6 MB more).
 */
import { createWriteStream, existsSync, mkdirSync, createReadStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { chromiumArgs, chromiumPath } from '../../test/chromium.ts';
import { ROOT, pointFeatures } from './generate.ts';

const MB = 1024 * 1024;
const VIEWPORT = { width: 1280, height: 800 };

// --- Snapshot parsing ---------------------------------------------------------------------------

interface SnapshotMeta {
  node_fields: string[];
  node_types: [string[], ...unknown[]];
  edge_fields: string[];
  edge_types: [string[], ...unknown[]];
  location_fields?: string[];
}

interface RawSnapshot {
  meta: SnapshotMeta;
  nodes: Float64Array;
  edges: Float64Array;
  locations: Float64Array;
  strings: string[];
}

/** A growable array of non-negative integers. */
class NumberColumn {
  data: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(capacity, 16));
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  done(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * Parses `.heapsnapshot` JSON chunk by chunk: the header with JSON.parse, the number arrays
 * digit by digit into typed arrays, the string table token by token. The layout is V8's
 * (`{"snapshot":{…},"nodes":[…],"edges":[…],…,"strings":[…]}`).
 */
class SnapshotParser {
  private phase: 'header' | 'between' | 'numbers' | 'strings' | 'end' = 'header';
  private buffer = '';
  private meta: SnapshotMeta | null = null;
  private counts = { nodes: 0, edges: 0 };
  private column: NumberColumn | null = null;
  private depth = 0;
  private current = 0;
  private inNumber = false;
  private readonly columns = new Map<string, Float64Array>();
  private readonly strings: string[] = [];
  private inString = false;
  private escaped = false;
  private pieces: string[] = [];

  feed(chunk: string): void {
    let text = this.buffer + chunk;
    this.buffer = '';
    while (text.length > 0) {
      switch (this.phase) {
        case 'header':
        case 'between': {
          // The header's meta has arrays of its own: it ends where "nodes" starts.
          const m = (this.phase === 'header' ? /"(nodes)":\s*\[/ : /"(\w+)":\s*\[/).exec(text);
          if (!m) {
            this.buffer = text;
            return;
          }
          if (this.phase === 'header') {
            const header = JSON.parse(text.slice(0, m.index).replace(/,\s*$/, '') + '}') as {
              snapshot: { meta: SnapshotMeta; node_count: number; edge_count: number };
            };
            this.meta = header.snapshot.meta;
            this.counts = { nodes: header.snapshot.node_count, edges: header.snapshot.edge_count };
          }
          const key = m[1] ?? '';
          text = text.slice(m.index + m[0].length);
          if (key === 'strings') {
            this.phase = 'strings';
            continue;
          }
          const width =
            key === 'nodes'
              ? this.counts.nodes * (this.meta?.node_fields.length ?? 1)
              : key === 'edges'
                ? this.counts.edges * (this.meta?.edge_fields.length ?? 1)
                : 16;
          this.column = new NumberColumn(width);
          this.columns.set(key, this.column.data);
          this.phase = 'numbers';
          this.depth = 1;
          this.current = 0;
          this.inNumber = false;
          this.columnKey = key;
          continue;
        }
        case 'numbers':
          text = this.numbers(text);
          continue;
        case 'strings':
          text = this.stringTokens(text);
          continue;
        case 'end':
          return;
      }
    }
  }

  private columnKey = '';

  private numbers(text: string): string {
    const column = this.column as NumberColumn;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        this.current = this.current * 10 + (c - 48);
        this.inNumber = true;
        continue;
      }
      if (this.inNumber) {
        column.push(this.current);
        this.current = 0;
        this.inNumber = false;
      }
      if (c === 91) this.depth++;
      else if (c === 93 && --this.depth === 0) {
        this.columns.set(this.columnKey, column.done());
        this.column = null;
        this.phase = 'between';
        return text.slice(i + 1);
      }
    }
    return '';
  }

  private stringTokens(text: string): string {
    let i = 0;
    while (i < text.length) {
      if (!this.inString) {
        const c = text[i];
        if (c === '"') {
          this.inString = true;
          this.pieces = [];
        } else if (c === ']') {
          this.phase = 'end';
          return '';
        }
        i++;
        continue;
      }
      if (this.escaped) {
        this.escaped = false;
        this.pieces.push(text.slice(i, i + 1));
        i++;
        continue;
      }
      const quote = text.indexOf('"', i);
      const slash = text.indexOf('\\', i);
      if (slash !== -1 && (quote === -1 || slash < quote)) {
        this.pieces.push(text.slice(i, slash + 1));
        this.escaped = true;
        i = slash + 1;
        continue;
      }
      if (quote === -1) {
        this.pieces.push(text.slice(i));
        return '';
      }
      this.pieces.push(text.slice(i, quote));
      this.strings.push(JSON.parse(`"${this.pieces.join('')}"`) as string);
      this.inString = false;
      i = quote + 1;
    }
    return '';
  }

  finish(): RawSnapshot {
    const nodes = this.columns.get('nodes');
    const edges = this.columns.get('edges');
    if (!this.meta || !nodes || !edges) throw new Error('the heap snapshot is incomplete');
    return {
      meta: this.meta,
      nodes,
      edges,
      locations: this.columns.get('locations') ?? new Float64Array(0),
      strings: this.strings,
    };
  }
}

// --- The graph and its dominator tree -----------------------------------------------------------

const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);

class HeapGraph {
  readonly n: number;
  readonly type: Uint8Array;
  readonly name: Uint32Array;
  readonly self: Float64Array;
  /** Edges of node i are firstEdge[i] … firstEdge[i + 1] - 1. */
  readonly firstEdge: Uint32Array;
  readonly edgeType: Uint8Array;
  readonly edgeName: Uint32Array;
  readonly edgeTo: Uint32Array;
  readonly nodeTypes: string[];
  readonly edgeTypes: string[];
  readonly strings: string[];
  /** Script location of closures: node → [script id, line, column]. */
  readonly locations = new Map<number, [number, number, number]>();

  constructor(raw: RawSnapshot) {
    const nf = raw.meta.node_fields;
    const ef = raw.meta.edge_fields;
    const NF = nf.length;
    const EF = ef.length;
    const fType = nf.indexOf('type');
    const fName = nf.indexOf('name');
    const fSelf = nf.indexOf('self_size');
    const fEdges = nf.indexOf('edge_count');
    const eType = ef.indexOf('type');
    const eName = ef.indexOf('name_or_index');
    const eTo = ef.indexOf('to_node');
    this.n = raw.nodes.length / NF;
    const edgeCount = raw.edges.length / EF;
    this.type = new Uint8Array(this.n);
    this.name = new Uint32Array(this.n);
    this.self = new Float64Array(this.n);
    this.firstEdge = new Uint32Array(this.n + 1);
    for (let i = 0, e = 0; i < this.n; i++) {
      const o = i * NF;
      this.type[i] = raw.nodes[o + fType] ?? 0;
      this.name[i] = raw.nodes[o + fName] ?? 0;
      this.self[i] = raw.nodes[o + fSelf] ?? 0;
      this.firstEdge[i] = e;
      e += raw.nodes[o + fEdges] ?? 0;
      this.firstEdge[i + 1] = e;
    }
    this.edgeType = new Uint8Array(edgeCount);
    this.edgeName = new Uint32Array(edgeCount);
    this.edgeTo = new Uint32Array(edgeCount);
    for (let j = 0; j < edgeCount; j++) {
      const o = j * EF;
      this.edgeType[j] = raw.edges[o + eType] ?? 0;
      this.edgeName[j] = raw.edges[o + eName] ?? 0;
      this.edgeTo[j] = (raw.edges[o + eTo] ?? 0) / NF;
    }
    this.nodeTypes = raw.meta.node_types[0];
    this.edgeTypes = raw.meta.edge_types[0];
    this.strings = raw.strings;
    const lf = raw.meta.location_fields ?? ['object_index', 'script_id', 'line', 'column'];
    for (let k = 0; k + lf.length <= raw.locations.length; k += lf.length) {
      const at = (f: string) => raw.locations[k + lf.indexOf(f)] ?? 0;
      this.locations.set(at('object_index') / NF, [at('script_id'), at('line'), at('column')]);
    }
  }

  typeOf(i: number): string {
    return this.nodeTypes[this.type[i] ?? 0] ?? '?';
  }
  nameOf(i: number): string {
    return this.strings[this.name[i] ?? 0] ?? '';
  }
  edgeTypeOf(e: number): string {
    return this.edgeTypes[this.edgeType[e] ?? 0] ?? '?';
  }
  /** An element or hidden edge's name is its index; the others name a string. */
  edgeLabel(e: number): string {
    const t = this.edgeTypeOf(e);
    const v = this.edgeName[e] ?? 0;
    if (t === 'element' || t === 'hidden') return `[${v}]`;
    return this.strings[v] ?? '?';
  }
  /** Named property edges of an object node. */
  properties(i: number): string[] {
    const out: string[] = [];
    for (let e = this.firstEdge[i] ?? 0; e < (this.firstEdge[i + 1] ?? 0); e++) {
      if (this.edgeTypeOf(e) === 'property') out.push(this.edgeLabel(e));
    }
    return out;
  }
  /** The target of node i's edge called `label`, or -1. */
  child(i: number, label: string): number {
    for (let e = this.firstEdge[i] ?? 0; e < (this.firstEdge[i + 1] ?? 0); e++) {
      if (this.edgeTypeOf(e) !== 'weak' && this.edgeLabel(e) === label) return this.edgeTo[e] ?? -1;
    }
    return -1;
  }
}

interface Dominators {
  /** Immediate dominator of each node (the root's is itself; unreachable nodes: -1). */
  idom: Int32Array;
  retained: Float64Array;
  /** Nodes in DFS post-order (children before their dominators). */
  postOrder: Uint32Array;
  reachable: number;
  /** The essential edge from idom[i] to i, when there is a direct one (-1 otherwise). */
  viaEdge: Int32Array;
}

/** Chrome DevTools' rule: weak edges never retain; shortcuts only from the root. */
function essential(g: HeapGraph, from: number, e: number): boolean {
  const t = g.edgeTypeOf(e);
  return t !== 'weak' && (t !== 'shortcut' || from === 0);
}

function dominators(g: HeapGraph): Dominators {
  const n = g.n;
  const order = new Int32Array(n).fill(-1); // post-order number
  const postOrder = new Uint32Array(n);
  const stackNode = new Uint32Array(n);
  const stackEdge = new Uint32Array(n);
  const seen = new Uint8Array(n);
  let count = 0;
  stackNode[0] = 0;
  stackEdge[0] = g.firstEdge[0] ?? 0;
  seen[0] = 1;
  let sp = 1;
  while (sp > 0) {
    const v = stackNode[sp - 1] ?? 0;
    const end = g.firstEdge[v + 1] ?? 0;
    let e = stackEdge[sp - 1] ?? 0;
    let pushed = false;
    for (; e < end; e++) {
      const w = g.edgeTo[e] ?? 0;
      if (seen[w] || !essential(g, v, e)) continue;
      stackEdge[sp - 1] = e + 1;
      seen[w] = 1;
      stackNode[sp] = w;
      stackEdge[sp] = g.firstEdge[w] ?? 0;
      sp++;
      pushed = true;
      break;
    }
    if (!pushed) {
      order[v] = count;
      postOrder[count++] = v;
      sp--;
    }
  }
  // Predecessors over essential edges between reachable nodes, as CSR.
  const predCount = new Uint32Array(n + 1);
  for (let v = 0; v < n; v++) {
    if (order[v] === -1) continue;
    for (let e = g.firstEdge[v] ?? 0; e < (g.firstEdge[v + 1] ?? 0); e++) {
      if (essential(g, v, e)) predCount[(g.edgeTo[e] ?? 0) + 1]!++;
    }
  }
  for (let v = 0; v < n; v++) predCount[v + 1]! += predCount[v] ?? 0;
  const preds = new Uint32Array(predCount[n] ?? 0);
  const fill = predCount.slice(0, n);
  for (let v = 0; v < n; v++) {
    if (order[v] === -1) continue;
    for (let e = g.firstEdge[v] ?? 0; e < (g.firstEdge[v + 1] ?? 0); e++) {
      if (essential(g, v, e)) preds[fill[g.edgeTo[e] ?? 0]!++] = v;
    }
  }
  // Cooper, Harvey & Kennedy, "A Simple, Fast Dominance Algorithm", on post-order numbers.
  const rootPo = count - 1;
  const idomPo = new Int32Array(count).fill(-1);
  idomPo[rootPo] = rootPo;
  let changed = true;
  while (changed) {
    changed = false;
    for (let po = rootPo - 1; po >= 0; po--) {
      const v = postOrder[po] ?? 0;
      let best = -1;
      for (let k = predCount[v] ?? 0; k < (predCount[v + 1] ?? 0); k++) {
        let p = order[preds[k] ?? 0] ?? -1;
        if (p === -1 || idomPo[p] === -1) continue;
        if (best === -1) {
          best = p;
          continue;
        }
        let q = best;
        while (p !== q) {
          while (p < q) p = idomPo[p] ?? rootPo;
          while (q < p) q = idomPo[q] ?? rootPo;
        }
        best = p;
      }
      if (best !== -1 && idomPo[po] !== best) {
        idomPo[po] = best;
        changed = true;
      }
    }
  }
  const idom = new Int32Array(n).fill(-1);
  for (let po = 0; po < count; po++) idom[postOrder[po] ?? 0] = postOrder[idomPo[po] ?? 0] ?? 0;
  const retained = new Float64Array(n);
  for (let po = 0; po < count; po++) {
    const v = postOrder[po] ?? 0;
    retained[v]! += g.self[v] ?? 0;
    if (po !== rootPo) retained[idom[v] ?? 0]! += retained[v] ?? 0;
  }
  const viaEdge = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    if (order[v] === -1) continue;
    for (let e = g.firstEdge[v] ?? 0; e < (g.firstEdge[v + 1] ?? 0); e++) {
      const w = g.edgeTo[e] ?? 0;
      if (idom[w] === v && viaEdge[w] === -1 && w !== v && essential(g, v, e)) viaEdge[w] = e;
    }
  }
  return { idom, retained, postOrder: postOrder.subarray(0, count), reachable: count, viaEdge };
}

/** Bytes reachable from the root when `removed` nodes (and their edges) are taken away. */
function reachableWithout(g: HeapGraph, removed: Uint8Array): number {
  const seen = new Uint8Array(g.n);
  const queue = new Uint32Array(g.n);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  seen[0] = 1;
  let bytes = 0;
  while (head < tail) {
    const v = queue[head++] ?? 0;
    bytes += g.self[v] ?? 0;
    for (let e = g.firstEdge[v] ?? 0; e < (g.firstEdge[v + 1] ?? 0); e++) {
      const w = g.edgeTo[e] ?? 0;
      if (seen[w] || removed[w] || !essential(g, v, e)) continue;
      seen[w] = 1;
      queue[tail++] = w;
    }
  }
  return bytes;
}

// --- Naming nodes -------------------------------------------------------------------------------

function shortUrl(url: string): string {
  return url.replace(/^https?:\/\/[^/]+\//, '').replace(/^assets\//, '');
}

class Namer {
  constructor(
    private readonly g: HeapGraph,
    private readonly d: Dominators,
  ) {}

  /** Where a closure's code is: closure → shared (SharedFunctionInfo) → script, and its line. */
  where(closure: number): string {
    const g = this.g;
    const loc = g.locations.get(closure);
    const shared = g.child(closure, 'shared');
    const script = shared === -1 ? -1 : g.child(shared, 'script');
    const url = script === -1 ? '' : g.nameOf(script).replace(/^system \/ Script \/ ?/, '');
    if (!loc && !url) return '';
    return ` @${url ? shortUrl(url) : '?'}${loc ? `:${loc[1] + 1}` : ''}`;
  }

  /** A closure that holds each context, to say whose variables they are (built on first use). */
  private owners: Map<number, number> | null = null;

  private contextOwner(ctx: number): string {
    const g = this.g;
    if (!this.owners) {
      this.owners = new Map();
      for (let v = 0; v < g.n; v++) {
        if (g.typeOf(v) !== 'closure') continue;
        const c = g.child(v, 'context');
        if (c !== -1 && !this.owners.has(c)) this.owners.set(c, v);
      }
    }
    const v = this.owners.get(ctx);
    return v === undefined ? '' : `${g.nameOf(v) || '(anonymous)'}${this.where(v)}`;
  }

  describe(i: number): string {
    const g = this.g;
    const type = g.typeOf(i);
    const name = g.nameOf(i);
    if (type === 'closure') return `closure ${name || '(anonymous)'}${this.where(i)}`;
    if (STRING_TYPES.has(type)) return `${type} "${name.slice(0, 40).replace(/\s+/g, ' ')}"`;
    if (name.startsWith('system / Context')) {
      return `Context of ${this.contextOwner(i) || '?'}`;
    }
    if (type === 'object' && (name === 'Object' || name === '')) {
      const props = g.properties(i);
      const shown = props.slice(0, 7).join(',');
      return `Object{${shown}${props.length > 7 ? ',…' : ''}}`;
    }
    if (type === 'object' && name === 'Array') {
      const elements = g.child(i, 'elements');
      // A FixedArray: 8 bytes of header, then 4 per slot (pointer compression).
      const length = elements === -1 ? 0 : Math.max(0, (g.self[elements] ?? 8) - 8) / 4;
      return `Array (~${Math.round(length)} slots)`;
    }
    return `${type} ${name}`;
  }

  /** How node i's dominator refers to it: the edge, or the first retainer when indirect. */
  via(i: number): string {
    const e = this.d.viaEdge[i] ?? -1;
    if (e !== -1) {
      const t = this.g.edgeTypeOf(e);
      const label = this.g.edgeLabel(e);
      return t === 'context' ? `var ${label}` : t === 'property' ? `.${label}` : `${label}`;
    }
    return '(shared)';
  }
}

// --- The app's structures, by shape -------------------------------------------------------------

/**
 * The app's large structures, each recognised by the property names it has (kept by the
 * minifier). Order matters: the first match names a node.
 */
const SHAPES = [
  {
    key: 'feature',
    label: 'dataset features (ParkFeature: src/lib/data/dataset.ts)',
    props: ['type', 'id', 'geometry', 'properties'],
    also: (g: HeapGraph, i: number) => {
      const p = g.child(i, 'properties');
      return p !== -1 && g.child(p, 'name_zh') !== -1 && g.child(p, 'figures') !== -1;
    },
  },
  {
    key: 'row',
    label: 'list rows (ListItem: listItems in src/App.svelte)',
    props: ['id', 'name', 'secondaryName', 'kind', 'kindLabel', 'valueLabel'],
  },
  {
    key: 'search',
    label: 'search entries (IndexedEntry: src/lib/search/index.ts)',
    props: ['id', 'order', 'zh', 'en', 'syllables', 'pinyin', 'initials'],
  },
  {
    key: 'table',
    label: 'GPU point table (src/lib/map/gpu/point-table.ts)',
    props: ['positions', 'kinds', 'masks', 'codes', 'rows', 'tree'],
  },
] as const;
type ShapeKey = (typeof SHAPES)[number]['key'] | 'map' | 'other';

function findShapes(g: HeapGraph): Map<ShapeKey, number[]> {
  const wanted = new Map<string, number>();
  const allProps = [...new Set(SHAPES.flatMap((s) => s.props))];
  allProps.forEach((p, bit) => wanted.set(p, bit));
  const masks = SHAPES.map((s) => s.props.reduce((m, p) => m | (1 << (wanted.get(p) ?? 0)), 0));
  const out = new Map<ShapeKey, number[]>();
  for (let i = 0; i < g.n; i++) {
    if (g.typeOf(i) !== 'object') continue;
    let mask = 0;
    for (let e = g.firstEdge[i] ?? 0; e < (g.firstEdge[i + 1] ?? 0); e++) {
      if (g.edgeTypeOf(e) !== 'property') continue;
      const bit = wanted.get(g.strings[g.edgeName[e] ?? 0] ?? '');
      if (bit !== undefined) mask |= 1 << bit;
    }
    if (mask === 0) continue;
    SHAPES.some((s, k) => {
      const m = masks[k] ?? 0;
      if ((mask & m) !== m) return false;
      if ('also' in s && !s.also(g, i)) return false;
      const list = out.get(s.key) ?? [];
      list.push(i);
      out.set(s.key, list);
      return true;
    });
  }
  // MapLibre's map: window.parkAtlas.controller.map (src/main.ts).
  for (let i = 0; i < g.n; i++) {
    if (g.typeOf(i) !== 'object' || !g.nameOf(i).startsWith('Window')) continue;
    const pa = g.child(i, 'parkAtlas');
    const controller = pa === -1 ? -1 : g.child(pa, 'controller');
    const map = controller === -1 ? -1 : g.child(controller, 'map');
    if (map !== -1) {
      out.set('map', [map]);
      break;
    }
  }
  return out;
}

const SHAPE_LABELS: Record<ShapeKey, string> = {
  ...(Object.fromEntries(SHAPES.map((s) => [s.key, s.label])) as Record<
    (typeof SHAPES)[number]['key'],
    string
  >),
  map: 'MapLibre map (window.parkAtlas.controller.map)',
  other: 'everything else',
};

// --- Report -------------------------------------------------------------------------------------

const mb = (bytes: number): string => (bytes / MB).toFixed(1).padStart(7);
const pct = (part: number, total: number): string =>
  `${((100 * part) / total).toFixed(1).padStart(5)}%`;

interface Report {
  n: number;
  usedJSHeapSize: number | null;
  snapshotBytes: number;
  byType: Record<string, number>;
  shapes: Record<
    string,
    { items: number; partition: number; dropAll: number; perItem: number; strings: number }
  >;
  perItemParts: Record<string, { path: string; bytesPerItem: number; nodesPerItem: number }[]>;
  sharedBy: Record<string, number>;
  dropPerFeatureObjects: number;
  tree: { depth: number; via: string; node: string; retained: number; self: number }[];
}

function analyse(g: HeapGraph, n: number, used: number | null, minPct: number): Report {
  const t0 = performance.now();
  const d = dominators(g);
  console.error(`dominators: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const total = d.retained[0] ?? 0;
  const namer = new Namer(g, d);
  const report: Report = {
    n,
    usedJSHeapSize: used,
    snapshotBytes: total,
    byType: {},
    shapes: {},
    perItemParts: {},
    sharedBy: {},
    dropPerFeatureObjects: 0,
    tree: [],
  };

  console.log(
    `\nheap: ${mb(total)} MB in the snapshot (${d.reachable} reachable nodes of ${g.n})` +
      (used !== null ? `; usedJSHeapSize ${mb(used)} MB` : ''),
  );
  let unreachable = 0;
  for (let i = 0; i < g.n; i++) if (d.idom[i] === -1) unreachable += g.self[i] ?? 0;
  if (unreachable > 0)
    console.log(`not reachable from the root (not counted): ${mb(unreachable)} MB`);

  // By node type.
  const byType = new Map<string, { bytes: number; count: number }>();
  for (const v of d.postOrder) {
    const key =
      g.typeOf(v) === 'object' || g.typeOf(v) === 'native'
        ? `${g.typeOf(v)} ${g.nameOf(v)}`
        : g.typeOf(v);
    const slot = byType.get(key) ?? { bytes: 0, count: 0 };
    slot.bytes += g.self[v] ?? 0;
    slot.count++;
    byType.set(key, slot);
  }
  console.log('\nself size by node type (objects and natives by constructor), top 25:');
  [...byType]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .slice(0, 25)
    .forEach(([key, s]) => {
      report.byType[key] = s.bytes;
      console.log(
        `  ${mb(s.bytes)} MB ${pct(s.bytes, total)}  ${String(s.count).padStart(9)}  ${key}`,
      );
    });

  // Dominator tree, pruned at minPct; a chain of single children does not count as depth.
  const threshold = (total * minPct) / 100;
  const children = new Map<number, number[]>();
  for (const v of d.postOrder) {
    if (v === 0 || (d.retained[v] ?? 0) < threshold) continue;
    const p = d.idom[v] ?? 0;
    const list = children.get(p) ?? [];
    list.push(v);
    children.set(p, list);
  }
  console.log(`\ndominator tree (retained ≥ ${minPct}% of the heap; MB retained, self):`);
  let lines = 0;
  const walk = (v: number, depth: number, budget: number): void => {
    if (lines++ > 300) return;
    const line = {
      depth,
      via: v === 0 ? '' : namer.via(v),
      node: v === 0 ? '(root)' : namer.describe(v),
      retained: d.retained[v] ?? 0,
      self: g.self[v] ?? 0,
    };
    report.tree.push(line);
    console.log(
      `  ${mb(line.retained)} ${pct(line.retained, total)} ${'  '.repeat(depth)}${line.via} → ${line.node}` +
        (line.self >= threshold / 4 ? `  [self ${(line.self / MB).toFixed(1)} MB]` : ''),
    );
    const kids = (children.get(v) ?? []).sort(
      (a, b) => (d.retained[b] ?? 0) - (d.retained[a] ?? 0),
    );
    if (kids.length > 1 && budget === 0) return;
    for (const k of kids) walk(k, depth + 1, kids.length > 1 ? budget - 1 : budget);
  };
  walk(0, 0, 12);

  // The app's structures: each node goes to the nearest dominator that is one of their items.
  const shapes = findShapes(g);
  const keys: ShapeKey[] = [...SHAPES.map((s) => s.key), 'map', 'other'];
  const shapeOf = new Int8Array(g.n).fill(-1);
  for (const [key, nodes] of shapes) for (const v of nodes) shapeOf[v] = keys.indexOf(key);
  const owner = new Int8Array(g.n).fill(-1);
  const itemOf = new Int32Array(g.n).fill(-1);
  const otherIdx = keys.indexOf('other');
  for (let po = d.postOrder.length - 1; po >= 0; po--) {
    const v = d.postOrder[po] ?? 0;
    if ((shapeOf[v] ?? -1) >= 0) {
      owner[v] = shapeOf[v] ?? otherIdx;
      itemOf[v] = v;
    } else if (v === 0) owner[v] = otherIdx;
    else {
      const p = d.idom[v] ?? 0;
      owner[v] = owner[p] ?? otherIdx;
      itemOf[v] = itemOf[p] ?? -1;
    }
  }
  const part = new Float64Array(keys.length);
  const strs = new Float64Array(keys.length);
  for (const v of d.postOrder) {
    const k = owner[v] ?? otherIdx;
    part[k]! += g.self[v] ?? 0;
    if (STRING_TYPES.has(g.typeOf(v))) strs[k]! += g.self[v] ?? 0;
  }
  console.log(
    `\nthe app's structures (each object counted once, under the nearest item that dominates it;` +
      ` "drop all" = what would be freed if every item of the kind were gone):`,
  );
  console.log('       MB      %   strings MB     items   bytes/item  drop all MB  structure');
  keys.forEach((key, k) => {
    const items = key === 'other' ? [] : (shapes.get(key) ?? []);
    if (key !== 'other' && items.length === 0) {
      console.log(`  (none found) ${SHAPE_LABELS[key]}`);
      return;
    }
    let dropAll = part[k] ?? 0;
    if (key !== 'other') {
      const removed = new Uint8Array(g.n);
      for (const v of items) removed[v] = 1;
      dropAll = total - reachableWithout(g, removed);
    }
    const perItem = items.length ? (part[k] ?? 0) / items.length : 0;
    report.shapes[key] = {
      items: items.length,
      partition: part[k] ?? 0,
      dropAll,
      perItem,
      strings: strs[k] ?? 0,
    };
    console.log(
      `  ${mb(part[k] ?? 0)} ${pct(part[k] ?? 0, total)} ${mb(strs[k] ?? 0)}     ${String(items.length).padStart(9)}` +
        `  ${items.length ? perItem.toFixed(0).padStart(11) : '          -'}  ${key === 'other' ? '          -' : mb(dropAll)}    ${SHAPE_LABELS[key]}`,
    );
  });

  // Nodes left in "everything else" because several kinds of item point at them (a name both a
  // feature and its list row hold): grouped by the kinds of their direct retainers.
  const sharedBy = new Uint8Array(g.n);
  for (const v of d.postOrder) {
    const kv = owner[v] ?? otherIdx;
    for (let e = g.firstEdge[v] ?? 0; e < (g.firstEdge[v + 1] ?? 0); e++) {
      const w = g.edgeTo[e] ?? 0;
      if (owner[w] === otherIdx && kv !== otherIdx && essential(g, v, e)) sharedBy[w]! |= 1 << kv;
    }
  }
  const shared = new Map<number, { bytes: number; nodes: number }>();
  for (const v of d.postOrder) {
    const m = sharedBy[v] ?? 0;
    if (m === 0) continue;
    const slot = shared.get(m) ?? { bytes: 0, nodes: 0 };
    slot.bytes += g.self[v] ?? 0;
    slot.nodes++;
    shared.set(m, slot);
  }
  console.log('\nin "everything else" but pointed at directly by items of these kinds (shared):');
  for (const [m, s] of [...shared].sort((a, b) => b[1].bytes - a[1].bytes)) {
    const kinds = keys.filter((_, k) => m & (1 << k)).join('+');
    report.sharedBy[kinds] = s.bytes;
    console.log(
      `  ${mb(s.bytes)} MB ${pct(s.bytes, total)}  ${String(s.nodes).padStart(9)} nodes  ${kinds}`,
    );
  }
  {
    const removed = new Uint8Array(g.n);
    for (const key of ['feature', 'row', 'search'] as const)
      for (const v of shapes.get(key) ?? []) removed[v] = 1;
    const freed = total - reachableWithout(g, removed);
    report.dropPerFeatureObjects = freed;
    console.log(
      `dropping every feature, row and search entry together would free ${mb(freed)} MB` +
        ` (${pct(freed, total)})`,
    );
  }

  // What one item is made of: self sizes summed by the path from the item (indices as []).
  const pathId = new Int32Array(g.n).fill(-1);
  const paths: string[] = [];
  const pathIndex = new Map<string, number>();
  const partBytes = new Map<number, { bytes: number; nodes: number }>();
  const intern = (p: string): number => {
    let id = pathIndex.get(p);
    if (id === undefined) {
      id = paths.length;
      paths.push(p);
      pathIndex.set(p, id);
    }
    return id;
  };
  for (let po = d.postOrder.length - 1; po >= 0; po--) {
    const v = d.postOrder[po] ?? 0;
    const k = owner[v] ?? otherIdx;
    if (k === otherIdx || keys[k] === 'map' || keys[k] === 'table') continue;
    let id: number;
    if (itemOf[v] === v) id = intern(`${keys[k]}:`);
    else {
      const e = d.viaEdge[v] ?? -1;
      const label = e === -1 ? '(shared)' : g.edgeLabel(e).replace(/^\[\d+\]$/, '[]');
      const parent = paths[pathId[d.idom[v] ?? 0] ?? 0] ?? '';
      id = intern(`${parent}${label.startsWith('[') ? '' : '.'}${label}`);
    }
    pathId[v] = id;
    const key = id * 64 + (g.type[v] ?? 0);
    const slot = partBytes.get(key) ?? { bytes: 0, nodes: 0 };
    slot.bytes += g.self[v] ?? 0;
    slot.nodes++;
    partBytes.set(key, slot);
  }
  for (const key of ['feature', 'row', 'search'] as const) {
    const items = shapes.get(key)?.length ?? 0;
    if (!items) continue;
    const rows = [...partBytes]
      .filter(([id]) => (paths[Math.floor(id / 64)] ?? '').startsWith(`${key}:`))
      .map(([id, s]) => ({
        path: `${(paths[Math.floor(id / 64)] ?? '').slice(key.length + 1) || '(the object)'} (${g.nodeTypes[id % 64]})`,
        bytesPerItem: s.bytes / items,
        nodesPerItem: s.nodes / items,
      }))
      .sort((a, b) => b.bytesPerItem - a.bytesPerItem);
    report.perItemParts[key] = rows;
    console.log(`\none ${key} item, by part (bytes per item, nodes per item; ≥ 2 B shown):`);
    for (const r of rows.filter((r) => r.bytesPerItem >= 2))
      console.log(
        `  ${r.bytesPerItem.toFixed(1).padStart(8)}  ${r.nodesPerItem.toFixed(2).padStart(6)}  ${r.path}`,
      );
  }
  return report;
}

// --- Driving the page ---------------------------------------------------------------------------

async function writePoints(path: string, n: number, seed: number): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  out.write('{"type":"FeatureCollection","features":[');
  let first = true;
  for (const f of pointFeatures(n, seed)) {
    if (!out.write((first ? '' : ',') + JSON.stringify(f))) await once(out, 'drain');
    first = false;
  }
  out.end(']}');
  await once(out, 'finish');
}

async function snapshotPage(opts: {
  dist: string;
  dataPath: string | null;
  settleMs: number;
  save: string | null;
}): Promise<{ raw: RawSnapshot; used: number | null }> {
  const server = await preview({
    root: ROOT,
    logLevel: 'error',
    build: { outDir: opts.dist },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('preview server has no URL');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, '--enable-precise-memory-info'],
    headless: true,
  });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    const url = opts.dataPath ? `${base}?data=${opts.dataPath}` : base;
    console.error(`opening ${url}`);
    const t0 = performance.now();
    await page.goto(url);
    await page.waitForFunction(() => window.parkAtlas !== undefined, null, { timeout: 120_000 });
    await page.evaluate(() => window.parkAtlas?.controller.whenIdle());
    console.error(`idle after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await page.waitForTimeout(opts.settleMs);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const used = await page.evaluate(
      () =>
        (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory
          ?.usedJSHeapSize ?? null,
    );
    const parser = new SnapshotParser();
    const file = opts.save ? createWriteStream(opts.save) : null;
    cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => {
      parser.feed(chunk);
      file?.write(chunk);
    });
    const t1 = performance.now();
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    console.error(`snapshot taken in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    if (file) {
      file.end();
      await once(file, 'finish');
    }
    return { raw: parser.finish(), used };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function readSnapshot(path: string): Promise<RawSnapshot> {
  const parser = new SnapshotParser();
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: MB }))
    parser.feed(chunk as string);
  return parser.finish();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      dist: { type: 'string', default: '/tmp/heap-dist' },
      build: { type: 'boolean', default: false },
      'no-minify': { type: 'boolean', default: false },
      settle: { type: 'string', default: '5000' },
      save: { type: 'string' },
      from: { type: 'string' },
      min: { type: 'string', default: '1' },
      json: { type: 'string' },
    },
  });
  const n = Number(values.n);
  const seed = Number(values.seed);
  const minPct = Number(values.min);
  if (!Number.isInteger(n) || n < 0) throw new Error('--n must be a whole number ≥ 0');
  let raw: RawSnapshot;
  let used: number | null = null;
  if (values.from) raw = await readSnapshot(values.from);
  else {
    const dist = resolve(values.dist);
    if (dist === resolve(ROOT, 'dist') || dist === resolve(ROOT))
      throw new Error('--dist must not be the repository or its dist/ (others serve it)');
    if (values.build || !existsSync(join(dist, 'index.html'))) {
      console.error(`building into ${dist}…`);
      await build({
        root: ROOT,
        logLevel: 'warn',
        build: { outDir: dist, emptyOutDir: true, minify: !values['no-minify'] },
      });
    }
    let dataPath: string | null = null;
    if (n > 0) {
      dataPath = `/bench/points-${n}-s${seed}.geojson`;
      const file = join(dist, dataPath);
      if (!existsSync(file)) {
        console.error(`writing ${file}…`);
        await writePoints(file, n, seed);
      }
    }
    ({ raw, used } = await snapshotPage({
      dist,
      dataPath,
      settleMs: Number(values.settle),
      save: values.save ?? null,
    }));
  }
  const graph = new HeapGraph(raw);
  const report = analyse(graph, n, used, minPct);
  if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2));
}

await main();
