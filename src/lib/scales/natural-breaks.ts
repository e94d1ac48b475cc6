/**
 * Natural breaks (Jenks, by simple-statistics' ckmeans) are one method of four and the only one
 * that needs a library: it is loaded when a view first asks for it, not on every visit (#16: the
 * first visit's JS budget). Until it is loaded, `clusters` throws: callers ask `naturalBreaksReady`
 * first and wait for `loadNaturalBreaks`.
 */
type Ckmeans = (sorted: number[], n: number) => number[][];

let ckmeans: Ckmeans | null = null;
let loading: Promise<void> | null = null;

export const naturalBreaksReady = (): boolean => ckmeans !== null;

export function loadNaturalBreaks(): Promise<void> {
  return (loading ??= import('simple-statistics').then((m) => {
    ckmeans = m.ckmeans;
  }));
}

/** The sorted values in n clusters of similar values (ckmeans). */
export function clusters(sorted: number[], n: number): number[][] {
  if (!ckmeans) throw new Error('natural breaks are not loaded yet (loadNaturalBreaks)');
  return ckmeans(sorted, n);
}
