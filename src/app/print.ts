/**
 * Printing (#17 point 5): an A4 sheet with the map, its legend, scale bar and north arrow, a
 * title, the date, the data sources and the page's link as a QR code — for the current view, a
 * park's profile, a comparison or a route. The sheet is built in the page (`#print-sheet`) and
 * the print stylesheet (app.css, `@media print`) shows it alone. A chunk of its own.
 */
import QRCode from 'qrcode';
import type { ParkFeature } from '../lib/data/schema.ts';
import type { MessageKey } from '../lib/i18n/index.ts';
import { toolkitText } from '../lib/i18n/toolkit.ts';
import { scaleBar } from '../lib/export/png.ts';
import { captureMap, metersPerPixel } from '../lib/map/snapshot.ts';
import { SOURCE } from '../lib/map/ids.ts';
import { stopsOf, type Kit } from './toolkit.ts';

export type PrintWhat = 'view' | 'compare' | 'route' | { profile: string };

export const PRINT_SHEET_ID = 'print-sheet';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** A copy of part of the page for paper: quotes opened, buttons turned into their text. */
function paperCopy(selector: string): HTMLElement | null {
  const found = document.querySelector<HTMLElement>(selector);
  if (!found) return null;
  const copy = found.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('details').forEach((d) => (d.open = true));
  copy
    .querySelectorAll('[data-details-tools], .copy-link, .close, .x, .moves')
    .forEach((n) => n.remove());
  copy
    .querySelectorAll('button')
    .forEach((b) => b.replaceWith(el('span', {}, b.textContent ?? '')));
  copy.querySelectorAll('[id]').forEach((n) => n.removeAttribute('id'));
  return copy;
}

/** Every document the printed features cite, each once, in order. */
function sourcesOf(features: readonly ParkFeature[]): string[] {
  const docs = new Set<string>();
  for (const f of features) {
    const p = f.properties;
    for (const s of [...p.sources, ...p.figures, ...p.timeline]) docs.add(s.doc);
    if (p.status_source) docs.add(p.status_source.doc);
  }
  return [...docs];
}

/** The features a print is about, and its subtitle. */
function subject(kit: Kit, what: PrintWhat): { features: ParkFeature[]; subtitle: string } {
  const { app, atlas } = kit;
  const k = toolkitText(app.lang);
  const ids =
    typeof what === 'object'
      ? [what.profile]
      : what === 'compare'
        ? app.compare
        : what === 'route'
          ? app.route
          : (atlas.shownFeatures(app)?.map((f) => f.id) ?? []);
  // Imported places (state/place.ts) are named in the title; they cite no documents. The
  // view's features (maybe 100k) are not named, so not looked up one by one.
  const stops = what === 'view' ? [] : stopsOf(atlas, ids, app.lang);
  const features =
    what === 'view'
      ? ids.flatMap((id) => atlas.source.feature(id) ?? [])
      : stops.flatMap((s) => (s.feature ? [s.feature] : []));
  const names = stops.map((s) => s.name);
  const subtitle =
    typeof what === 'object'
      ? (names[0] ?? '')
      : what === 'compare'
        ? `${k('compare')}: ${names.join(' / ')}`
        : what === 'route'
          ? `${k('route')}: ${names.join(' → ')}`
          : k('printView');
  return { features, subtitle };
}

/** The map as drawn now, with a north arrow on it and a scale bar under it. */
async function mapFigure(kit: Kit, alt: string): Promise<HTMLElement | null> {
  const map = kit.controller?.map;
  if (!map) return null;
  const k = toolkitText(kit.app.lang);
  await document.fonts.ready;
  const shot = await captureMap(map);
  const bar = scaleBar(metersPerPixel(map.getCenter().lat, map.getZoom()), 120);
  // The image spans the sheet's width, so the bar is the same share of it as on screen.
  const widthPct = (bar.px / map.getCanvas().clientWidth) * 100;
  const arrow = el('div', { class: 'ps-north', 'aria-label': k('printNorth') });
  arrow.innerHTML = `<svg viewBox="0 0 24 36" width="24" height="36" style="transform: rotate(${-map.getBearing()}deg)"><path d="M12 2 L20 30 L12 24 L4 30 Z" fill="#1a1a1a"/></svg><span>${k('printNorth')}</span>`;
  return el(
    'figure',
    { class: 'ps-map' },
    el('img', { src: shot.toDataURL('image/png'), alt }),
    arrow,
    el(
      'div',
      { class: 'ps-scale' },
      el('span', { class: 'ps-bar', style: `width: ${widthPct}%` }),
      el('span', {}, bar.label),
    ),
  );
}

