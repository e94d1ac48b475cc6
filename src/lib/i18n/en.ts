import type { Dictionary } from './index.ts';

export const en: Dictionary = {
  appName: 'Park Atlas',
  appNameLatin: '园区地图',
  tagline: "Shandong's development zones, industrial parks and innovation platforms",
  switchLanguage: '中文',
  switchLanguageLabel: 'Switch to Chinese',
  loading: 'Loading the map…',
  loadFailed: 'The map data could not be loaded',
  mapLabel: 'Map of development zones and industrial parks in Shandong',
  panelLabel: 'Layers and legend',
  detailsLabel: 'Details',
  listLabel: 'List of parks',
  boundariesNote:
    'Boundaries date from about 2016–2017, names updated to 2023 divisions; the datum is not documented.',
  approximateLocation: 'Approximate location',
  kindZone: 'Development zone',
  kindPark: 'Park',
  kindPlatform: 'Innovation platform',
  kindProject: 'Key project',
  kindEnterprise: 'Enterprise',
  webglMissing: 'This browser cannot show the map (WebGL2 is required).',
};
