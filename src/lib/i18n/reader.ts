/**
 * Messages of the document reader and of the quotes' document links: they ship in the details
 * and reader chunks, not in the main dictionaries (the main chunk has no bytes to spare).
 */
import type { Lang } from '../state/view.ts';

const zh = {
  open: '在原文中查看',
  openDoc: '打开原文：',
  reader: '原文',
  close: '关闭原文',
  publisher: '发布者',
  noPublisher: '原文未注明',
  date: '日期',
  kind: '类型',
  kindNews: '新闻报道',
  kindWorkReport: '工作报告',
  kindPlan: '规划',
  dateNote: '日期依据',
  loading: '正在加载原文…',
  notFound: '找不到这份文件：',
  failed: '原文无法加载：',
  passageMissing: '链接所指的段落不在这份文件中，显示全文。',
  highlighted: '高亮处为所引原文',
  titleEn: '',
};

export type ReaderMessages = typeof zh;

const en: ReaderMessages = {
  open: 'Read in the document',
  openDoc: 'Open the document: ',
  reader: 'Source document',
  close: 'Close the document',
  publisher: 'Publisher',
  noPublisher: 'not named in the text',
  date: 'Date',
  kind: 'Kind',
  kindNews: 'News report',
  kindWorkReport: 'Work report',
  kindPlan: 'Plan',
  dateNote: 'How the date is known',
  loading: 'Loading the document…',
  notFound: 'No such document: ',
  failed: 'The document could not be loaded: ',
  passageMissing: 'The passage the link points to is not in this document; showing all of it.',
  highlighted: 'The highlighted passage is the one quoted',
  titleEn: 'English title',
};

export const readerMessages = (lang: Lang): ReaderMessages => (lang === 'en' ? en : zh);

/** data/sources/documents.json's kinds (lib/data's DOC_KINDS; i18n sits below data). */
type DocKind = 'news' | 'work_report' | 'plan';

const KIND_KEYS: Record<DocKind, keyof ReaderMessages> = {
  news: 'kindNews',
  work_report: 'kindWorkReport',
  plan: 'kindPlan',
};

export const docKindKey = (kind: DocKind): keyof ReaderMessages => KIND_KEYS[kind];
