/**
 * Which of the two side panels the left column shows between 641 and 1100 px wide, where there
 * is no room for the list's own column (app.css): the layers and legend, or the list. Shared by
 * the tabs and the skip link to the list, which opens the list's tab before moving focus to it.
 */
export type SideTab = 'panel' | 'list';

export const side: { tab: SideTab } = $state({ tab: 'panel' });
