/**
 * The map as a PNG with its title, legend, scale bar, attribution and date: what a planner puts
 * in a report. A chunk of its own, loaded on the first export.
 */
import { composeMapImage } from '../lib/export/png.ts';
import type { MapController } from '../lib/map/controller.ts';
import { captureMap, metersPerPixel } from '../lib/map/snapshot.ts';
import { SOURCE } from '../lib/map/ids.ts';
import { formatNumber } from '../lib/format/figures.ts';
import { labelIn } from '../lib/i18n/localized.ts';
import type { MessageKey } from '../lib/i18n/index.ts';
import type { ChoroplethModel } from '../lib/scales/choropleth.ts';
import { rangeLabel } from '../lib/scales/classify.ts';
import type { Lang } from '../lib/state/view.ts';
import type { LayerEntry } from './layer-entries.ts';
import { downloadBlob } from './download.ts';

export interface MapImageText {
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: { color: string; label: string }[];
  lang: Lang;
}

export async function mapImage(controller: MapController, text: MapImageText): Promise<Blob> {
  const map = controller.map;
  await document.fonts.ready;
  const shot = await captureMap(map);
  const { lat } = map.getCenter();
  const image = composeMapImage(shot, shot.width / map.getCanvas().clientWidth || 1, {
    ...text,
    metersPerPixel: metersPerPixel(lat, map.getZoom()),
    // The basemap file's own credits, as the districts source carries them.
    attribution: (map.getSource(SOURCE.districts)?.attribution ?? '').replace(/<[^>]*>/g, ''),
    date: new Date().toLocaleDateString(text.lang === 'zh' ? 'zh-CN' : 'en-GB'),
    font: "'Noto Sans SC', system-ui, sans-serif",
  });
  return new Promise((resolve, reject) =>
    image.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('the image could not be made'))),
      'image/png',
    ),
  );
}

/** What the page shows, as the image's title and legend, saved as a download. */
export async function saveMapImage(
  controller: MapController,
  view: {
    model: ChoroplethModel | null;
    layers: readonly LayerEntry[];
    t: (key: MessageKey) => string;
    lang: Lang;
  },
): Promise<void> {
  const { model, t, lang } = view;
  const fmt = (n: number) => formatNumber(Math.round(n * 100) / 100, lang);
  const legend = [
    ...(model?.legend.entries.map((e) => ({
      color: e.color,
      label: rangeLabel(e, fmt),
    })) ?? []),
    ...view.layers
      .filter((e) => e.settings.visible)
      .map((e) => ({ color: e.settings.color, label: e.settings.title })),
  ];
  const blob = await mapImage(controller, {
    title: `${t('appName')} ${t('appNameLatin')}`,
    subtitle: model ? `${t('legendTitle')}: ${labelIn(model.field, lang)}` : t('tagline'),
    legendTitle: t('legendTitle'),
    legend,
    lang,
  });
  downloadBlob(blob, `park-atlas-map-${new Date().toISOString().slice(0, 10)}.png`);
}
