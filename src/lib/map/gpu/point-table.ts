import KDBush from 'kdbush';
import type { ParkFeature } from '../../data/schema.ts';
import type { FeatureTable } from '../../data/table.ts';
import { toMercator } from '../../geo/mercator.ts';
import { POINT_KINDS, type PointKind } from '../ids.ts';
import { MASK_WORDS, MAX_CODES, matchesMask } from './mask.ts';

/**
 * The points of a large dataset as the GPU layer reads them, a view of the FeatureTable's point
 * rows: positions in Web Mercator relative to an origin (float32 keeps ~1 cm near the origin,
 * where absolute coordinates would jitter by pixels at zoom 16), the kind, the industries as a
 * fixed 128-bit mask (the `uvec4` attribute), and a k-d tree for "which point is under the
 * pointer". Built once per dataset.
 */
export interface PointTable {
  readonly length: number;
  /** The feature table the points come from. */
  readonly source: FeatureTable;
  /** The feature table's row of each point row. */
  readonly sourceRows: Uint32Array;
  /**
   * The point row of each feature-table row, -1 for rows not drawn here (zones). With the
   * feature table's own id → row map this finds an id's point: a second map of 100,000 ids held
   * ~3.5 MB (scripts/bench/heap-breakdown.ts), this array 0.4 MB.
   */
  readonly pointRows: Int32Array;
  /** Mercator [x, y] of the origin the positions are relative to. */
  readonly origin: readonly [number, number];
  /** Mercator x, y per row, minus the origin. */
  readonly positions: Float32Array;
  /** Index into POINT_KINDS per row. */
  readonly kinds: Uint8Array;
  /** MASK_WORDS words per row: the row's industries. */
  readonly masks: Uint32Array;
  /** Bit of each industry code in the masks. */
  readonly codes: ReadonlyMap<string, number>;
  /** Industry codes in use past the MAX_CODES the mask holds (filtering ignores them). */
  readonly overflow: readonly string[];
  /** k-d tree over `positions` (relative to the origin). */
  readonly tree: KDBush;
}

/** The feature table's point rows that are not zones. */
function sourcePointRows(table: FeatureTable): Uint32Array {
  const rows: number[] = [];
  for (let i = 0; i < table.length; i++) if (table.isPoint(i) && !table.isZone(i)) rows.push(i);
  return Uint32Array.from(rows);
}

/** Mercator positions of the rows, and the middle of their box (the origin). */
function mercatorPositions(table: FeatureTable, rows: Uint32Array) {
  const n = rows.length;
  const absolute = new Float64Array(n * 2);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  rows.forEach((r, i) => {
    const [x, y] = toMercator(
      table.positions[r * 2] as number,
      table.positions[r * 2 + 1] as number,
    );
    absolute[i * 2] = x;
    absolute[i * 2 + 1] = y;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  });
  const origin: [number, number] = n ? [(minX + maxX) / 2, (minY + maxY) / 2] : [0.5, 0.5];
  return { absolute, origin };
}

/** Builds the point table from a feature table's point rows (zones are drawn as polygons). */
export function buildPointTable(source: FeatureTable): PointTable {
  const sourceRows = sourcePointRows(source);
  const n = sourceRows.length;
  // The table's first MAX_CODES codes are the mask's bits; the rest cannot be filtered here.
  const codes = new Map(source.industryCodes.slice(0, MAX_CODES).map((c, i) => [c, i]));
  const overflow = source.industryCodes.slice(MAX_CODES);
  const { absolute, origin } = mercatorPositions(source, sourceRows);
  const positions = new Float32Array(n * 2);
  const kinds = new Uint8Array(n);
  const masks = new Uint32Array(n * MASK_WORDS);
  const pointRows = new Int32Array(source.length).fill(-1);
  // Over the float32 positions the layer draws (relative to the origin): half the bytes of
  // absolute float64, and a pick finds exactly what is drawn.
  const tree = new KDBush(Math.max(n, 1), 64, Float32Array);
  const words = Math.min(MASK_WORDS, source.words);
  sourceRows.forEach((r, i) => {
    const x = absolute[i * 2] as number;
    const y = absolute[i * 2 + 1] as number;
    positions[i * 2] = x - origin[0];
    positions[i * 2 + 1] = y - origin[1];
    tree.add(positions[i * 2] as number, positions[i * 2 + 1] as number);
    kinds[i] = POINT_KINDS.indexOf(source.kindOf(r) as PointKind);
    for (let w = 0; w < words; w++)
      masks[i * MASK_WORDS + w] = source.masks[r * source.words + w] ?? 0;
    pointRows[r] = i;
  });
  // KDBush needs at least one item; an empty table gets a point nobody can pick (no rows).
  if (n === 0) tree.add(-1, -1);
  tree.finish();
  return {
    length: n,
    source,
    sourceRows,
    pointRows,
    origin,
    positions,
    kinds,
    masks,
    codes,
    overflow,
    tree,
  };
}

