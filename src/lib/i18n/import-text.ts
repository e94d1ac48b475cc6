/**
 * The import and export screens' words. Kept out of zh.ts so that they load with those screens
 * (a chunk of their own), not with every visit: the JS each visit loads has a budget.
 */
import type { Lang } from '../state/view.ts';

const zh = {
  importTitle: '导入数据',
  importOpen: '打开文件…',
  importHint:
    '或将文件拖到地图上。支持 GeoJSON、TopoJSON、CSV/TSV、Shapefile（.zip 或 .shp+.dbf+.prj）、KML、GPX。文件只在本机浏览器中处理。',
  importCrs: '坐标系',
  importCrsAuto: '按文件说明（否则 WGS-84）',
  importCrsWgs84: 'WGS-84（GPS）',
  importCrsCgcs2000: 'CGCS2000（国家 2000）',
  importCrsGcj02: 'GCJ-02（高德、腾讯）',
  importCrsBd09: 'BD-09（百度）',
  importPaste: '粘贴数据',
  importPasteLabel: '粘贴 GeoJSON 或 CSV 文本',
  importPasteGo: '导入粘贴的内容',
  importProgress: '正在导入',
  importCancel: '取消',
  importLayers: '导入的图层',
  importRename: '重命名',
  importRemove: '移除',
  importExportGeojson: '导出 GeoJSON',
  importExportCsv: '导出 CSV',
  importFeatures: '个要素',
  importReport: '导入报告',
  importLoaded: '已载入',
  importRejected: '未载入',
  importMore: '另有 {n} 条未列出',
  importDownloadReport: '下载完整报告（CSV）',
  importDismiss: '关闭报告',
  importFailed: '无法读取',
  importDrop: '松开鼠标即可导入文件',
  importProperties: '属性',
  importClose: '关闭',
  importNearby: '周边的内置要素',
  importSite: '以此为中心选址',
  importNotLinkable: '导入的文件只保存在本机，分享的链接不包含它；请用“导出”把数据发给对方。',
  importPhase: '读取',
  importExportAll: '导出所有导入的图层（GeoJSON）',
  importNameField: '名称字段',
  exportShown: '导出当前显示的园区',
  exportShownNone: '分块加载的数据只能导出地图上显示的部分，暂不支持导出。',
  exportPng: '地图图片（PNG）',
  importKind: '导入的要素',
  importColorBy: '按数值着色',
  importFilterBy: '按类别筛选',
  importNoData: '无数值',
  importLegend: '图例（分位数，5 级）',
  ownDataset:
    '地图显示的是您的文件 {name}（Park Atlas 数据格式：来源与数字均保留），不是内置数据。分享链接不含此文件。',
  ownDatasetClose: '返回内置数据',
  remoteAsk: '此链接要求加载另一网站上的数据：',
  remoteWho: '加载会向 {origin} 发出请求；数据作为导入图层显示。',
  remoteLoad: '加载',
  remoteSkip: '不加载',
  remoteRefused:
    '本部署只从本站加载数据（内容安全策略），不会请求 {origin}。可自行下载该文件，再用“打开文件…”导入。运营方可在 PARK_ATLAS_DATA_ORIGINS 中加入该来源。',
  remoteFailed:
    '{origin} 未返回数据：{reason}。该网站可能不允许其他网站读取（CORS），可自行下载该文件再导入。',
} as const;

export type ImportTextKey = keyof typeof zh;

const en: Record<ImportTextKey, string> = {
  importTitle: 'Import data',
  importOpen: 'Open file…',
  importHint:
    'Or drop files on the map. GeoJSON, TopoJSON, CSV/TSV, shapefile (.zip, or .shp+.dbf+.prj), KML, GPX. Files are read in this browser only.',
  importCrs: 'Coordinates',
  importCrsAuto: 'As the file says (else WGS-84)',
  importCrsWgs84: 'WGS-84 (GPS)',
  importCrsCgcs2000: 'CGCS2000',
  importCrsGcj02: 'GCJ-02 (Amap, Tencent)',
  importCrsBd09: 'BD-09 (Baidu)',
  importPaste: 'Paste data',
  importPasteLabel: 'Paste GeoJSON or CSV text',
  importPasteGo: 'Import what is pasted',
  importProgress: 'Importing',
  importCancel: 'Cancel',
  importLayers: 'Imported layers',
  importRename: 'Rename',
  importRemove: 'Remove',
  importExportGeojson: 'Export GeoJSON',
  importExportCsv: 'Export CSV',
  importFeatures: 'features',
  importReport: 'Import report',
  importLoaded: 'loaded',
  importRejected: 'not loaded',
  importMore: 'and {n} more not listed',
  importDownloadReport: 'Download the whole report (CSV)',
  importDismiss: 'Close the report',
  importFailed: 'Could not be read',
  importDrop: 'Drop the files to import them',
  importProperties: 'Properties',
  importClose: 'Close',
  importNearby: 'Built-in features nearby',
  importSite: 'Site search around here',
  importNotLinkable:
    'Imported files stay on this computer: a shared link does not carry them. Use Export to send the data.',
  importPhase: 'Reading',
  importExportAll: 'Export all imported layers (GeoJSON)',
  importNameField: 'Name field',
  exportShown: 'Export the parks shown',
  exportShownNone: 'Data read in tiles cannot be exported whole yet.',
  exportPng: 'Map image (PNG)',
  importKind: 'Imported',
  importColorBy: 'Colour by',
  importFilterBy: 'Filter by',
  importNoData: 'no value',
  importLegend: 'Legend (quantiles, 5 classes)',
  ownDataset:
    'The map shows your file {name} (in Park Atlas’s own format: its sources and figures kept), not the built-in data. A shared link does not carry it.',
  ownDatasetClose: 'Back to the built-in data',
  remoteAsk: 'This link asks to load data from another site:',
  remoteWho: 'Loading it sends a request to {origin}; the data is shown as an imported layer.',
  remoteLoad: 'Load it',
  remoteSkip: "Don't load",
  remoteRefused:
    'This deployment loads data from its own site only (Content-Security-Policy) and will not request {origin}. You can download the file yourself and open it with “Open file…”. The operator can add the origin to PARK_ATLAS_DATA_ORIGINS.',
  remoteFailed:
    '{origin} sent no data: {reason}. The site may not let other sites read it (CORS); you can download the file yourself and import it.',
};

export function importText(lang: Lang): (key: ImportTextKey) => string {
  const dict = lang === 'en' ? en : zh;
  return (key) => dict[key];
}
