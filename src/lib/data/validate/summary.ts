/** Feature counts per zone and kind, as the data check prints them after its problems. */
import { KINDS, type Kind } from '../schema.ts';
import { isRecord, zoneIdOf } from './files.ts';
import type { ZoneFileInput } from './input.ts';

/** Counts of features per zone and kind, as found in the files (even broken ones). */
export interface Summary {
  zones: { zone: string; total: number; kinds: Record<Kind, number> }[];
  kinds: Record<Kind, number>;
  total: number;
}

export function summarize(zoneFiles: readonly ZoneFileInput[]): Summary {
  const emptyCounts = (): Record<Kind, number> =>
    Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const kinds = emptyCounts();
  const zones = new Map<string, { zone: string; total: number; kinds: Record<Kind, number> }>();
  let total = 0;
  for (const zf of zoneFiles) {
    const features = isRecord(zf.data) && Array.isArray(zf.data.features) ? zf.data.features : [];
    for (const raw of features as unknown[]) {
      const props = isRecord(raw) && isRecord(raw.properties) ? raw.properties : {};
      const kind = KINDS.find((k) => k === props.kind);
      if (!kind) continue;
      const zone = typeof props.zone === 'string' ? props.zone : zoneIdOf(zf.file);
      let entry = zones.get(zone);
      if (!entry) {
        entry = { zone, total: 0, kinds: emptyCounts() };
        zones.set(zone, entry);
      }
      entry.kinds[kind] += 1;
      entry.total += 1;
      kinds[kind] += 1;
      total += 1;
    }
  }
  return { zones: [...zones.values()], kinds, total };
}

export function formatSummary(s: Summary): string {
  const row = (label: string, total: number, counts: Record<Kind, number>): string =>
    `${label.padEnd(16)} ${String(total).padStart(5)}  ` +
    KINDS.map((k) => `${k} ${counts[k]}`).join(', ');
  return [
    ...s.zones.map((z) => row(z.zone, z.total, z.kinds)),
    row('all zones', s.total, s.kinds),
  ].join('\n');
}
