/**
 * Words of the details panel's related features (typed relations, data/README.md "Relations"):
 * in the details chunk, not the main dictionaries. Each type is read from the feature that holds
 * it (`out`: 雪榕生物二期 is a phase of 雪榕生物) and from its target (`in`: 雪榕生物 has phases).
 */
import type { Lang } from '../state/view.ts';

/** lib/data's RELATION_TYPES (i18n sits below data). */
type RelationType = 'located_in' | 'phase_of' | 'invested_by' | 'partner_of' | 'operated_by';

export interface RelationMessages {
  heading: string;
  out: Record<RelationType, string>;
  in: Record<RelationType, string>;
}

const zh: RelationMessages = {
  heading: '关联',
  out: {
    located_in: '位于',
    phase_of: '分期，属于',
    invested_by: '投资建设方',
    partner_of: '合作方',
    operated_by: '运营方',
  },
  in: {
    located_in: '其中有',
    phase_of: '分期项目',
    invested_by: '投资建设',
    partner_of: '合作方',
    operated_by: '运营',
  },
};

const en: RelationMessages = {
  heading: 'Related',
  out: {
    located_in: 'Located in',
    phase_of: 'A phase of',
    invested_by: 'Invested in by',
    partner_of: 'Partner of',
    operated_by: 'Operated by',
  },
  in: {
    located_in: 'Has in it',
    phase_of: 'Has as a phase',
    invested_by: 'Invests in',
    partner_of: 'Partner of',
    operated_by: 'Operates',
  },
};

export const relationMessages = (lang: Lang): RelationMessages => (lang === 'en' ? en : zh);
