/**
 * Messages of the online basemap form only: they ship in its lazy chunk, not in the main
 * dictionaries (the main chunk has no bytes to spare). A missing key is a type error.
 */
import type { Lang } from '../state/view.ts';
import type { TemplateProblem } from '../state/basemap-advice.ts';

const zh = {
  template: 'XYZ 栅格瓦片地址',
  use: '使用',
  hint: '例如天地图（CGCS2000，与 WGS-84 数据对齐），需使用您自己的密钥 tk=。',
  url: '这不是完整的网址：请填写以 https:// 开头、含 {z}、{x}、{y} 的瓦片地址。',
  scheme: '只支持 http:// 或 https:// 瓦片地址。',
  placeholders: '瓦片地址必须包含 {z}、{x} 和 {y}。',
  style: '暂不支持 MapLibre 样式地址（style.json）：请填写 XYZ 栅格瓦片地址。',
  origin:
    '本部署不允许加载来自 {origin} 的瓦片（内容安全策略）。运营方可在 PARK_ATLAS_TILE_ORIGINS 中加入该来源。',
  gcj: '注意：该服务使用 GCJ-02 坐标（高德、腾讯、百度），与本图 WGS-84 数据相差数百米，园区位置会显得偏移。',
  secret: '该地址含密钥（tk=、key=、token= 等）：只保存在本浏览器，不会写入分享链接。',
  shared: '该地址不含密钥：会写入分享链接（bm=）。',
};

export type OnlineMessages = typeof zh;

const en: OnlineMessages = {
  template: 'XYZ raster tile template',
  use: 'Use',
  hint: 'E.g. 天地图 Tianditu (CGCS2000, aligned with the WGS-84 data) with your own key tk=.',
  url: 'Not a full URL: give a tile template starting with https:// with {z}, {x} and {y}.',
  scheme: 'Only http:// and https:// tile templates are supported.',
  placeholders: 'The template must contain {z}, {x} and {y}.',
  style:
    'MapLibre style URLs (style.json) are not supported yet: give an XYZ raster tile template.',
  origin:
    'This deployment does not allow tiles from {origin} (Content-Security-Policy). The operator can add it to PARK_ATLAS_TILE_ORIGINS.',
  gcj: 'Warning: this service is in GCJ-02 (Amap, Tencent, Baidu), hundreds of metres off the WGS-84 data: parks will look shifted.',
  secret:
    'This template holds a key (tk=, key=, token= …): kept in this browser only, never put in a shared link.',
  shared: 'This template holds no key: it goes into shared links (bm=).',
};

export const onlineMessages: Record<Lang, OnlineMessages> = { zh, en };

/** What is wrong with a template, in words; `origin` names the refused origin. */
export function problemText(lang: Lang, problem: TemplateProblem, origin: string): string {
  return onlineMessages[lang][problem].replace('{origin}', origin);
}
