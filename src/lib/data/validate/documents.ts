/**
 * data/sources/documents.json against the texts it describes: one entry per document and a
 * document per entry; its title, publisher and the words its date is read from found verbatim in
 * the text; the date's year spelled in those words unless a note says how it follows from them.
 */
import * as v from 'valibot';
import { DocumentsFileSchema, type SourceDocument } from '../schema.ts';
import { err, schemaErrors, type ValidationError } from './errors.ts';

/** The valid entries by file name (none when the file fails its schema). */
export function checkDocuments(
  data: unknown,
  file: string,
  sources: Readonly<Record<string, string>>,
  errors: ValidationError[],
): Map<string, SourceDocument> {
  const byFile = new Map<string, SourceDocument>();
  const r = v.safeParse(DocumentsFileSchema, data);
  if (!r.success) {
    errors.push(...schemaErrors(r.issues, file, null));
    return byFile;
  }
  for (const [i, d] of r.output.documents.entries()) {
    const add = (field: string, message: string) =>
      errors.push(err(file, d.file, `documents[${i}].${field}`, message));
    if (byFile.has(d.file)) add('file', 'described twice');
    byFile.set(d.file, d);
    const text = sources[d.file];
    if (text === undefined) {
      add('file', 'no such document in data/sources/');
      continue;
    }
    const verbatim = (field: 'title' | 'publisher' | 'date_quote', value: string | null) => {
      if (value !== null && !text.includes(value)) add(field, `"${value}" is not in the text`);
    };
    verbatim('title', d.title);
    verbatim('publisher', d.publisher);
    verbatim('date_quote', d.date_quote);
    if ((d.publisher === null) !== (d.publisher_en === null))
      add('publisher_en', 'must be null exactly when publisher is');
    const year = d.date.slice(0, 4);
    if (d.date_note === null && !d.date_quote.includes(year))
      add('date_quote', `does not spell the year ${year}; say how the date follows in date_note`);
  }
  for (const name of Object.keys(sources)) {
    if (!byFile.has(name)) errors.push(err(file, name, 'documents', 'document not described'));
  }
  return byFile;
}
