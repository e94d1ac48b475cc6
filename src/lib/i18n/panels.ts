/**
 * Words of the details and share panels, in their chunks rather than the main dictionaries: the
 * first visit's JS has a budget, and these are read only once a panel opens.
 */
import type { Lang } from '../state/view.ts';

const zh = {
  detailsClose: '关闭详情',
  detailsCopyLink: '复制此项的链接',
  detailsKind: '类型',
  detailsZone: '所属开发区',
  detailsDistricts: '所在区县',
  detailsLocatedIn: '位于',
  detailsIndustries: '产业',
  detailsStatus: '状态',
  detailsLocation: '位置',
  detailsLocationNote: '来源中的位置描述',
  detailsFigures: '数据',
  detailsNoFigures: '来源中没有关于此项的数据。',
  detailsAliases: '又称',
  detailsNonplaces: '称号、计划、平台与活动（不在地图上）',
  detailsStatusPlan: '（计划目标）',
  detailsTarget: '目标',
  detailsSourceDoc: '来源：',
  detailsTimeline: '大事记',
  detailsSources: '来源摘录',
  shareLink: '当前视图的链接',
  shareCopy: '复制链接',
  shareCopyRefused: '浏览器拒绝了复制：链接已选中，请按 Ctrl+C（或长按）复制。',
  shareQr: '扫码打开（如微信）',
  shareEmbed: '嵌入代码',
};

export type PanelKey = keyof typeof zh;

const en: Record<PanelKey, string> = {
  detailsClose: 'Close details',
  detailsCopyLink: 'Copy link to this place',
  detailsKind: 'Type',
  detailsZone: 'Zone',
  detailsDistricts: 'Districts',
  detailsLocatedIn: 'Located in',
  detailsIndustries: 'Industries',
  detailsStatus: 'Status',
  detailsLocation: 'Location',
  detailsLocationNote: 'Location as the source words it',
  detailsFigures: 'Figures',
  detailsNoFigures: 'The sources give no figures for this item.',
  detailsAliases: 'Also called',
  detailsNonplaces: 'Designations, programmes, platforms and events (not on the map)',
  detailsStatusPlan: '(a plan or target)',
  detailsTarget: 'Target',
  detailsSourceDoc: 'Source:',
  detailsTimeline: 'Timeline',
  detailsSources: 'Sources',
  shareLink: 'Link to this view',
  shareCopy: 'Copy link',
  shareCopyRefused:
    'The browser refused to copy: the link is selected, press Ctrl+C (or long-press) to copy it.',
  shareQr: 'Scan to open (e.g. in WeChat)',
  shareEmbed: 'Embed code',
};

/** The panels' words in a language: `w('detailsKind')`. */
export const panelText =
  (lang: Lang) =>
  (key: PanelKey): string =>
    (lang === 'en' ? en : zh)[key];