/** The legends as the side panel shows them: the choropleth's, when on, and the kinds'. */
function legends(): HTMLElement | null {
  const copies = [...document.querySelectorAll('.panel .legend')].map((n) => {
    const copy = n.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('button, input').forEach((b) => b.remove());
    return copy;
  });
  return copies.length > 0 ? el('section', { class: 'ps-legend' }, ...copies) : null;
}

/** Data sources, the link as text and as a QR code. */
async function footer(kit: Kit, features: readonly ParkFeature[]): Promise<HTMLElement> {
  const k = toolkitText(kit.app.lang);
  const attribution = (kit.controller?.map.getSource(SOURCE.districts)?.attribution ?? '').replace(
    /<[^>]*>/g,
    '',
  );
  const docs = sourcesOf(features);
  const qr = await QRCode.toDataURL(location.href, { margin: 1, width: 240 });
  return el(
    'footer',
    { class: 'ps-foot' },
    el(
      'div',
      { class: 'ps-sources' },
      el('h2', {}, k('printSources')),
      el('p', {}, `${k('printDataNote')}${attribution}`),
      ...(docs.length > 0 ? [el('p', { class: 'ps-docs' }, docs.join(' · '))] : []),
      el('p', { class: 'ps-link' }, `${k('printLink')}: ${location.href}`),
    ),
    el('img', { class: 'ps-qr', src: qr, alt: `QR: ${location.href}` }),
  );
}

const BODY: Record<Exclude<PrintWhat, object>, string | null> = {
  view: null,
  compare: '[data-compare]',
  route: '[data-toolkit] .body',
};

/** Builds the sheet for `what`; resolves to a function that removes it. */
export async function preparePrint(
  kit: Kit,
  what: PrintWhat,
  t: (key: MessageKey) => string,
): Promise<() => void> {
  const k = toolkitText(kit.app.lang);
  document.getElementById(PRINT_SHEET_ID)?.remove();
  const { features, subtitle } = subject(kit, what);
  const sheet = el('div', { id: PRINT_SHEET_ID, lang: kit.app.lang });
  const head = el(
    'header',
    { class: 'ps-head' },
    el('h1', {}, `${t('appName')} ${t('appNameLatin')}`),
    el('p', { class: 'ps-sub' }, subtitle),
    el('p', { class: 'ps-date' }, `${k('printDate')}: ${new Date().toISOString().slice(0, 10)}`),
  );
  const selector = typeof what === 'object' ? '.details [role=region]' : BODY[what];
  const body = selector ? paperCopy(selector) : null;
  const parts = [
    head,
    await mapFigure(kit, subtitle),
    legends(),
    body && el('section', { class: 'ps-body' }, body),
    await footer(kit, features),
  ];
  sheet.append(...parts.filter((p): p is HTMLElement => p !== null));
  document.body.append(sheet);
  document.documentElement.classList.add('printing');
  await Promise.all(
    [...sheet.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)),
  );
  return () => {
    sheet.remove();
    document.documentElement.classList.remove('printing');
  };
}

/** Builds the sheet, opens the browser's print dialogue, and removes the sheet afterwards. */
export async function printPage(
  kit: Kit,
  what: PrintWhat,
  t: (key: MessageKey) => string,
): Promise<void> {
  const done = await preparePrint(kit, what, t);
  addEventListener('afterprint', done, { once: true });
  print();
}
