import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDocuments } from '../../../src/lib/data/validate/documents.ts';
import type { ValidationError } from '../../../src/lib/data/validate/index.ts';

const TEXT = '一个标题\n来源:某报 日期:2018-10-08\n正文。';
const sources = { 'a.txt': TEXT };
const entry = () => ({
  file: 'a.txt',
  title: '一个标题',
  title_en: 'A title',
  publisher: '某报',
  publisher_en: 'Some paper',
  date: '2018-10-08',
  date_quote: '日期:2018-10-08',
  date_note: null,
  kind: 'news',
  zone: 'test-zone',
});
const file = (documents: unknown[]) => ({ about: 'Test documents.', documents });

function run(data: unknown, texts: Record<string, string> = sources): ValidationError[] {
  const errors: ValidationError[] = [];
  checkDocuments(data, 'documents.json', texts, errors);
  return errors;
}

describe('checkDocuments', () => {
  it('accepts a document described by its own words', () => {
    expect(run(file([entry()]))).toEqual([]);
  });

  it('rejects a title, publisher or date quote the text does not contain', () => {
    const fields = (['title', 'publisher', 'date_quote'] as const).map((k) => {
      const errors = run(file([{ ...entry(), [k]: `${entry()[k]}!` }]));
      return errors.map((e) => e.field);
    });
    expect(fields).toEqual([
      ['documents[0].title'],
      ['documents[0].publisher'],
      ['documents[0].date_quote'],
    ]);
  });

  it('needs a note when the date quote does not spell the year', () => {
    const noYear = { ...entry(), date: '2019-03', date_quote: '日期:2018-10-08' };
    expect(run(file([noYear])).map((e) => e.message)).toEqual([
      'does not spell the year 2019; say how the date follows in date_note',
    ]);
    expect(run(file([{ ...noYear, date_note: 'Read from the text.' }]))).toEqual([]);
  });

  it('reports a document without an entry and an entry without a document', () => {
    const errors = run(file([{ ...entry(), file: 'b.txt' }]));
    expect(errors.map((e) => [e.id, e.message])).toEqual([
      ['b.txt', 'no such document in data/sources/'],
      ['a.txt', 'document not described'],
    ]);
  });

  it('rejects an unknown kind and a missing English title', () => {
    const noEnglish: Record<string, unknown> = { ...entry(), kind: 'blog' };
    delete noEnglish.title_en;
    const errors = run(file([noEnglish]));
    expect(errors.map((e) => e.field).sort()).toEqual([
      'documents[0].kind',
      'documents[0].title_en',
    ]);
  });

  it('holds for the documents the app ships', () => {
    const root = new URL('../../../data/sources/', import.meta.url);
    const data = JSON.parse(readFileSync(new URL('documents.json', root), 'utf8')) as {
      documents: { file: string }[];
    };
    const texts = Object.fromEntries(
      data.documents.map((d) => [d.file, readFileSync(new URL(d.file, root), 'utf8')]),
    );
    expect(data.documents).toHaveLength(5);
    expect(run(data, texts)).toEqual([]);
  });
});
