/**
 * Messages of the tiles path only (`?tiles=`). They ship in its lazy chunk with pmtiles, not in
 * the main dictionaries: the main chunk has no bytes to spare (docs/BENCHMARKS.md, JS budget).
 * Same languages, same rule: a missing key is a type error.
 */
import type { Lang } from '../state/view.ts';

const zh = {
  countsNote: '点位来自瓦片存档：数量按整个存档统计，不随图层开关变化。',
  choroplethSampled:
    '点位来自瓦片存档：分级按每个字段最多 10,000 个等距取样值计算；行政区汇总需要全部点位，此模式不提供。',
  legendApproximate: '≈ 数量由取样值按比例估算。',
  listInView: '当前视野中 {n} 个点位',
  sampled: '此缩放级别每块瓦片最多显示 {cap} 个点位（固定抽样）；放大到 {zoom} 级可见全部。',
  searchInView: '搜索当前视野中的点位',
  detailLoading: '正在从瓦片读取详情…',
  detailFailed: '无法读取该点位的详情',
};

export type TilesMessages = typeof zh;

const en: TilesMessages = {
  countsNote:
    'Points from a tile archive: counts are over the whole archive and do not follow the layer switches.',
  choroplethSampled:
    'Points from a tile archive: classes come from a sample of at most 10,000 values per field at evenly spaced ranks; district totals need every point and are not offered.',
  legendApproximate: '≈ counts estimated from the sample, scaled to the whole archive.',
  listInView: '{n} in view',
  sampled:
    'At this zoom each tile shows at most {cap} points (a fixed sample); zoom in to {zoom} to see every point.',
  searchInView: 'Search the points in view',
  detailLoading: 'Reading the details from the tiles…',
  detailFailed: 'The details of this point could not be read',
};

export const tilesMessages: Record<Lang, TilesMessages> = { zh, en };
