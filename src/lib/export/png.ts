/**
 * A map image to print or send: the map with a title, a legend, a scale bar, the attribution and
 * the date drawn around it, as a PNG. Drawn on a 2D canvas in the app's font.
 */
export interface MapImageParts {
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: { color: string; label: string }[];
  /** Metres per CSS pixel at the map's centre. */
  metersPerPixel: number;
  attribution: string;
  date: string;
  font: string;
}

/** A scale bar of a round length (1, 2 or 5 × 10ⁿ metres) no longer than `maxPx`. */
export function scaleBar(metersPerPixel: number, maxPx: number): { px: number; label: string } {
  const maxM = metersPerPixel * maxPx;
  const magnitude = 10 ** Math.floor(Math.log10(maxM));
  const step = [5, 2, 1].map((k) => k * magnitude).find((m) => m <= maxM) ?? magnitude;
  const label = step >= 1000 ? `${step / 1000} km` : `${step} m`;
  return { px: step / metersPerPixel, label };
}

const PAD = 16;
const HEADER = 64;
const FOOTER = 40;

export function composeMapImage(
  map: HTMLCanvasElement,
  ratio: number,
  p: MapImageParts,
): HTMLCanvasElement {
  const legendW = p.legend.length ? 220 : 0;
  const out = document.createElement('canvas');
  const w = map.width / ratio + legendW + PAD * 2;
  const h = map.height / ratio + HEADER + FOOTER;
  [out.width, out.height] = [Math.round(w * ratio), Math.round(h * ratio)];
  const g = out.getContext('2d');
  if (!g) return out;
  g.scale(ratio, ratio);
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, w, h);
  g.fillStyle = '#1a1a1a';
  g.font = `bold 20px ${p.font}`;
  g.fillText(p.title, PAD, 30);
  g.font = `13px ${p.font}`;
  g.fillStyle = '#555555';
  g.fillText(p.subtitle, PAD, 52);
  g.drawImage(map, PAD, HEADER, map.width / ratio, map.height / ratio);
  drawLegend(g, p, PAD * 2 + map.width / ratio, HEADER);
  drawFooter(g, p, h, map.width / ratio);
  return out;
}

function drawLegend(g: CanvasRenderingContext2D, p: MapImageParts, x: number, y: number): void {
  if (!p.legend.length) return;
  g.fillStyle = '#1a1a1a';
  g.font = `bold 13px ${p.font}`;
  g.fillText(p.legendTitle, x, y + 14);
  g.font = `12px ${p.font}`;
  p.legend.forEach((entry, i) => {
    const top = y + 28 + i * 22;
    g.fillStyle = entry.color;
    g.fillRect(x, top, 16, 16);
    g.fillStyle = '#1a1a1a';
    g.fillText(entry.label, x + 24, top + 13, 190);
  });
}

function drawFooter(g: CanvasRenderingContext2D, p: MapImageParts, h: number, mapW: number): void {
  const bar = scaleBar(p.metersPerPixel, 120);
  const y = h - FOOTER + 18;
  g.strokeStyle = '#1a1a1a';
  g.lineWidth = 2;
  g.beginPath();
  g.moveTo(PAD, y - 6);
  g.lineTo(PAD, y);
  g.lineTo(PAD + bar.px, y);
  g.lineTo(PAD + bar.px, y - 6);
  g.stroke();
  g.fillStyle = '#1a1a1a';
  g.font = `12px ${p.font}`;
  g.fillText(bar.label, PAD + bar.px + 8, y);
  g.fillStyle = '#555555';
  g.fillText(`${p.attribution} · ${p.date}`, PAD + bar.px + 70, y, mapW - bar.px - 70);
}
