/**
 * The notice for the parts of a link that could not be used, in the page's language only. The
 * link reader says what went wrong as data ({@link DroppedPart}); this words it. It ships in a
 * chunk of its own, loaded only when a link had a problem (the main chunk has no bytes to spare).
 */
import { MAX_BREAKS, type DroppedPart, type LinkProblem } from '../state/url/format.ts';
import { FIRST_YEAR, LAST_YEAR, MAX_CLASSES, MIN_CLASSES, type Lang } from '../state/view.ts';

/** What each key of the link is, as the interface calls it. */
const PARTS: Record<Lang, Record<string, string>> = {
  zh: {
    map: '地图视角',
    v: '链接版本',
    sel: '选中的地点',
    ind: '产业筛选',
    lyr: '图层',
    ch: '分级设色字段',
    cby: '分级设色对象',
    csc: '分级范围',
    cm: '分级方法',
    cn: '分级数',
    cb: '分级断点',
    cs: '配色',
    sort: '列表排序',
    lang: '语言',
    bm: '在线底图',
    yr: '年份',
    doc: '原文',
    q: '原文段落',
    cmp: '对比',
    route: '路线',
    nb: '附近',
    ss: '选址',
    embed: '嵌入方式',
  },
  en: {
    map: 'Map view',
    v: 'Link version',
    sel: 'Selected place',
    ind: 'Industry filter',
    lyr: 'Layers',
    ch: 'Choropleth field',
    cby: 'Choropleth target',
    csc: 'Class range',
    cm: 'Class method',
    cn: 'Number of classes',
    cb: 'Class breaks',
    cs: 'Colour scheme',
    sort: 'List order',
    lang: 'Language',
    bm: 'Online basemap',
    yr: 'Year',
    doc: 'Source document',
    q: 'Passage',
    cmp: 'Comparison',
    route: 'Route',
    nb: 'Nearby',
    ss: 'Site search',
    embed: 'Embedding',
  },
};

/** What a usable value of a key looks like, said after a value that was not one. */
const EXPECTED: Record<Lang, Record<string, string>> = {
  zh: {
    map: '应为“缩放/纬度/经度”',
    cn: `应为 ${MIN_CLASSES}–${MAX_CLASSES} 的整数`,
    cb: `应为最多 ${MAX_BREAKS} 个递增的数`,
    yr: `应为 ${FIRST_YEAR}–${LAST_YEAR} 年`,
    doc: '不是原文的文件名',
    q: '不是原文中的段落（需同时指定原文）',
    nb: '应为“半径/地点”或“半径/纬度/经度”',
    embed: '应为 1 或 0',
    bm: '不是可用的底图地址，或含有密钥',
  },
  en: {
    map: 'expected zoom/latitude/longitude',
    cn: `expected a whole number from ${MIN_CLASSES} to ${MAX_CLASSES}`,
    cb: `expected at most ${MAX_BREAKS} numbers in ascending order`,
    yr: `expected a year from ${FIRST_YEAR} to ${LAST_YEAR}`,
    doc: 'not the file name of a source document',
    q: 'not a passage of a source document (it needs one)',
    nb: 'expected radius/place or radius/latitude/longitude',
    embed: 'expected 1 or 0',
    bm: 'not a usable basemap address, or it carries a key',
  },
};

type Words = (p: DroppedPart, expected: string) => string;

/**
 * One sentence per problem: `p.value` is the link's value, `p.to` what was used or the limit.
 * English quotes straight: curly ones take the CJK font's full-width forms in this page's fonts.
 */
const SENTENCES: Record<Lang, Record<LinkProblem, Words>> = {
  zh: {
    'newer-version': () => '此链接来自更新版本的园区地图，可能无法完全按分享时的样子打开。',
    'unknown-key': (p) => `无法识别链接中的“${p.value}”。`,
    'repeated-key': () => '在链接中出现了多次，只使用第一个。',
    'unknown-feature': (p) => `未找到“${p.value}”。`,
    'unknown-industry': (p) => `没有“${p.value}”这个产业。`,
    'unknown-field': (p) => `没有“${p.value}”这个字段。`,
    'unknown-value': (p) => `无法识别“${p.value}”。`,
    'repeated-value': (p) => `“${p.value}”重复，只用一次。`,
    'bad-value': (p, expected) => `“${p.value}”无法使用${expected ? `：${expected}` : ''}。`,
    changed: (p) => `“${p.value}”超出范围或无法读取，已改为 ${p.to}。`,
    'too-many': (p) => `最多 ${p.to} 个，“${p.value}”未加入。`,
    'too-long': (p) => `链接过长（${p.value} 个字符），只读取了前 ${p.to} 个。`,
    'not-aggregated': (p) => `“${p.value}”无法按行政区汇总，改为按地点设色。`,
    unreadable: () => '链接无法读取，已打开默认视图。',
    more: (p) => `另有 ${p.value} 处问题未列出。`,
  },
  en: {
    'newer-version': () =>
      'This link is from a newer version of Park Atlas and may not open exactly as it was shared.',
    'unknown-key': (p) => `"${p.value}" in the link is not something Park Atlas knows.`,
    'repeated-key': () => 'given more than once; the first one is used.',
    'unknown-feature': (p) => `"${p.value}" was not found.`,
    'unknown-industry': (p) => `there is no industry "${p.value}".`,
    'unknown-field': (p) => `there is no field "${p.value}".`,
    'unknown-value': (p) => `"${p.value}" is not one of the choices.`,
    'repeated-value': (p) => `"${p.value}" is repeated; it is used once.`,
    'bad-value': (p, expected) => `"${p.value}" cannot be used${expected ? `: ${expected}` : ''}.`,
    changed: (p) => `"${p.value}" is out of range or unreadable; ${p.to} is used instead.`,
    'too-many': (p) => `at most ${p.to}; "${p.value}" was left out.`,
    'too-long': (p) =>
      `The link is too long (${p.value} characters); only the first ${p.to} were read.`,
    'not-aggregated': (p) =>
      `"${p.value}" cannot be summed into districts; the places are coloured instead.`,
    unreadable: () => 'The link could not be read; the default view is shown.',
    more: (p) => `…and ${p.value} more.`,
  },
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One dropped part as a sentence in `lang`, led by the name of the part of the view it was. */
export function describePart(p: DroppedPart, lang: Lang): string {
  const sentence = SENTENCES[lang][p.problem](p, EXPECTED[lang][p.key] ?? '');
  const part = p.problem === 'newer-version' ? undefined : PARTS[lang][p.key];
  if (part === undefined) return capital(sentence);
  return lang === 'zh' ? `${part}：${sentence}` : `${part}: ${sentence}`;
}

/**
 * The notice's text: `newer` when the link is from a later version of the app (said first, apart
 * from the list), and a sentence for each other part that was dropped, in the link's order.
 */
export function linkNotice(
  parts: readonly DroppedPart[],
  lang: Lang,
): { newer: string | null; items: string[] } {
  const newer = parts.find((p) => p.problem === 'newer-version');
  return {
    newer: newer ? describePart(newer, lang) : null,
    items: parts.filter((p) => p !== newer).map((p) => describePart(p, lang)),
  };
}
