/**
 * How tests and the benchmark start Chromium: Debian's /usr/bin/chromium (or CHROMIUM_PATH) with
 * the flags verified on this machine (../shared/TECH-NOTES.md): WebGL2 on SwiftShader, and no
 * background traffic to hosts the closed network refuses. Never add --disable-software-rasterizer:
 * it turns WebGL off.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
