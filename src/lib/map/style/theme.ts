import type { PointKind } from '../ids.ts';

/** Colours of the map. A calm, low-contrast basemap so the data layers carry the colour. */
export interface Theme {
  sea: string;
  land: string;
  landAlt: string;
  countyLine: string;
  prefectureLine: string;
  label: string;
  labelHalo: string;
  zoneFill: string;
  zoneLine: string;
  /** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
  kind: Record<PointKind, string>;
  font: string;
}

export const defaultTheme: Theme = {
  sea: '#dde6ea',
  land: '#f6f4ef',
  landAlt: '#efece4',
  countyLine: '#cfc8bb',
  prefectureLine: '#8e8779',
  label: '#6d675c',
  labelHalo: '#ffffff',
  zoneFill: '#0072b2',
  zoneLine: '#0072b2',
  kind: {
    park: '#d55e00',
    platform: '#cc79a7',
    project: '#009e73',
    enterprise: '#e69f00',
  },
  font: 'Noto Sans SC',
};
