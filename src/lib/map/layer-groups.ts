import { LAYER, pointLayerId } from './ids.ts';
import type { LayerKey } from '../state/view.ts';

/** Which style layers each layer-panel key switches (a layer in two groups needs both on). */
export const layerGroups: Record<LayerKey, string[]> = {
  zones: [LAYER.zoneFill, LAYER.zoneLine, LAYER.zoneLabel],
  parks: [pointLayerId('park')],
  platforms: [pointLayerId('platform')],
  projects: [pointLayerId('project')],
  enterprises: [pointLayerId('enterprise')],
  // Designations, programmes, online platforms, events: listed, never drawn.
  nonplaces: [],
  labels: [
    LAYER.riverLabel,
    LAYER.cityLabel,
    LAYER.districtLabel,
    LAYER.zoneLabel,
    LAYER.pointLabel,
  ],
};
