/**
 * Reads a PDF that Chromium printed back into text, page by page — enough to check what a print
 * says without poppler: objects, Flate streams, fonts' ToUnicode CMaps and the text operators
 * (Tf, Tj, TJ). Not a general PDF reader: Chromium's (Skia's) output only.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

export interface PdfPage {
  /** [width, height] in points: A4 is 595 × 842. */
  size: [number, number];
  text: string;
  /** Images the page draws. */
  images: number;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const out = new Map<number, PdfObject>();
  const latin = pdf.toString('latin1');
  const re = /(\d+) 0 obj\b/g;
  for (let m = re.exec(latin); m; m = re.exec(latin)) {
    const start = m.index + m[0].length;
    const end = latin.indexOf('endobj', start);
    const body = latin.slice(start, end);
    const s = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (s >= 0 && body.slice(0, s).includes('<<')) {
      dict = body.slice(0, s);
      let from = start + s + 'stream'.length;
      if (latin[from] === '\r') from++;
      if (latin[from] === '\n') from++;
      const len = /\/Length (\d+)/.exec(dict);
      const to = len ? from + Number(len[1]) : latin.indexOf('endstream', from);
      const raw = pdf.subarray(from, to);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    }
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return out;
}

/** A ToUnicode CMap: code (hex) → text. */
function cmap(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code = '', uni = ''] of (block[1] ?? '').matchAll(
      /<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi,
    ))
      map.set(code.toLowerCase(), utf16(uni));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo = '', hi = '', uni = ''] of (block[1] ?? '').matchAll(
      /<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi,
    )) {
      const width = lo.length;
      for (let c = parseInt(lo, 16), u = parseInt(uni, 16); c <= parseInt(hi, 16); c++, u++)
        map.set(c.toString(16).padStart(width, '0'), String.fromCharCode(u));
    }
  return map;
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** The dictionary `<< … >>` after `/key`, inline or referenced. */
function subDict(all: Map<number, PdfObject>, dict: string, key: string): string {
  const r = ref(dict, key);
  if (r !== null) return all.get(r)?.dict ?? '';
  const i = dict.indexOf(`/${key}`);
  if (i < 0) return '';
  let depth = 0;
  const start = dict.indexOf('<<', i);
  for (let j = start; j < dict.length - 1; j++) {
    if (dict.startsWith('<<', j)) {
      depth++;
      j++;
    } else if (dict.startsWith('>>', j)) {
      depth--;
      j++;
      if (depth === 0) return dict.slice(start, j + 1);
    }
  }
  return '';
}

function pageText(content: string, fonts: Map<string, Map<string, string>>): string {
  let font = new Map<string, string>();
  let out = '';
  const re =
    /\/([\w.-]+)\s+[\d.]+\s+Tf|(\[(?:[^\]\\]|\\.)*\])\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\b(T\*|Td|TD|ET)\b/g;
  const decode = (hex: string) => {
    const w = [...font.keys()][0]?.length ?? 4;
    return (hex.match(new RegExp(`.{1,${w}}`, 'g')) ?? [])
      .map((c) => font.get(c.toLowerCase()) ?? '')
      .join('');
  };
  for (const m of content.matchAll(re)) {
    if (m[1]) font = fonts.get(m[1]) ?? new Map();
    else if (m[2])
      out += [...m[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => decode(h[1] ?? '')).join('');
    else if (m[3] !== undefined) out += decode(m[3]);
    else out += m[4] === 'ET' ? '\n' : ' ';
  }
  return out;
}

export function pdfPages(pdf: Buffer): PdfPage[] {
  const all = objects(pdf);
  const pages: PdfPage[] = [];
  for (const obj of all.values()) {
    if (!/\/Type\s*\/Page\b(?!s)/.test(obj.dict)) continue;
    const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(obj.dict);
    const resources = subDict(all, obj.dict, 'Resources');
    const fontDict = subDict(all, resources, 'Font');
    const fonts = new Map<string, Map<string, string>>();
    for (const [, name = '', id = ''] of fontDict.matchAll(/\/([\w.-]+)\s+(\d+) 0 R/g)) {
      const f = all.get(Number(id));
      const tu = f ? ref(f.dict, 'ToUnicode') : null;
      const stream = tu !== null ? all.get(tu)?.stream : null;
      if (stream) fonts.set(name, cmap(stream.toString('latin1')));
    }
    const xobjects = subDict(all, resources, 'XObject');
    const images = [...xobjects.matchAll(/\/[\w.-]+\s+(\d+) 0 R/g)].filter((m) =>
      /\/Subtype\s*\/Image/.test(all.get(Number(m[1]))?.dict ?? ''),
    ).length;
    const contentIds = /\/Contents\s*\[([^\]]*)\]/.exec(obj.dict)?.[1]?.match(/\d+(?= 0 R)/g) ?? [
      String(ref(obj.dict, 'Contents')),
    ];
    const content = contentIds
      .map((id) => all.get(Number(id))?.stream?.toString('latin1') ?? '')
      .join('\n');
    pages.push({
      size: box ? [Number(box[3]) - Number(box[1]), Number(box[4]) - Number(box[2])] : [0, 0],
      text: pageText(content, fonts),
      images,
    });
  }
  return pages;
}
