/**
 * The industry taxonomy as a hierarchy: each industry may name a broader one (`parent` in
 * data/industries.json). A feature tagged with an industry counts for, is shown by and is
 * coloured with every industry above it too: filtering by 生物医药 shows 现代中药's parks.
 */
import type { Industry } from './schema.ts';

/** Each industry's broader industries, nearest first (none for a top-level one). */
export function industryAncestors(
  industries: readonly Pick<Industry, 'code' | 'parent'>[],
): Map<string, string[]> {
  const parent = new Map(industries.map((i) => [i.code, i.parent]));
  const out = new Map<string, string[]>();
  for (const { code } of industries) {
    const up: string[] = [];
    // A cycle (data:check rejects one) stops the walk instead of looping.
    for (let p = parent.get(code); p && p !== code && !up.includes(p); p = parent.get(p))
      up.push(p);
    if (up.length) out.set(code, up);
  }
  return out;
}

/** An industry in the filter's tree: its depth (0 = top level) and whether it has narrower ones. */
export interface IndustryNode {
  industry: Industry;
  depth: number;
  hasChildren: boolean;
}

/**
 * The taxonomy depth-first, each level ordered by `rank` (e.g. most features first), narrower
 * industries right under their broader one; `keep` drops a branch whose nodes all fail it.
 */
export function industryTree(
  industries: readonly Industry[],
  rank: (a: Industry, b: Industry) => number,
  keep: (i: Industry) => boolean = () => true,
): IndustryNode[] {
  const codes = new Set(industries.map((i) => i.code));
  const children = new Map<string | undefined, Industry[]>();
  for (const i of industries) {
    const p = i.parent && codes.has(i.parent) && i.parent !== i.code ? i.parent : undefined;
    children.set(p, [...(children.get(p) ?? []), i]);
  }
  const out: IndustryNode[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | undefined, depth: number): boolean => {
    let any = false;
    for (const industry of [...(children.get(parent) ?? [])].sort(rank)) {
      if (seen.has(industry.code)) continue;
      seen.add(industry.code);
      const at = out.length;
      out.push({ industry, depth, hasChildren: false });
      const below = walk(industry.code, depth + 1);
      if (!below && !keep(industry)) out.splice(at, 1);
      else {
        (out[at] as IndustryNode).hasChildren = below;
        any = true;
      }
    }
    return any;
  };
  walk(undefined, 0);
  return out;
}
