/**
 * TopoJSON: every object of the topology becomes features, concatenated, each marked with the
 * object it came from. The shape is checked first, because topojson-client trusts its input and
 * fails deep inside with a TypeError a user cannot act on.
 */
import { isRecord } from '../../data/record.ts';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { crsFromMember } from '../crs.ts';
import type { ImportIssue, ReadResult } from '../types.ts';

/** The property that records which object of the topology a feature came from. */
export const LAYER_PROPERTY = '_layer';

type Features = ReadResult['features'];

function refuse(file: string, where: string, code: string, en: string, zh: string): ReadResult {
  const fatal: ImportIssue = { file, where, code, en, zh, rejected: true };
  return { format: 'topojson', features: [], issues: [], fatal };
}

/** Why a value is not a topology this reader can convert, or undefined when it is one. */
function shapeError(json: unknown, file: string): ReadResult | undefined {
  if (!isRecord(json) || json.type !== 'Topology') {
    const got = isRecord(json) ? `"type": ${JSON.stringify(json.type)}` : 'no object';
    return refuse(
      file,
      'type',
      'topojson-type',
      `not TopoJSON: expected "type": "Topology", found ${got}`,
      `不是 TopoJSON：应为 "type": "Topology"，实际为 ${got}`,
    );
  }
  if (!isRecord(json.objects)) {
    return refuse(
      file,
      'objects',
      'topojson-objects',
      'the topology has no "objects" member (an object of named geometry collections)',
      '拓扑缺少 "objects" 成员（按名称组织的几何集合）',
    );
  }
  if (!Array.isArray(json.arcs)) {
    return refuse(
      file,
      'arcs',
      'topojson-arcs',
      'the topology has no "arcs" array',
      '拓扑缺少 "arcs" 数组',
    );
  }
  return undefined;
}

/** Features of one object, or an issue saying why the object was skipped. */
function objectFeatures(topology: Topology, name: string, file: string): Features | ImportIssue {
  const object: unknown = topology.objects[name];
  if (!isRecord(object) || typeof object.type !== 'string') {
    return {
      file,
      where: `objects.${name}`,
      code: 'topojson-object',
      en: `object "${name}" has no geometry type; skipped`,
      zh: `对象 "${name}" 没有几何类型，已跳过`,
      rejected: true,
    };
  }
  try {
    const converted = feature(topology, object as unknown as GeometryObject);
    const list: Feature<Geometry | null>[] =
      'features' in converted ? converted.features : [converted];
    return list.map((f) => ({
      ...f,
      properties: { ...(f.properties ?? {}), [LAYER_PROPERTY]: name },
    }));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      file,
      where: `objects.${name}`,
      code: 'topojson-object',
      en: `object "${name}" could not be converted (${reason}): an arc index is probably out of range; skipped`,
      zh: `对象 "${name}" 无法转换（${reason}），可能弧段索引越界，已跳过`,
      rejected: true,
    };
  }
}

/** A parsed TopoJSON value as features; each carries `_layer`, the name of its object. */
export function readTopojson(json: unknown, file: string): ReadResult {
  const wrong = shapeError(json, file);
  if (wrong) return wrong;
  const topology = json as Topology;
  const features: Features = [];
  const issues: ImportIssue[] = [];
  for (const name of Object.keys(topology.objects)) {
    const result = objectFeatures(topology, name, file);
    if (Array.isArray(result)) features.push(...result);
    else issues.push(result);
  }
  if (features.length === 0 && issues.length === 0) {
    return refuse(
      file,
      'objects',
      'topojson-empty',
      'the topology has no objects',
      '拓扑中没有任何对象',
    );
  }
  // Not in the TopoJSON spec, but written by tools that copy GeoJSON 2008's member across.
  const declaredCrs = crsFromMember((json as { crs?: unknown }).crs, `${file} crs member`);
  return { format: 'topojson', features, issues, ...(declaredCrs ? { declaredCrs } : {}) };
}
