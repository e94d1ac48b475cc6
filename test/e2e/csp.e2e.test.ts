/**
 * The Content-Security-Policy, as a browser applies it: sent by the dev and preview servers,
 * written into the built page, and holding: no inline script runs, eval throws, the app still
 * works in full (every other e2e test runs under it too, on the dev server).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium, openApp, startServer, type AppServer } from './harness.ts';

const OUT = 'dist-csp-test';
let browser: Browser;
const servers: AppServer[] = [];

beforeAll(async () => {
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
  rmSync(OUT, { recursive: true, force: true });
});

/** What the page refused: CSP violations, as the browser reports them. */
async function openWatching(url: string): Promise<{ page: Page; refused: string[] }> {
  const page = await browser.newPage();
  const refused: string[] = [];
  page.on('console', (m) => /Content Security Policy/.test(m.text()) && refused.push(m.text()));
  await openApp(page, url);
  return { page, refused };
}

/**
 * What a hostile file or link would try, from the page's own context: an inline handler, a
 * string timer (eval), a data: script, a javascript: link. Returns what ran and what the
 * browser reported refusing.
 */
async function attack(page: Page) {
  return page.evaluate(async () => {
    const w = window as unknown as Record<string, boolean | undefined>;
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(e.violatedDirective),
    );
    const div = document.createElement('div');
    div.setAttribute('onclick', 'window.__attr = true');
    document.body.append(div);
    div.click();
    (setTimeout as unknown as (code: string, ms: number) => void)('window.__timer = true', 0);
    const script = document.createElement('script');
    script.src = 'data:text/javascript,window.__data=true';
    document.body.append(script);
    const link = document.createElement('a');
    link.href = 'javascript:window.__js=true';
    document.body.append(link);
    link.click();
    await new Promise((r) => setTimeout(r, 300));
    const ran = ['__attr', '__timer', '__data', '__js'].filter((k) => w[k]);
    return { ran, violations: [...new Set(violations)].sort() };
  });
}

const REFUSED = ['script-src-attr', 'script-src-elem', 'script-src'].sort();

describe('Content-Security-Policy', () => {
  it('is sent by the dev server, and the app works under it', async () => {
    const server = await startServer();
    servers.push(server);
    const response = await fetch(server.url);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    const { page, refused } = await openWatching(server.url);
    expect(await page.evaluate(() => window.parkAtlas!.controller.map.loaded())).toBe(true);
    expect(refused).toEqual([]); // the app itself needs nothing the policy refuses
    expect(await attack(page)).toEqual({ ran: [], violations: REFUSED });
  });

  it('is in the built page and sent by the preview server', async () => {
    await build({ logLevel: 'error', build: { outDir: OUT, emptyOutDir: true } });
    const server = await startServer(true, OUT);
    servers.push(server);
    const response = await fetch(server.url);
    expect(response.headers.get('content-security-policy')).toContain("object-src 'none'");
    const { page, refused } = await openWatching(server.url);
    // The page carries it itself, for static hosts that send no headers.
    const meta = await page.evaluate(
      () =>
        document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]')
          ?.content,
    );
    expect(meta).toContain("script-src 'self'");
    expect(refused).toEqual([]);
    expect(await attack(page)).toEqual({ ran: [], violations: REFUSED });
  }, 120_000);
});
