import { describe, expect, it } from 'vitest';
import { decodeText, looksLikeHtml } from '../../../src/lib/import/decode.ts';
import { fixtureBytes } from './fixture.ts';

const bytes = (...b: number[]) => new Uint8Array(b).buffer;
const utf8 = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

describe('decodeText', () => {
  it('reads UTF-8 and strips its BOM, so the first header is not "\\uFEFFname"', () => {
    expect(decodeText(utf8('经度,纬度'))).toEqual({ text: '经度,纬度', encoding: 'utf-8' });
    const withBom = decodeText(bytes(0xef, 0xbb, 0xbf, 0x61, 0x2c, 0x62));
    expect(withBom).toEqual({ text: 'a,b', encoding: 'utf-8' });
  });

  it('falls back to GB18030 for a GBK file saved by Chinese Excel', () => {
    const { text, encoding } = decodeText(fixtureBytes('parks-gbk.csv'));
    expect(encoding).toBe('gb18030');
    expect(text.split('\n')[0]).toBe('名称,经度,纬度,类型');
    expect(text).toContain('济南高新技术产业开发区,117.1283,36.6812');
  });

  it('reads UTF-16 LE with a BOM (Excel "Unicode text") without keeping the BOM', () => {
    const { text, encoding } = decodeText(fixtureBytes('parks-utf16.csv'));
    expect(encoding).toBe('utf-16le');
    expect(text.startsWith('名称\t经度\t纬度\r\n')).toBe(true);
  });

  it('reads UTF-16 BE with a BOM', () => {
    expect(decodeText(bytes(0xfe, 0xff, 0x7e, 0xcf, 0x00, 0x2c))).toEqual({
      text: '经,',
      encoding: 'utf-16be',
    });
  });

  it('recognises UTF-16 without a BOM by its NUL bytes, in either byte order', () => {
    const be = decodeText(fixtureBytes('parks-utf16be-nobom.csv'));
    expect(be.encoding).toBe('utf-16be');
    expect(be.text).toContain('淄博高新区\t118.0549\t36.8131');
    const text = 'lng,lat\n117.1,36.6\n';
    const le = new Uint8Array(text.length * 2);
    [...text].forEach((c, i) => (le[i * 2] = c.charCodeAt(0)));
    expect(decodeText(le.buffer)).toEqual({ text, encoding: 'utf-16le' });
  });

  it('gives empty text for an empty file', () => {
    expect(decodeText(new ArrayBuffer(0))).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('looksLikeHtml', () => {
  it('spots a web page returned instead of data', () => {
    expect(looksLikeHtml('<!DOCTYPE html>\n<html><body>Login</body></html>')).toBe(true);
    expect(looksLikeHtml('\n   <html lang="zh">')).toBe(true);
    expect(looksLikeHtml('\uFEFF<HTML>')).toBe(true);
  });

  it('leaves data alone, even data that mentions HTML', () => {
    expect(looksLikeHtml('name,html\n<html>,1')).toBe(false);
    expect(looksLikeHtml('{"type":"FeatureCollection"}')).toBe(false);
    expect(looksLikeHtml('<?xml version="1.0"?><kml>')).toBe(false);
    expect(looksLikeHtml('<htmlish>')).toBe(false);
  });
});
