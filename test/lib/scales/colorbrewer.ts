/**
 * ColorBrewer's sequential schemes (Cynthia Brewer, colorbrewer2.org), written out by hand for
 * 3, 5 and 9 classes: what the app's colours are checked against, independently of the package
 * the app reads them from.
 */
export type SchemeName = 'Blues' | 'Greens' | 'Oranges' | 'Purples' | 'YlGnBu' | 'YlOrRd';

export const COLORBREWER: Record<SchemeName, Record<3 | 5 | 9, readonly string[]>> = {
  Blues: {
    3: ['#deebf7', '#9ecae1', '#3182bd'],
    5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
    9: [
      '#f7fbff',
      '#deebf7',
      '#c6dbef',
      '#9ecae1',
      '#6baed6',
      '#4292c6',
      '#2171b5',
      '#08519c',
      '#08306b',
    ],
  },
  Greens: {
    3: ['#e5f5e0', '#a1d99b', '#31a354'],
    5: ['#edf8e9', '#bae4b3', '#74c476', '#31a354', '#006d2c'],
    9: [
      '#f7fcf5',
      '#e5f5e0',
      '#c7e9c0',
      '#a1d99b',
      '#74c476',
      '#41ab5d',
      '#238b45',
      '#006d2c',
      '#00441b',
    ],
  },
  Oranges: {
    3: ['#fee6ce', '#fdae6b', '#e6550d'],
    5: ['#feedde', '#fdbe85', '#fd8d3c', '#e6550d', '#a63603'],
    9: [
      '#fff5eb',
      '#fee6ce',
      '#fdd0a2',
      '#fdae6b',
      '#fd8d3c',
      '#f16913',
      '#d94801',
      '#a63603',
      '#7f2704',
    ],
  },
  Purples: {
    3: ['#efedf5', '#bcbddc', '#756bb1'],
    5: ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'],
    9: [
      '#fcfbfd',
      '#efedf5',
      '#dadaeb',
      '#bcbddc',
      '#9e9ac8',
      '#807dba',
      '#6a51a3',
      '#54278f',
      '#3f007d',
    ],
  },
  YlGnBu: {
    3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
    5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
    9: [
      '#ffffd9',
      '#edf8b1',
      '#c7e9b4',
      '#7fcdbb',
      '#41b6c4',
      '#1d91c0',
      '#225ea8',
      '#253494',
      '#081d58',
    ],
  },
  YlOrRd: {
    3: ['#ffeda0', '#feb24c', '#f03b20'],
    5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
    9: [
      '#ffffcc',
      '#ffeda0',
      '#fed976',
      '#feb24c',
      '#fd8d3c',
      '#fc4e2a',
      '#e31a1c',
      '#bd0026',
      '#800026',
    ],
  },
};

/** Okabe & Ito's colour-blind-safe palette (jfly.uni-koeln.de/color), lower-case hex. */
export const OKABE_ITO = {
  orange: '#e69f00',
  skyBlue: '#56b4e9',
  bluishGreen: '#009e73',
  yellow: '#f0e442',
  blue: '#0072b2',
  vermillion: '#d55e00',
  reddishPurple: '#cc79a7',
  black: '#000000',
} as const;
