/** Dictionary keys for the data's enumerations, so panels never spell a key by hand. */
import type { Kind, Status } from '../data/schema.ts';
import type { MessageKey } from '../i18n/index.ts';

const KIND_KEYS: Readonly<Record<Kind, MessageKey>> = {
  zone: 'kindZone',
  park: 'kindPark',
  platform: 'kindPlatform',
  project: 'kindProject',
  enterprise: 'kindEnterprise',
  nonplace: 'kindNonplace',
};

const STATUS_KEYS: Readonly<Record<Status, MessageKey>> = {
  planned: 'detailsStatusPlanned',
  under_construction: 'detailsStatusUnderConstruction',
  operating: 'detailsStatusOperating',
  unknown: 'detailsStatusUnknown',
};

export function kindKey(kind: Kind): MessageKey {
  return KIND_KEYS[kind];
}

export function statusKey(status: Status): MessageKey {
  return STATUS_KEYS[status];
}
