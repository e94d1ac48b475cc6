import { describe, expect, it } from 'vitest';
import { csp, dataOrigins, tileOrigins } from '../../../scripts/vite/csp.ts';

describe('the CSP and PARK_ATLAS_TILE_ORIGINS', () => {
  it('allows no tile origin by default: data and images from this origin only', () => {
    expect(tileOrigins('')).toEqual([]);
    expect(tileOrigins(undefined)).toEqual([]);
    const policy = csp([]);
    expect(policy).toContain("img-src 'self' data: blob:;");
    expect(policy).toContain("connect-src 'self' data: blob:;");
  });

  it('adds the listed origins to img-src and connect-src only', () => {
    const origins = tileOrigins(' https://t0.tianditu.gov.cn  http://127.0.0.1:9000/ ');
    expect(origins).toEqual(['https://t0.tianditu.gov.cn', 'http://127.0.0.1:9000']);
    const policy = csp(origins);
    expect(policy).toContain(
      "img-src 'self' data: blob: https://t0.tianditu.gov.cn http://127.0.0.1:9000;",
    );
    expect(policy).toContain(
      "connect-src 'self' data: blob: https://t0.tianditu.gov.cn http://127.0.0.1:9000;",
    );
    expect(policy).toContain("script-src 'self';");
  });

  it('refuses what is not an origin, rather than widening the policy', () => {
    expect(() => tileOrigins('*')).toThrow(/not an http\(s\) origin/);
    expect(() => tileOrigins('https://a.org/tiles')).toThrow();
    expect(() => tileOrigins("https://a.org; script-src 'unsafe-eval'")).toThrow();
    expect(() => tileOrigins('ftp://a.org')).toThrow();
  });

  it('adds the data origins (PARK_ATLAS_DATA_ORIGINS) to connect-src only', () => {
    const data = dataOrigins('https://data.example.org http://127.0.0.1:9000');
    expect(data).toEqual(['https://data.example.org', 'http://127.0.0.1:9000']);
    const policy = csp(['http://127.0.0.1:9000'], data);
    expect(policy).toContain(
      "connect-src 'self' data: blob: http://127.0.0.1:9000 https://data.example.org;",
    );
    expect(policy).toContain("img-src 'self' data: blob: http://127.0.0.1:9000;");
    expect(() => dataOrigins('https://a.org/x.csv')).toThrow(/PARK_ATLAS_DATA_ORIGINS/);
  });
});
