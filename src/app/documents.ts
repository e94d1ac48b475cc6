/**
 * The source documents: what each is (data/sources/documents.json) and its text, fetched from
 * this origin (Vite copies each data/sources/*.txt into the build and gives its URL, as for the
 * zone files). Loaded with the details panel or the reader, never by the first visit's chunk.
 */
import documentsFile from '../../data/sources/documents.json';
import type { SourceDocument } from '../lib/data/schema.ts';
import type { DocDates } from '../lib/data/time.ts';

const textFiles = import.meta.glob('../../data/sources/*.txt', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const textUrls = new Map(
  Object.entries(textFiles).map(([path, url]) => [path.split('/').pop() ?? path, url]),
);

/** What each document is, by file name. data:check holds the file to its schema. */
export const documents: ReadonlyMap<string, SourceDocument> = new Map(
  (documentsFile.documents as SourceDocument[]).map((d) => [d.file, d]),
);

/** Each document's publication date, by file name (the dates the time control reads). */
export const docDates: DocDates = new Map([...documents].map(([file, d]) => [file, d.date]));

const texts = new Map<string, Promise<string>>();

/** The document's text; rejects when there is no such document or it cannot be read. */
export function documentText(file: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  let text = texts.get(file);
  if (!text) {
    const url = textUrls.get(file);
    text = url
      ? fetchImpl(url).then((r) => {
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          return r.text();
        })
      : Promise.reject(new Error(file));
    // A failure is not kept: the next open tries again.
    text.catch(() => texts.delete(file));
    texts.set(file, text);
  }
  return text;
}

/** Where a quote is in its document ([start, end) offsets), or null when it is not there. */
export async function passageOf(file: string, quote: string): Promise<[number, number] | null> {
  const text = await documentText(file).catch(() => '');
  const at = quote === '' ? -1 : text.indexOf(quote);
  return at < 0 ? null : [at, at + quote.length];
}
