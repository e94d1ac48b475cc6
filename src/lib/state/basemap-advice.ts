/**
 * What the online basemap form tells the user about a template, beyond the link's check: a
 * MapLibre style URL (not supported yet), an origin this deployment's CSP refuses, a GCJ-02
 * service. Imported by the form only, so it ships in the form's lazy chunk.
 */
import { templateProblem, type BasicProblem } from './basemap.ts';

export type TemplateProblem = BasicProblem | 'style' | 'origin';

/**
 * Checks a template for the form: the link's check; a style URL (a `.json`, or a `/styles/`
 * path, without placeholders) named as such; with `allowed`, an origin among them.
 */
export function checkTemplate(
  template: string,
  allowed?: readonly string[],
): TemplateProblem | null {
  const problem = templateProblem(template);
  if (problem === 'placeholders' && /\.json($|\?)|\/styles?\//i.test(template)) return 'style';
  if (problem !== null) return problem;
  if (allowed && !allowed.includes(templateOrigin(template) ?? '')) return 'origin';
  return null;
}

/** The origin of a template (`https://t0.tianditu.gov.cn`), or null if it is not a URL. */
export function templateOrigin(template: string): string | null {
  try {
    // Braces are not host characters: parse with them removed, so `{s}` hosts still read.
    const url = new URL(template.replace(/[{}]/g, ''));
    return url.origin === 'null' ? `${url.protocol}//` : url.origin;
  } catch {
    return null;
  }
}

/**
 * Tile services drawn in GCJ-02 (China's obfuscated datum), hundreds of metres off the WGS-84
 * data: Amap/AutoNavi, Tencent, Baidu (BD-09, offset further).
 */
const GCJ_HOSTS =
  /(^|\.)(amap\.com|autonavi\.com|gtimg\.com|qq\.com|map\.baidu\.com|bdimg\.com|bdstatic\.com|baidu\.com)$/i;

export function isGcjService(template: string): boolean {
  const origin = templateOrigin(template);
  return origin !== null && GCJ_HOSTS.test(new URL(origin).hostname);
}
