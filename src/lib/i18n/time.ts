/**
 * Messages of the time control (the map as of a year): they ship in its lazy chunk, not in the
 * main dictionaries (the main chunk has no bytes to spare).
 */
import type { Lang } from '../state/view.ts';

const zh = {
  open: '按年份查看',
  label: '地图年份',
  asOf: (year: number) => `截至 ${year} 年`,
  showAll: '显示全部',
  showAllLabel: '关闭按年份查看，显示全部',
  hidden: (n: number) => `${n} 个尚未见于报道的点已隐藏`,
  planned: '规划',
  under_construction: '在建',
  operating: '运营',
  unknown: '状态尚未报道',
  unreported: '尚未见于报道',
  detailsAsOf: (year: number) => `截至 ${year} 年：`,
  laterFigure: (year: number) => `${year} 年后的数据`,
  undated: '此点位存档生成时未写入日期：年份不适用于其中的点，地图仍显示全部点。',
  tilesLatest: '存档中的点按年份显示；其数值与分级仍为最新数据。',
};

/** The statuses (lib/data's STATUSES; i18n sits below data). */
type Status = 'planned' | 'under_construction' | 'operating' | 'unknown';

export type TimeMessages = Omit<typeof zh, Status> & Record<Status, string>;

const en: TimeMessages = {
  open: 'Map as of a year',
  label: 'Year of the map',
  asOf: (year: number) => `As of ${year}`,
  showAll: 'Show all',
  showAllLabel: 'Stop showing the map as of a year, show everything',
  hidden: (n: number) => `${n} points not yet reported are hidden`,
  planned: 'Planned',
  under_construction: 'Under construction',
  operating: 'Operating',
  unknown: 'Status not yet reported',
  unreported: 'Not yet reported',
  detailsAsOf: (year: number) => `As of ${year}: `,
  laterFigure: (year: number) => `Reported after ${year}`,
  undated:
    'This points archive was built without dates: the year does not apply to its points, and all of them are still shown.',
  tilesLatest: 'The archive’s points follow the year; their figures and classes are the latest.',
};

export const timeMessages = (lang: Lang): TimeMessages => (lang === 'en' ? en : zh);
