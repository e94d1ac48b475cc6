/**
 * Copies text, reporting whether it worked: the Clipboard API is refused on insecure origins, in
 * some iframes and by some browsers' permission prompts, and the caller must then fall back.
 */
export async function copyText(
  text: string,
  clipboard: Pick<Clipboard, 'writeText'> | undefined = navigator.clipboard,
): Promise<boolean> {
  try {
    if (!clipboard) return false;
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The iframe snippet for embedding a view: the same link with the embed flag. */
export function embedSnippet(url: string, title: string): string {
  const escaped = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const safeTitle = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${escaped}" title="${safeTitle}" width="800" height="600" style="border:0" loading="lazy"></iframe>`;
}