/** The point row of feature `id`, or -1 when the table does not draw it. */
export function pointRowOf(table: PointTable, id: string): number {
  const r = table.source.rows.get(id);
  return r === undefined ? -1 : (table.pointRows[r] ?? -1);
}

/** The feature drawn at point row `row`. */
export function featureAt(table: PointTable, row: number): ParkFeature | undefined {
  const r = table.sourceRows[row];
  return r === undefined ? undefined : table.source.features[r];
}

/** The selection as a mask; codes the table does not know select nothing. */
export function selectionMask(table: PointTable, selected: readonly string[]): Uint32Array {
  const out = new Uint32Array(MASK_WORDS);
  for (const code of selected) {
    const bit = table.codes.get(code);
    if (bit !== undefined) out[bit >>> 5] = ((out[bit >>> 5] ?? 0) | (1 << (bit & 31))) >>> 0;
  }
  return out;
}

/**
 * What the layer draws: rows whose kind is on and that pass the industry filter. An industry
 * selection of codes none of which the table knows shows nothing (not everything).
 */
export interface PointVisibility {
  /** Bit k set: POINT_KINDS[k] is shown. */
  kinds: number;
  selection: Uint32Array;
  /** True when a selection is active but none of its codes are known: nothing passes. */
  none: boolean;
  /** 1 per row hidden by id (the map as of a year: not reported by then); null: none is. */
  hidden: Uint8Array | null;
}

export function pointVisibility(
  table: PointTable,
  layers: Readonly<Record<PointKind, boolean>>,
  selected: readonly string[],
  hidden: Uint8Array | null = null,
): PointVisibility {
  let kinds = 0;
  POINT_KINDS.forEach((k, i) => {
    if (layers[k]) kinds |= 1 << i;
  });
  const selection = selectionMask(table, selected);
  const none = selected.length > 0 && selection.every((w) => w === 0);
  return { kinds, selection, none, hidden };
}

export function isRowVisible(table: PointTable, row: number, v: PointVisibility): boolean {
  if (v.none || v.hidden?.[row] || !(v.kinds & (1 << (table.kinds[row] ?? 0)))) return false;
  return matchesMask(table.masks, row * MASK_WORDS, v.selection);
}

/** 1 per row whose feature id is among `ids`; null when none is (nothing hidden). */
export function hiddenRows(table: PointTable, ids: readonly string[]): Uint8Array | null {
  if (ids.length === 0) return null;
  const out = new Uint8Array(table.length);
  for (const id of ids) {
    const row = pointRowOf(table, id);
    if (row >= 0) out[row] = 1;
  }
  return out;
}

/**
 * The visible row nearest to mercator (x, y) within `radius` (mercator units), or -1. Ties go
 * to the row drawn last, which is the one on top.
 */
export function pickRow(
  table: PointTable,
  x: number,
  y: number,
  radius: number,
  v: PointVisibility,
): number {
  let best = -1;
  let bestD = Infinity;
  const [ox, oy] = table.origin;
  for (const row of table.tree.within(x - ox, y - oy, radius)) {
    if (row >= table.length || !isRowVisible(table, row, v)) continue;
    const dx = (table.positions[row * 2] as number) + ox - x;
    const dy = (table.positions[row * 2 + 1] as number) + oy - y;
    const d = dx * dx + dy * dy;
    if (d < bestD || (d === bestD && row > best)) {
      best = row;
      bestD = d;
    }
  }
  return best;
}

/** Visible rows inside a mercator box, at most `limit` of them (for labels in view). */
export function rowsInBox(
  table: PointTable,
  box: [minX: number, minY: number, maxX: number, maxY: number],
  v: PointVisibility,
  limit: number,
): number[] {
  const out: number[] = [];
  const [ox, oy] = table.origin;
  for (const row of table.tree.range(box[0] - ox, box[1] - oy, box[2] - ox, box[3] - oy)) {
    if (row >= table.length || !isRowVisible(table, row, v)) continue;
    out.push(row);
    if (out.length >= limit) break;
  }
  return out;
}
