/**
 * The one status rule (data/README.md, "Status"): which status and which kind of report a quote's
 * wording gives. data:check and the data tests apply it to every `status_source` and to every
 * timeline entry that carries a status, so that the same wording cannot give two statuses.
 *
 * The rows are tried in order and the first whose pattern is in the quote decides. Compound
 * plan wordings come first, because a plan's sentence also holds the words of what it aims at
 * (全力推动…等项目竣工投产 is a target, not a report of production). A wording no row matches
 * (listed as a key project, newly attracted, approved, 取得突破性进展) gives no status: `unknown`,
 * with no `status_source`. Pure and without valibot: the tests and the checker share it.
 */
import type { Kind, Reported, Status } from './schema.ts';

export interface StatusRow {
  /** The wording as data/README.md shows it. */
  wording: string;
  pattern: RegExp;
  status: Exclude<Status, 'unknown'>;
  reported: Reported;
  /** Only for these kinds (a zone reporting its own results). */
  kinds?: readonly Kind[];
  /** What the row means, for data/README.md. */
  reads: string;
}

export const STATUS_RULE: readonly StatusRow[] = [
  {
    wording: '全力推动…签约落地',
    pattern: /全力推动.*签约落地/,
    status: 'planned',
    reported: 'plan',
    reads: 'a target to sign the project',
  },
  {
    wording: '全力推动…竣工投产',
    pattern: /全力推动.*竣工投产/,
    status: 'operating',
    reported: 'plan',
    reads: 'a target to complete it and start production',
  },
  {
    wording: '全力推动…开工建设',
    pattern: /全力推动.*开工建设/,
    status: 'under_construction',
    reported: 'plan',
    reads: 'a target to start building',
  },
  {
    wording: '加快推进…投产',
    pattern: /加快推进.*投产/,
    status: 'operating',
    reported: 'plan',
    reads: 'a target to start production',
  },
  {
    wording: '已开工',
    pattern: /已开工/,
    status: 'under_construction',
    reported: 'done',
    reads: 'construction has started',
  },
  {
    wording: '新规划建设',
    pattern: /新规划建设/,
    status: 'planned',
    reported: 'done',
    reads: 'newly planned (an achievement of the reported period)',
  },
  {
    wording: '规划建设, 策划打造, 重点打造, 探索建设, 争取获批',
    pattern: /规划建设|策划打造|重点打造|探索建设|争取获批/,
    status: 'planned',
    reported: 'plan',
    reads: 'to be planned, created or applied for',
  },
  {
    wording: '获批筹建, 完成了初步建设方案',
    pattern: /获批筹建|完成了初步建设方案/,
    status: 'planned',
    reported: 'done',
    reads: 'approved for preparation; its plan drawn up',
  },
  {
    wording: '启动了…建设, 完成主体建设, 正在设备调试',
    pattern: /启动了.*建设|完成主体建设|正在设备调试/,
    status: 'under_construction',
    reported: 'done',
    reads: 'construction started, main structure finished, equipment being commissioned',
  },
  {
    wording: '加快…建设, 推进…建设, 结合…建设',
    pattern: /(?:加快|推进|结合).*建设/,
    status: 'under_construction',
    reported: 'plan',
    reads: 'to speed up or push on building it: a plan that takes the building as begun',
  },
  {
    wording:
      '建成投产, 投产运营, 试生产, 试产, 投入运营, 启动运营, 正式运行, 市场化运营, 开业, 下线, 入驻, 建成了, 成功创建',
    pattern:
      /建成投产|投产运营|试生产|试产|投入运营|启动运营|正式运行|市场化运营|开业|下线|入驻|建成了|成功创建/,
    status: 'operating',
    reported: 'done',
    reads: 'in production or operation, opened, moved into, built',
  },
  {
    wording: '上市, 股改',
    pattern: /上市|股改/,
    status: 'operating',
    reported: 'done',
    reads: 'a company listed on a market or in shareholding reform',
  },
  {
    wording:
      '做大做强, 发展壮大, 壮大, 利用好, 依托, 充分发挥…作用, 支持…企业, 扎根发展, 追加投资, 组建了, 整体纳入, 成功转化, 技术改造',
    pattern:
      /做大做强|壮大|利用好|依托|充分发挥.*作用|支持.*企业|扎根发展|追加投资|组建了|整体纳入|成功转化|技术改造/,
    status: 'operating',
    reported: 'done',
    reads:
      'named as existing and at work: to be grown, relied on, made use of, supported, investing, upgrading',
  },
  {
    wording: '实现…, 深入贯彻…, 推动… (the zone itself)',
    pattern: /实现|深入贯彻|推动/,
    status: 'operating',
    reported: 'done',
    kinds: ['zone'],
    reads: 'the zone reporting its own results or work',
  },
  {
    wording: '建立, 建设, 选择…作为…试点 (in a plan)',
    pattern: /建立|建设|选择.*作为.*试点/,
    status: 'planned',
    reported: 'plan',
    reads: 'to be set up or built',
  },
];

/** The first row of the rule that applies to a quote about a feature of that kind, or null. */
export function statusRowFor(quote: string, kind: Kind): StatusRow | null {
  for (const row of STATUS_RULE) {
    if (row.kinds && !row.kinds.includes(kind)) continue;
    if (row.pattern.test(quote)) return row;
  }
  return null;
}
